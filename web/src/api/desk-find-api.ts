// Finding work (issue 16): the searched, filtered case lists and the customer list.
import type { BulkChangeResponse, CaseListPage, CustomerListPage } from '@kept/contract/desk-find-types.ts';
import type { CaseDetailResponse } from '@kept/contract/api-types.ts';
import type { CaseListSort, CasePriority, CaseStatus, Channel } from '@kept/contract/domain-words.ts';
import { queryString, request } from './api-client.ts';
import type { CaseView } from './kept-api.ts';

export interface CaseFinderFilters {
  q?: string;
  status?: CaseStatus[];
  channel?: Channel[];
  language?: string[];
  priority?: CasePriority[];
  tag?: string;
  /** A person's id, or 'none' for unassigned cases. */
  ownerId?: string;
  flagged?: boolean;
  escalated?: boolean;
  promiseDue?: boolean;
  sort?: CaseListSort;
}

export interface NewCaseInput {
  customer?: { name: string; email?: string; phone?: string; language?: string };
  customerId?: string;
  channel: Channel;
  subject?: string;
  body: string;
  newTopic?: boolean;
}

const list = (words: readonly string[] | undefined) => (words?.length ? words.join(',') : undefined);

export const deskFindApi = {
  cases: (view: CaseView, filters: CaseFinderFilters) =>
    request<CaseListPage>(
      `/cases${queryString({
        view,
        q: filters.q,
        status: list(filters.status),
        channel: list(filters.channel),
        language: list(filters.language),
        priority: list(filters.priority),
        tag: filters.tag,
        ownerId: filters.ownerId,
        flagged: filters.flagged,
        escalated: filters.escalated,
        promiseDue: filters.promiseDue,
        sort: filters.sort,
      })}`,
    ),
  customers: (q: string) => request<CustomerListPage>(`/customers${queryString({ q })}`),
  bulkStatus: (caseIds: string[], status: CaseStatus) =>
    request<BulkChangeResponse>('/cases/bulk/status', { method: 'POST', body: { caseIds, status } }),
  bulkOwner: (caseIds: string[], ownerId: string, reason: string) =>
    request<BulkChangeResponse>('/cases/bulk/owner', { method: 'POST', body: { caseIds, ownerId, reason } }),
  /** A case opened by hand: a new customer or an existing one; a logged call may join their open case. */
  openCase: (body: NewCaseInput) => request<CaseDetailResponse>('/cases', { method: 'POST', body }),
  label: (caseId: string, body: { priority?: CasePriority; tags?: string[] }) =>
    request<CaseDetailResponse>(`/cases/${encodeURIComponent(caseId)}`, { method: 'PATCH', body }),
};
