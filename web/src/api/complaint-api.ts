import type {
  CaseComplaintView,
  ComplaintMarkResponse,
  ComplaintsReportResponse,
} from '@kept/contract/complaint-types.ts';
import type { ComplaintKind } from '@kept/contract/domain-words.ts';
import { request } from './api-client.ts';

// K12: a case's complaint and the complaints report (src/http/routes/complaint-routes.ts).
export const complaintApi = {
  ofCase: (caseId: string) => request<CaseComplaintView>(`/cases/${encodeURIComponent(caseId)}/complaint`),
  mark: (caseId: string, kind: ComplaintKind, reason: string) =>
    request<ComplaintMarkResponse>(`/cases/${encodeURIComponent(caseId)}/complaint`, {
      method: 'POST',
      body: { kind, reason },
    }),
  unmark: (caseId: string, reason: string) =>
    request<ComplaintMarkResponse>(`/cases/${encodeURIComponent(caseId)}/complaint/unmark`, {
      method: 'POST',
      body: { reason },
    }),
  report: () => request<ComplaintsReportResponse>('/retention/complaints'),
};
