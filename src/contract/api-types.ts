// The shapes the REST API returns, shared by the server's presenters and the web app
// (`import type` only, so nothing server-side leaks into the browser bundle).
// Dates travel as ISO-8601 strings.

import type {
  CasePriority,
  CaseStatus,
  Channel,
  EscalationStatus,
  PromiseKind,
  PromiseStatus,
  Role,
} from '../kernel/domain-words.ts';
import type { SupervisorSuspicionView } from './supervisor-suspicion-types.ts';
import type { PortalSurveyView } from './survey-types.ts';

export type {
  CaseStatus,
  Channel,
  EscalationStatus,
  PromiseKind,
  PromiseStatus,
  Role,
  WeeklyHours,
} from '../kernel/domain-words.ts';
export type Language = string; // ISO 639-1: 'en', 'ar', 'he', 'ru', ...

export interface ApiError {
  error: { code: string; message: string; field?: string; line?: number; header?: string };
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  languages: Language[];
  teamId: string | null;
  capacity: number;
  active: boolean;
  openCases?: number;
}

export interface WorkspaceView {
  id: string;
  name: string;
  slug: string;
  defaultLanguage: Language;
}

export interface MeResponse {
  user: UserView;
  workspace: WorkspaceView;
}

export interface CustomerView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language | null;
  createdAt: string;
  /** Mail to this address bounced for good (a DSN): shown on the customer and the case. */
  emailBouncedAt?: string | null;
  emailBounceReason?: string | null;
}

export interface CaseSummary {
  id: string;
  reference: string; // "K-1042"
  subject: string;
  status: CaseStatus;
  channel: Channel;
  language: Language | null;
  customer: { id: string; name: string };
  owner: { id: string; name: string } | null;
  createdAt: string;
  lastCustomerMessageAt: string | null;
  /** Oldest customer message on the case still waiting for an answer. */
  unansweredSince: string | null;
  openEscalation: boolean;
  hellFlagged: boolean;
  priority: CasePriority;
  /** Labels agents put on the case, in the order they were added. */
  tags: string[];
}

export interface CaseListResponse {
  cases: CaseSummary[];
}

/** One row of the unanswered queue: a customer message nobody has answered yet. */
export interface UnansweredItem {
  messageId: string;
  caseId: string;
  reference: string;
  subject: string;
  customer: { id: string; name: string };
  owner: { id: string; name: string } | null;
  channel: Channel;
  excerpt: string;
  receivedAt: string;
}

export interface UnansweredResponse {
  items: UnansweredItem[];
  total: number;
}

export type TimelineItemKind =
  | 'message' // inbound or outbound message, logged contact, or internal note
  | 'event'; // handoff, acknowledgement, promise, escalation, status change...

export interface MessageView {
  id: string;
  caseId: string;
  direction: 'inbound' | 'outbound';
  channel: Channel;
  internal: boolean;
  body: string;
  language: Language | null;
  author: { kind: 'customer' | 'user' | 'system'; id: string | null; name: string };
  answeredAt: string | null;
  createdAt: string;
  /** E-mail: the quoted history and signature folded under the new part (body). */
  quotedText?: string | null;
  /** E-mail: sanitized HTML; remote images carry their address in data-src, loaded only on request. */
  htmlBody?: string | null;
  attachments?: EmailAttachmentView[];
}

/** An attachment of an inbound e-mail; download at /api/v1/email/attachments/:id. */
export interface EmailAttachmentView {
  id: string;
  /** The name it downloads under: no path, no control or bidi characters, bounded. */
  filename: string;
  /** The name as the sender wrote it: for display only (user text: dir="auto"). */
  originalFilename: string;
  declaredType: string;
  detectedType: string | null;
  size: number;
  inline: boolean;
  dangerous: boolean;
  dangerReasons: string[];
  downloadable: boolean;
}

export interface TimelineItem {
  kind: TimelineItemKind;
  at: string;
  caseId: string | null;
  /** For kind 'event': the event type (see src/events/event-types.ts) and its data. */
  eventType?: string;
  data?: Record<string, unknown>;
  actor?: { id: string; name: string } | null;
  message?: MessageView;
}

export interface PromiseView {
  id: string;
  caseId: string;
  reference: string;
  kind: PromiseKind;
  channel: Channel;
  description: string;
  owner: { id: string; name: string };
  dueAt: string;
  status: PromiseStatus;
  createdAt: string;
  resolvedAt: string | null;
  /** Issue 4: the capability quote when it was made; true when a faster time was confirmed. */
  quotedDueAt?: string | null;
  overPromiseConfirmed?: boolean;
}

export interface EscalationView {
  id: string;
  caseId: string;
  reference: string;
  customer: { id: string; name: string };
  via: string;
  reason: string;
  level: number;
  status: EscalationStatus;
  deadlineAt: string;
  overdue: boolean;
  answeredAt: string | null;
  answeredBy: { id: string; name: string } | null;
  createdAt: string;
  /** Since when it has been overdue at the top of the organisation, with no level above (issue 14). */
  overdueAtTopSince: string | null;
  /** Promises broken on the case while it was open, oldest first: what the supervisor must know. */
  breaches: EscalationBreachView[];
}

export interface EscalationBreachView {
  promiseId: string;
  kind: PromiseKind;
  description: string;
  owner: { id: string; name: string };
  dueAt: string;
  brokenAt: string;
}

