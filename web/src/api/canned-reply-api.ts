import type {
  CannedReplyListResponse,
  CannedReplyView,
  CaseCannedRepliesResponse,
} from '@kept/contract/canned-reply-types.ts';
import { request } from './api-client.ts';

export type { CannedReplyView };

export interface CannedReplyInput {
  title: string;
  body: string;
  language: string;
  shared: boolean;
}

export const cannedReplyApi = {
  list: () => request<CannedReplyListResponse>('/canned-replies').then((r) => r.replies),
  create: (body: CannedReplyInput) => request<CannedReplyView>('/canned-replies', { method: 'POST', body }),
  update: (id: string, body: CannedReplyInput) =>
    request<CannedReplyView>(`/canned-replies/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  remove: (id: string) => request<void>(`/canned-replies/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  forCase: (caseId: string) =>
    request<CaseCannedRepliesResponse>(`/cases/${encodeURIComponent(caseId)}/canned-replies`),
};
