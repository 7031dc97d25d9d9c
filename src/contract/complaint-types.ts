// K12: a case's complaint as the API answers it, and the complaints report (src/desk/complaints/,
// src/retention/report-complaints.ts). Response schemas generated into response-schemas/.
import type { ComplaintKind, ComplaintSource } from '../kernel/domain-words.ts';

export interface CaseComplaintView {
  caseId: string;
  isComplaint: boolean;
  /** Kept after an unmark, so the screen can say what it was. */
  kind: ComplaintKind | null;
  source: ComplaintSource | null;
  reason: string | null;
  markedAt: string | null;
  unmarkedAt: string | null;
}

export interface ComplaintMarkResponse {
  complaint: CaseComplaintView;
  /** What the request did: `unchanged` when the case already was that complaint. */
  outcome: 'marked' | 'changed' | 'unchanged' | 'unmarked';
}

export interface ComplaintCountView {
  key: string;
  complaints: number;
}

/** The last 12 months' complaints: the rate per 1,000 active customers, by kind and by source, and their spread. */
export interface ComplaintsReportResponse {
  from: string;
  to: string;
  complaints: number;
  active: number;
  per1000: number | null;
  byKind: ComplaintCountView[];
  bySource: ComplaintCountView[];
  /** Complaints among the customers who complained: the share of the top 20% of them, and the Gini. */
  complainers: number;
  top20Share: number | null;
  gini: number | null;
  /** Open cases that are complaints now. */
  open: number;
}
