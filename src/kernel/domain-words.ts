// The desk's words, written once: channels, statuses, roles and kinds. The API's types
// (src/contract), the schema's column types (src/db), the rules and the routes' validation all
// take them from here. A value here is stored in rows and events: renaming one is a migration.

export const CHANNELS = ['email', 'web', 'portal', 'chat', 'phone', 'voicemail', 'letter', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels over which Kept itself can deliver a message to the customer. */
export const DELIVERABLE_CHANNELS: readonly Channel[] = ['email', 'web', 'portal', 'chat'];

/** Contacts a staff member records by hand (a call, a voicemail, a letter, a fax): a person must follow them up. */
export const LOGGED_CHANNELS: readonly Channel[] = ['phone', 'voicemail', 'letter', 'fax'];

export const CASE_STATUSES = ['new', 'open', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How urgent a case is (issue 16), lowest first; new cases are `normal`. */
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** The orders of a case list (issue 16): last changed, oldest first, longest waiting, most urgent. */
export const CASE_LIST_SORTS = ['recent', 'oldest', 'waiting', 'priority'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

/** A case still in the desk's hands: counted in loads, threaded into, listed as open. */
export const OPEN_CASE_STATUSES = ['new', 'open', 'waiting_on_customer'] as const satisfies readonly CaseStatus[];

/**
 * Every staff role, lowest first: the order is the organisation's hierarchy, which the
 * escalation ladder (src/desk/escalations/escalation-ladder.ts) climbs.
 */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles above `role`, nearest first. */
export function rolesAbove(role: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(role) + 1);
}

/** Who answers and closes escalations and reads the analyses; in the order a case falls back to them. */
export const SUPERVISING_ROLES = ['supervisor', 'admin'] as const satisfies readonly Role[];

export const PROMISE_KINDS = ['first_response', 'resolution', 'callback', 'refund', 'delivery', 'other'] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'renegotiated'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** A broken promise as an escalation records it: which promise, whose, due when, broken when. */
export interface PromiseBreach {
  promiseId: string;
  kind: string;
  description: string;
  ownerId: string;
  dueAt: string;
  brokenAt: string;
}

export const ESCALATION_STATUSES = ['open', 'answered', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** Business hours: [start, end) minutes of the local day, per weekday; index 0 = Sunday. */
export type WeeklyHours = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

/** What another person is doing on a case (issue 16's collision warning): reading it, or writing to it. */
export const PRESENCE_ACTIVITIES = ['viewing', 'replying'] as const;
export type PresenceActivity = (typeof PRESENCE_ACTIVITIES)[number];

/** Why a person is notified (issue 16): a new message on their case, their promise due or broken, an escalation to them. */
export const MY_NOTICE_KINDS = ['message', 'promise_due', 'promise_broken', 'escalation'] as const;
export type MyNoticeKind = (typeof MY_NOTICE_KINDS)[number];

/** What a push notice says changed (issue 16): an event on the desk, someone's presence, or anything (resync). */
export const LIVE_NOTICE_KINDS = ['desk', 'presence', 'resync'] as const;
export type LiveNoticeKind = (typeof LIVE_NOTICE_KINDS)[number];
/** What a complaint is about (K12), chosen by the agent; marks made by the desk itself start as `unspecified`. */
export const COMPLAINT_KINDS = [
  'unspecified',
  'product',
  'billing',
  'delivery',
  'waiting',
  'staff',
  'broken_promise',
  'other',
] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Who or what made a case a complaint: an agent, the customer's words, a survey scored 1–2, a supervisor asked for. */
export const COMPLAINT_SOURCES = ['agent', 'customer_words', 'survey', 'supervisor_request'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
/** Surveys (K16): satisfaction after a resolved case (with effort when the workspace asks it), NPS per customer. */
export const SURVEY_KINDS = ['satisfaction', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_STATUSES = ['scheduled', 'sent', 'answered', 'skipped'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Why a survey was not sent: each is a throttling rule of issue 15. */
export const SURVEY_SKIP_REASONS = [
  'recently_surveyed',
  'escalation_open',
  'complaint_open',
  'address_bounced',
  'opted_out',
  'no_address',
  'surveys_off',
] as const;
export type SurveySkipReason = (typeof SURVEY_SKIP_REASONS)[number];

/** The scales: satisfaction 1–5, effort 1–7 ("how easy was it?"), NPS 0–10. */
export const SURVEY_SCALES = {
  satisfaction: { min: 1, max: 5 },
  effort: { min: 1, max: 7 },
  nps: { min: 0, max: 10 },
} as const;

/** Areas a manager rates the service of, per quarter (K17, the perception gap). */
export const PERCEPTION_AREA_KINDS = ['overall', 'team', 'channel', 'touchpoint'] as const;
export type PerceptionAreaKind = (typeof PERCEPTION_AREA_KINDS)[number];

/**
 * A purchase import (src/retention/): queued when its upload is stored, running, then done,
 * failed (the file was refused or the import broke) or cancelled (nothing imported).
 */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** The only moves an import's status makes; the finished statuses are final. */
export const IMPORT_STATUS_TRANSITIONS: Readonly<Record<ImportStatus, readonly ImportStatus[]>> = {
  queued: ['running', 'cancelled', 'failed'],
  running: ['done', 'failed', 'cancelled'],
  done: [],
  failed: [],
  cancelled: [],
};
/** What a running import is doing, in order. */
export const IMPORT_PHASES = ['reading', 'customers', 'purchases', 'summary', 'rollups'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
