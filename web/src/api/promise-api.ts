import type { PromiseKind } from '@kept/contract/api-types.ts';
import type {
  BrokenPromiseItem,
  DueSoonResponse,
  ExpectationChoice,
  ExpectationPageResponse,
  ExpectationReportResponse,
  MadePromiseResponse,
  PromiseRatesResponse,
  QuoteResponse,
  RecognizeResponse,
  SimulationResponse,
} from '@kept/contract/promise-api-types.ts';
import type { Channel } from '@kept/contract/domain-words.ts';
import { queryString, request } from './api-client.ts';

export interface NewPromise {
  kind: PromiseKind;
  channel: Channel;
  dueAt: string;
  description: string;
  confirmOverPromise?: boolean;
  phrase?: string;
}

export const promiseApi = {
  quote: (caseId: string, kind: PromiseKind, channel?: Channel) =>
    request<QuoteResponse>(`/promises/quote${queryString({ caseId, kind, channel })}`),
  make: (caseId: string, body: NewPromise) =>
    request<MadePromiseResponse>(`/cases/${encodeURIComponent(caseId)}/promises`, { method: 'POST', body }),
  recognize: (caseId: string, text: string) =>
    request<RecognizeResponse>('/promises/recognize', { method: 'POST', body: { caseId, text } }),
  rates: () => request<PromiseRatesResponse>('/promises/reports/rates'),
  broken: () => request<{ items: BrokenPromiseItem[] }>('/promises/reports/broken'),
  dueSoon: (mine: boolean, hours = 24) =>
    request<DueSoonResponse>(`/promises/reports/due-soon${queryString({ hours, mine: mine ? 'true' : 'false' })}`),
  simulation: (weeks = 8) => request<SimulationResponse>(`/promises/reports/simulation${queryString({ weeks })}`),
  expectations: () => request<ExpectationReportResponse>('/promises/reports/expectations'),
  expectationPage: (token: string) =>
    request<ExpectationPageResponse>(`/portal/expect/${encodeURIComponent(token)}`, { public: true }),
  answerExpectation: (token: string, choice: ExpectationChoice) =>
    request<ExpectationPageResponse>(`/portal/expect/${encodeURIComponent(token)}`, {
      method: 'POST',
      body: { choice },
      public: true,
    }),
};
