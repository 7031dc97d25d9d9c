// The complaints part of the desk (K12): marking, the table of allowed changes, the recognizer.
export { decideComplaint } from './complaint-rules.ts';
export type { ComplaintOutcome, ComplaintState } from './complaint-rules.ts';
export {
  COMPLAINT_REASON_CHARS,
  markComplaint,
  planComplaintMark,
  presentComplaint,
  unmarkComplaint,
} from './mark-complaint.ts';
export type { ComplaintChangePlan, MarkComplaintInput, UnmarkComplaintInput } from './mark-complaint.ts';
export { COMPLAINT_PHRASE_LANGUAGES, recognizeComplaint } from './recognize-complaint.ts';
export type { ComplaintWords } from './recognize-complaint.ts';
