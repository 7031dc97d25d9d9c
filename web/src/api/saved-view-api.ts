// Saved views (issue 16): named sets of the case list's filters, with live counts.
import type { SavedViewListResponse, SavedViewView } from '@kept/contract/saved-view-types.ts';
import { request } from './api-client.ts';

export type { SavedViewView };

export const savedViewApi = {
  list: () => request<SavedViewListResponse>('/saved-views').then((r) => r.views),
  create: (body: { name: string; filters: Record<string, string>; shared: boolean }) =>
    request<SavedViewView>('/saved-views', { method: 'POST', body }),
  rename: (id: string, name: string) =>
    request<SavedViewView>(`/saved-views/${encodeURIComponent(id)}`, { method: 'PUT', body: { name } }),
  remove: (id: string) => request<void>(`/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
