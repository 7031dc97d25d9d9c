// The desk's words, written once: channels, statuses, roles and kinds. The API's types
// (src/contract), the schema's column types (src/db), the rules and the routes' validation all
// take them from here. A value here is stored in rows and events: renaming one is a migration.

export const CHANNELS = ['email', 'web', 'portal', 'chat', 'phone', 'voicemail', 'letter', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels over which Kept itself can deliver a message to the customer. */
export const DELIVERABLE_CHANNELS: readonly Channel[] = ['email', 'web', 'portal', 'chat'];

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
