// The answers of routes that had no contract type of their own (issue 19 item 7): list wrappers,
// small acknowledgements and the `Prefer: return=minimal` answers. Every route declares its
// response with the schema generated from these (src/contract/response-schemas/), so the OpenAPI
// document, the server and the web app share one definition. Dates are ISO-8601 strings.

import type { WeeklyHours } from '../kernel/domain-words.ts';
import type {
  CaseDetailResponse,
  CustomerView,
  EscalationView,
  FlaggedCaseView,
  PromiseView,
  TaskView,
  UserView,
} from './api-types.ts';
import type { MailboxView, SinkMessageView } from './email-outbound-types.ts';
import type { AgentPromiseFigure, BrokenPromiseItem } from './promise-api-types.ts';
import type { ImportReportView } from './retention-types.ts';

export interface SetupStatusResponse {
  needsSetup: boolean;
}

export interface UserListResponse {
  users: UserView[];
}

/** POST /tokens: the token in clear, shown this once. */
export interface ApiTokenCreated {
  token: string;
}

/** POST /cases with `Prefer: return=minimal`: the ids instead of the whole case. */
export interface CaseIntakeMinimal {
  caseId: string;
  reference: string;
  messageId: string;
  acknowledged: boolean;
}
export type CaseIntakeResponse = CaseDetailResponse | CaseIntakeMinimal;

/** POST /cases/:id/messages with `Prefer: return=minimal`. */
export interface MessageAddedMinimal {
  caseId: string;
  messageId: string;
}
export type MessageAddedResponse = CaseDetailResponse | MessageAddedMinimal;

export interface PromiseListResponse {
  promises: PromiseView[];
}

export interface EscalationListResponse {
  escalations: EscalationView[];
}

export interface TaskListResponse {
  tasks: TaskView[];
}

export interface TaskDoneResponse {
  id: string;
  doneAt: string | null;
}

export interface CustomerListResponse {
  customers: CustomerView[];
}

export interface FlaggedCaseListResponse {
  cases: FlaggedCaseView[];
}

export interface SupportAddressView {
  id: string;
  address: string;
  createdAt: string;
}

export interface SupportAddressListResponse {
  addresses: SupportAddressView[];
}

/** Stored inbound e-mail that did not become a customer message. */
export interface InboundEmailView {
  id: string;
  status: string;
  fromAddress: string | null;
  subject: string | null;
  note: string | null;
  error: string | null;
  caseId: string | null;
  receivedAt: string;
}

export interface InboundEmailListResponse {
  emails: InboundEmailView[];
}

export interface SinkMessageListResponse {
  messages: SinkMessageView[];
}

export interface MailboxListResponse {
  mailboxes: MailboxView[];
}

/** What one poll of a mailbox did. */
export interface MailboxPollResult {
  mailboxId: string;
  skipped: boolean;
  imported: number;
  alreadyImported: number;
  uidValidityReset: boolean;
  error: string | null;
}

export interface MailboxPollResponse {
  result: MailboxPollResult;
  mailbox: MailboxView;
}

export interface AgentPromiseFiguresResponse {
  agents: AgentPromiseFigure[];
}

export interface BrokenPromiseListResponse {
  items: BrokenPromiseItem[];
}

/** A business calendar: the workspace's (teamId null) or a team's own. */
export interface BusinessCalendarView {
  id: string;
  teamId: string | null;
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Local dates (YYYY-MM-DD) on which nobody works. */
  holidays: string[];
}

export interface BusinessCalendarListResponse {
  calendars: BusinessCalendarView[];
}

/** POST /imports: the file is stored and its import queued (202); follow it at GET /imports/:id. */
export interface ImportCreatedResponse {
  import: { id: string; status: 'queued' };
}

/** POST /retention/scores/refresh: what the refit found and how long each part took. */
export interface ClvFitSummaryView {
  asOf: string;
  customers: number;
  groups: number;
  model: 'bgnbd' | 'pareto-nbd';
  bgnbd: {
    params: { r: number; alpha: number; a: number; b: number };
    logLikelihood: number | null;
    fitted: boolean;
  };
  paretoNbd: {
    params: { r: number; alpha: number; s: number; beta: number };
    logLikelihood: number | null;
    fitted: boolean;
  };
  gammaGamma: {
    params: { p: number; q: number; gamma: number } | null;
    repeatCustomers: number;
    fitted: boolean;
    meanSpend: number;
  };
  horizonDays: number;
  annualDiscountRate: number;
  seconds: { groups: number; fit: number; score: number; write: number; total: number };
  fits: Record<'bgnbd' | 'paretoNbd' | 'gammaGamma', { seconds: number; evaluations: number | null }>;
}

export interface RetentionCaseOpened {
  caseId: string;
  reference: string;
}

export interface RetentionCallScheduled {
  taskId: string;
  dueAt: string;
}

/** The inbound benchmark's baseline route (off unless KEPT_BENCH_PROBE=1). */
export interface BenchProbeResponse {
  ok: boolean;
}