export interface TaskView {
  id: string;
  caseId: string | null;
  reference: string | null;
  kind: string; // 'follow_up_contact' | 'call' | 'letter' ...
  title: string;
  assignee: { id: string; name: string };
  dueAt: string;
  doneAt: string | null;
  /** An escalation's task: the level the escalation is at (it is handed up, not repeated per level). */
  escalationLevel?: number;
}

/** The figures a case is judged on for service hell (K8), by name. */
export type HellMetricName =
  | 'contacts'
  | 'channels'
  | 'people'
  | 'handoffs'
  | 'reopenings'
  | 'totalWaitMinutes'
  | 'brokenPromises'
  | 'unansweredMessages'
  | 'spanDays';

export type HellMetrics = Record<HellMetricName, number>;

export interface HellAssessment {
  metrics: HellMetrics;
  flagged: boolean;
  reasons: Array<{ metric: HellMetricName; value: number; threshold: number }>;
}

export interface CaseDetailResponse {
  case: CaseSummary & { priority: string; isComplaint: boolean };
  customer: CustomerView;
  timeline: TimelineItem[];
  promises: PromiseView[];
  escalations: EscalationView[];
  tasks: TaskView[];
  hell: HellAssessment;
  respect: { firstResponseMinutes: number | null; totalWaitMinutes: number; transfers: number };
  allowedTransitions: CaseStatus[];
  /** Issue 18: the customer may be asking for a supervisor; null when not, or already answered. */
  supervisorSuspicion: SupervisorSuspicionView | null;
}

export interface CustomerDetailResponse {
  customer: CustomerView;
  cases: CaseSummary[];
  /** The newest 100 messages with the facts since; each case's own view has its full history. */
  timeline: TimelineItem[];
  olderMessagesOmitted: boolean;
  hell: HellAssessment;
}

export interface Distribution {
  count: number;
  p50: number | null;
  p90: number | null;
  max: number | null;
  /** Histogram buckets: [upper bound, count]; `over`: the values above the last bound (le is the largest). */
  buckets: Array<{ le: number; count: number; over?: true }>;
}

/** Respect-for-time figures of one team or channel (minutes; null when there is nothing to measure). */
export interface TimeFigures {
  key: string;
  cases: number;
  firstResponse: { count: number; p50: number | null; p90: number | null };
  /** each waiting period: from a customer message with nothing pending to the next answer (or now) */
  wait: { count: number; p50: number | null; p90: number | null };
  /** per case, the sum of its waits */
  totalWait: { p50: number | null; p90: number | null };
  handoffs: { mean: number; p90: number | null };
}

export interface ServiceMetricsResponse {
  from: string;
  to: string;
  firstResponseMinutes: Distribution;
  waitMinutes: Distribution;
  firstResponseByChannel: Array<{ channel: Channel; p50: number | null; p90: number | null; count: number }>;
  firstResponseByTeam: Array<{ team: string; p50: number | null; p90: number | null; count: number }>;
  handoffsPerCase: Distribution;
  /** K7 per owner's team ('' = no team) and per channel: first response, waits, total wait per case, handoffs */
  timeByTeam: TimeFigures[];
  timeByChannel: TimeFigures[];
  unanswered: number;
  openEscalations: number;
  overdueEscalations: number;
  hellFlaggedCases: number;
  promises: { open: number; kept: number; broken: number; renegotiated: number };
  /** Daily series for charts. */
  daily: Array<{ day: string; received: number; answered: number; escalations: number; handoffs: number }>;
}

export interface HellThresholds {
  contacts: number;
  channels: number;
  people: number;
  handoffs: number;
  reopenings: number;
  totalWaitMinutes: number;
  brokenPromises: number;
  unansweredMessages: number;
}

export interface WorkspaceSettings {
  /** Repeat customer messages within this many minutes are acknowledged once. */
  acknowledgementWindowMinutes: number;
  /** What the acknowledgement promises for a first answer, in business-agnostic minutes. */
  firstResponseMinutes: number;
  escalationDeadlineMinutes: number;
  promiseReminderMinutes: number;
  hellThresholds: HellThresholds;
  supportPhone: string;
  supportEmail: string;
  supportHours: string;
  /** Issue 4: quotes are this percentile of how long similar work took (default 90). */
  quotePercentile?: number;
  /** Issue 4: acknowledgements quote from measured capability (default true); off = firstResponseMinutes. */
  quoteFromCapability?: boolean;
}

// Portal (customer side; authenticated by the signed token in the URL)

export interface PortalInfoResponse {
  workspaceName: string;
  reachAHuman: { phone: string; email: string; hours: string };
}

export interface PortalRequestCreated {
  reference: string;
  promisedBy: string;
  acknowledgement: string; // the acknowledgement text, in the customer's language
  portalToken: string;
}

export interface PortalCaseView {
  id: string;
  reference: string;
  subject: string;
  status: CaseStatus;
  createdAt: string;
  promisedBy: string | null;
  messages: Array<{
    id: string;
    direction: 'inbound' | 'outbound';
    body: string;
    createdAt: string;
    authorName: string;
  }>;
  supervisorRequested: boolean;
  escalationStatus: EscalationStatus | null;
}

export interface PortalSessionResponse {
  workspaceName: string;
  customer: { name: string; language: Language | null };
  cases: PortalCaseView[];
  /** Surveys waiting for the customer's answer (newest first, at most five). */
  surveys: PortalSurveyView[];
  reachAHuman: { phone: string; email: string; hours: string };
}

/** GET /flags: a case the service-hell detector flagged, with the reasons it crossed. */
export interface FlaggedCaseView extends CaseSummary {
  hellReasons: HellAssessment['reasons'];
  hellFlaggedAt: string | null;
}
