// Response shapes of issue 4's endpoints (quotes, recognition, reports, expectations), shared
// with the web app by `import type` only. Kept apart from api-types.ts so the promise
// features can grow without touching the shared contract file.
import type { Channel } from '../kernel/domain-words.ts';
import type { PromiseKind, PromiseView } from './api-types.ts';

export interface QuoteView {
  kind: string;
  percentile: number;
  /** The percentile of similar work, in business minutes when `businessHours`. */
  minutes: number;
  businessHours: boolean;
  sampleSize: number;
  /** Which group it came from: 'channel+language+priority', ..., 'kind'. */
  group: string;
  exactDueAt: string;
  /** Rounded up for the customer: what to promise. */
  dueAt: string;
  rounding: 'quarter_hour' | 'half_hour' | 'hour' | 'day';
}

export interface QuoteResponse {
  quote: QuoteView | null;
  /** When there is no history: the fixed fallback the acknowledgement uses. */
  fallbackMinutes: number;
}

/** POST /cases/:id/promises answers this (a PromiseView plus what the quote said). */
export type MadePromiseResponse = PromiseView & { warning: string | null; quote: QuoteView | null };

/** The 422 body of an unconfirmed over-promise. */
export interface OverPromiseError {
  error: { code: 'promise.over_promise'; message: string; field: 'confirmOverPromise' };
  warning: string;
  quote: QuoteView;
  promisedMinutes: number;
}

export interface CommitmentSuggestion {
  kind: PromiseKind;
  dueAt: string;
  phrase: string;
  /** Whether the time was said ("tomorrow at 3 pm") or assumed (a day without an hour → 17:00). */
  timeStated: boolean;
  quote: QuoteView | null;
  overPromise: boolean;
  warning: string | null;
}

export interface RecognizeResponse {
  language: string;
  suggestions: CommitmentSuggestion[];
}

export interface RateRow {
  key: string;
  label: string;
  made: number;
  kept: number;
  broken: number;
  renegotiated: number;
  open: number;
  keptRate: number | null;
  brokenRate: number | null;
  renegotiatedRate: number | null;
  early: number;
  onTime: number;
  late: number;
  earlyShare: number | null;
  onTimeShare: number | null;
  lateShare: number | null;
}

export interface PromiseRatesResponse {
  from: string;
  to: string;
  overall: RateRow;
  byOwner: RateRow[];
  byTeam: RateRow[];
  byChannel: RateRow[];
  byKind: RateRow[];
  byWeek: RateRow[];
}

export interface BrokenPromiseItem {
  promise: PromiseView;
  customerName: string;
  brokenAt: string;
  /** What happened on the case after the breach, first events first. */
  next: Array<{ at: string; type: string; data: Record<string, unknown>; actorName: string | null }>;
}

export interface DueSoonItem {
  promise: PromiseView;
  customerName: string;
  minutesLeft: number;
  overdue: boolean;
}

export interface DueSoonResponse {
  now: string;
  hours: number;
  items: DueSoonItem[];
}

export interface SimulationResponse {
  weeks: number;
  percentile: number;
  /** Promises in the window whose outcome is known (kept or broken). */
  promises: number;
  actualKeptShare: number | null;
  simulatedKeptShare: number | null;
  byKind: Array<{
    kind: string;
    promises: number;
    actualKeptShare: number | null;
    simulatedKeptShare: number | null;
    quotedMinutes: number | null;
  }>;
  byWeek: Array<{ week: string; promises: number; actualKeptShare: number | null; simulatedKeptShare: number | null }>;
}

export type ExpectationChoice = 'hour' | 'today' | 'tomorrow' | 'week';

export interface ExpectationGapRow {
  key: string;
  customers: number;
  met: number;
  metShare: number | null;
  /** Median of (answeredAt − expectedBy) in minutes: positive = later than expected. */
  medianGapMinutes: number | null;
  /** Median of what they expected, and of the capability quote, in minutes from intake. */
  medianExpectedMinutes: number | null;
  quotedMinutes: number | null;
  /** The expectation is systematically faster than the team's 90th percentile. */
  beyondCapability: boolean;
}

export interface ExpectationReportResponse {
  from: string;
  to: string;
  overall: ExpectationGapRow;
  byChannel: ExpectationGapRow[];
  byLanguage: ExpectationGapRow[];
  byChoice: ExpectationGapRow[];
}

export interface ExpectationPageResponse {
  workspaceName: string;
  reference: string;
  language: string | null;
  promisedBy: string | null;
  answered: { choice: string; expectedBy: string } | null;
}

export interface AgentPromiseFigure {
  userId: string;
  name: string;
  made: number;
  kept: number;
  broken: number;
  keptRate: number | null;
}

export type { Channel };
