import type {
  AtRiskResponse,
  AtRiskScope,
  ClvResponse,
  CohortsResponse,
  ComplaintRateResponse,
  CustomerRiskView,
  ImportListResponse,
  ImportResponse,
  LoyalListResponse,
  ParetoResponse,
  RepeatResponse,
  RetentionSettingsView,
} from '@kept/contract/retention-types.ts';
import { ApiFailure, request } from './api-client.ts';

export const retentionApi = {
  repeat: () => request<RepeatResponse>('/retention/repeat'),
  loyal: () => request<LoyalListResponse>('/retention/loyal?limit=20'),
  cohorts: (definition: 'model' | 'gap') => request<CohortsResponse>(`/retention/cohorts?definition=${definition}`),
  pareto: () => request<ParetoResponse>('/retention/pareto'),
  complaintRate: () => request<ComplaintRateResponse>('/retention/complaint-rate'),
  clv: () => request<ClvResponse>('/retention/clv'),
  atRisk: (scope: AtRiskScope = 'all') => request<AtRiskResponse>(`/retention/at-risk?limit=50&scope=${scope}`),
  customerRisk: (id: string) => request<CustomerRiskView>(`/retention/customers/${id}/risk`),
  openCase: (id: string) =>
    request<{ caseId: string; reference: string }>(`/retention/customers/${id}/case`, { method: 'POST', body: {} }),
  scheduleCall: (id: string, dueAt: string) =>
    request<{ taskId: string }>(`/retention/customers/${id}/call`, { method: 'POST', body: { dueAt } }),
  refreshScores: () => request<unknown>('/retention/scores/refresh', { method: 'POST' }),
  imports: () => request<ImportListResponse>('/imports'),
  settings: () => request<RetentionSettingsView>('/retention/settings'),
  saveSettings: (body: Partial<RetentionSettingsView>) =>
    request<RetentionSettingsView>('/retention/settings', { method: 'PUT', body }),
  /** The file is sent as the body (no multipart); the server stores it and imports it in the background (202). */
  async upload(file: File, format: string, skipBadRows: boolean): Promise<{ id: string }> {
    const query = new URLSearchParams({ format, skipBadRows: String(skipBadRows), source: file.name });
    const response = await fetch(`/api/v1/imports?${query}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
      body: file,
    });
    const payload = (await response.json().catch(() => null)) as {
      import?: { id: string };
      error?: { code: string; message: string };
    } | null;
    if (response.status === 202 && payload?.import) return payload.import;
    throw new ApiFailure(
      response.status,
      payload?.error?.code ?? `http_${response.status}`,
      payload?.error?.message ?? response.statusText,
    );
  },
  importStatus: (id: string) => request<ImportResponse>(`/imports/${id}`),
  cancelImport: (id: string) => request<ImportResponse>(`/imports/${id}/cancel`, { method: 'POST' }),
};
