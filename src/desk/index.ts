// The public face of src/desk/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { escapeHtml, renderAcknowledgement } from './acknowledgements/acknowledgement-text.ts';
export { CASE_TRANSITIONS, canTransition } from './cases/case-status.ts';
export { changeCaseStatus } from './cases/change-case-status.ts';
export { requireCase } from './cases/require-case.ts';
export { handOffCase } from './cases/hand-off-case.ts';
export { labelCase, TAG_LIMITS } from './cases/label-case.ts';
export { bulkChangeCases, BULK_CASES_MAX } from './cases/bulk-change-cases.ts';
export { newCaseFromJson, newCaseJsonSql, threadStateFromRow, threadStateJsonSql } from './cases/read-intake-state.ts';
export type { NewCaseState, ThreadState } from './cases/read-intake-state.ts';
export { receiveCustomerMessage } from './cases/receive-customer-message.ts';
export { recordStaffContact } from './cases/record-staff-contact.ts';
export type { ReceiveMessageInput } from './cases/receive-customer-message.ts';
export { freshStaffLoads } from './cases/staff-loads.ts';
export { escalateCase } from './escalations/escalate-case.ts';
export { ESCALATION_JOB_DEFINITIONS } from './escalations/escalation-jobs.ts';
export { openEscalation } from './escalations/open-escalation.ts';
export { answerEscalation, closeEscalation } from './escalations/resolve-escalation.ts';
export { detectSupervisorRequest } from './escalations/supervisor-request/supervisor-request-phrases.ts';
export { addInternalNote, sendAnswer } from './messages/send-answer.ts';
export type { SendAnswerInput } from './messages/send-answer.ts';
export { presentQuote, quoteFor, weighPromise } from './promises/capability/quote-for-case.ts';
export { DEFAULT_QUOTE_PERCENTILE } from './promises/capability/quote-rules.ts';
export { recognizeCommitments } from './promises/commitments/recognize-commitment.ts';
export { recognizeCommitmentsOnCase } from './promises/recognize-for-case.ts';
export { EXPECTATION_CHOICES } from './promises/expectations/expectation-choice.ts';
export { expectationReport } from './promises/expectations/expectation-report.ts';
export {
  expectationPage,
  recordExpectation,
  verifyExpectationLink,
} from './promises/expectations/record-expectation.ts';
export { makePromise, planPromise } from './promises/make-promise.ts';
export type { PromisePlan } from './promises/make-promise.ts';
export { addBusinessMinutes, officeHours } from './promises/capability/business-time.ts';
export type { BusinessCalendar } from './promises/capability/business-time.ts';
export { loadCalendar, teamOfUser } from './promises/capability/capability-store.ts';
export { makeQuotedPromise } from './promises/make-quoted-promise.ts';
export { PROMISE_JOB_DEFINITIONS } from './promises/promise-jobs.ts';
export { PROMISE_KINDS } from './promises/promise-rules.ts';
export { agentPromiseFigures, loadPromiseRates } from './promises/reports/load-promise-rates.ts';
export { runSimulation } from './promises/reports/run-simulation.ts';
export { keepPromise, renegotiatePromise } from './promises/resolve-promise.ts';
export { HELL_JOB_DEFINITIONS } from './service-hell/hell-jobs.ts';
export { computeHellMetrics } from './service-hell/hell-metrics.ts';
export { assessHell } from './service-hell/hell-thresholds.ts';
export { completeTask } from './tasks/task-operations.ts';
export { dismissSupervisorSuspicion } from './escalations/supervisor-request/dismiss-suspicion.ts';
export {
  COMPLAINT_PHRASE_LANGUAGES,
  COMPLAINT_REASON_CHARS,
  decideComplaint,
  markComplaint,
  planComplaintMark,
  presentComplaint,
  recognizeComplaint,
  unmarkComplaint,
} from './complaints/index.ts';
export type {
  ComplaintChangePlan,
  ComplaintWords,
  MarkComplaintInput,
  UnmarkComplaintInput,
} from './complaints/index.ts';
export {
  canEditCannedReply,
  createCannedReply,
  deleteCannedReply,
  updateCannedReply,
} from './replies/canned-reply-commands.ts';
export type { CannedReplyAuthor, CannedReplyRow } from './replies/canned-reply-commands.ts';
export { fillPlaceholders, MAX_CANNED_REPLY_LENGTH } from './replies/canned-reply-text.ts';
export { quotedTimeText } from './acknowledgements/acknowledgement-text.ts';
export {
  canEditSavedView,
  createSavedView,
  deleteSavedView,
  SAVED_VIEWS_MAX,
  updateSavedView,
} from './saved-views/saved-view-commands.ts';
export type { SavedViewAuthor, SavedViewRow } from './saved-views/saved-view-commands.ts';
