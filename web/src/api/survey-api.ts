import type {
  ConsistencyResponse,
  PerceptionGapResponse,
  SurveyPageResponse,
  SurveyReportResponse,
  SurveySettingsView,
} from '@kept/contract/survey-types.ts';
import type { PerceptionAreaKind } from '@kept/contract/domain-words.ts';
import { request } from './api-client.ts';

export type SurveyGrouping = 'team' | 'owner' | 'channel' | 'language' | 'caseKind' | 'month';

const link = (token: string) => `/portal/survey/${encodeURIComponent(token)}`;
const range = (from?: string, to?: string) => {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q;
};

export const surveyApi = {
  page: (token: string) => request<SurveyPageResponse>(link(token)),
  answer: (token: string, body: { score: number; effort?: number; comment?: string }) =>
    request<SurveyPageResponse>(link(token), { method: 'POST', body }),
  optOut: (token: string) => request<SurveyPageResponse>(`${link(token)}/opt-out`, { method: 'POST', body: {} }),
  report: (from?: string, to?: string) => request<SurveyReportResponse>(`/surveys/report?${range(from, to)}`),
  consistency: (by: SurveyGrouping, from?: string, to?: string) => {
    const q = range(from, to);
    q.set('by', by);
    return request<ConsistencyResponse>(`/surveys/consistency?${q}`);
  },
  perception: (period?: string) =>
    request<PerceptionGapResponse>(`/surveys/perception${period ? `?period=${encodeURIComponent(period)}` : ''}`),
  ratePerception: (body: { period: string; areaKind: PerceptionAreaKind; areaKey: string; rating: number }) =>
    request<PerceptionGapResponse>('/surveys/perception', { method: 'PUT', body }),
  settings: () => request<SurveySettingsView>('/surveys/settings'),
  saveSettings: (body: SurveySettingsView) => request<SurveySettingsView>('/surveys/settings', { method: 'PUT', body }),
};
