// The append-only facts every metric is computed from. A type here is a stable name:
// reports, the hell detector and the timeline all read these, so renaming one is a migration.

import type {
  CasePriority,
  Channel,
  ComplaintKind,
  ComplaintSource,
  PromiseBreach,
  SurveyKind,
  SurveySkipReason,
} from '../kernel/domain-words.ts';

export { CHANNELS, DELIVERABLE_CHANNELS, type Channel, type PromiseBreach } from '../kernel/domain-words.ts';

interface EscalationReminder {
  escalationId: string;
  level: number;
  taskId: string | null;
  assigneeId: string | null;
  remindAt: string;
}

/** Who and what a survey is about, carried on its events so that reports group answers without joins (K16). */
export interface SurveyFacts {
  surveyId: string;
  kind: SurveyKind;
  channel: string;
  language: string | null;
  ownerId: string | null;
  teamId: string | null;
  /** The case's category (the kind of case), when it has one. */
  caseKind: string | null;
}

/** The fields of a customer a person may edit (issue 16). */
export type CustomerField = 'name' | 'email' | 'phone' | 'language';

export interface EventDataByType {
  'case.opened': { channel: Channel; subject: string };
  'case.assigned': { toUserId: string; reason: 'intake' | 'fallback_supervisor' | 'manual' };
  'case.handed_off': { fromUserId: string; toUserId: string; reason: string };
  'case.status_changed': { from: string; to: string };
  /** Priority or tags changed by an agent (issue 16): what was there before, and what is now. */
  'case.labelled': {
    priority?: { from: CasePriority; to: CasePriority };
    tags?: { added: string[]; removed: string[] };
  };
  /**
   * A customer contact on any channel (an inbound message, a logged call, a fax...). A repeat
   * inside the acknowledgement window carries `suppressedAcknowledgement`: its acknowledgement
   * record is this fact (the earlier acknowledgement covers it), not a second row.
   */
  'message.received': {
    messageId: string;
    channel: Channel;
    suppressedAcknowledgement?: { previousAcknowledgementId: string };
  };
  /** An answer to the customer (reply, logged outbound call, letter...). */
  'message.sent': { messageId: string; channel: Channel };
  'note.added': { messageId: string };
  'acknowledgement.sent': {
    acknowledgementId: string;
    messageId: string;
    reference: string;
    promisedBy: string;
    channel: Channel;
    delivered: boolean;
  };
  /**
   * A repeat message inside the acknowledgement window: recorded, not re-acknowledged. Written
   * as its own row before 2026-11-23; since then carried by the message's `message.received`
   * (one row less per repeat), and the timeline shows both alike.
   */
  'acknowledgement.suppressed': { messageId: string; previousAcknowledgementId: string };
  'promise.made': {
    promiseId: string;
    kind: string;
    dueAt: string;
    channel: Channel;
    ownerId: string;
    /** Issue 4: the capability quote at the time, and the confirmation of a faster promise. */
    quote?: { dueAt: string; minutes: number; percentile: number; sampleSize: number };
    overPromiseConfirmed?: boolean;
    /** Set when recorded from a recognised commitment in an agent's reply. */
    phrase?: string;
  };
  'promise.reminded': { promiseId: string };
  'promise.kept': { promiseId: string; early: boolean };
  'promise.broken': { promiseId: string };
  'promise.renegotiated': { promiseId: string; fromDueAt: string; toDueAt: string; messageId: string };
  'escalation.opened': {
    escalationId: string;
    via: 'portal' | 'message' | 'agent' | 'hell_detector' | 'promise_breach' | 'deadline_missed';
    deadlineAt: string;
    level: number;
  };
  'escalation.answered': { escalationId: string; messageId: string; supervisorId: string };
  'escalation.closed': { escalationId: string };
  /** A deadline missed below the top: one level up, the escalation's task handed to that level's person. */
  'escalation.deadline_missed': {
    escalationId: string;
    level: number;
    /** Since issue 14: the level it was at, and who has its one task now. */
    fromLevel?: number;
    taskId?: string | null;
    assigneeId?: string | null;
  };
  /** A deadline missed at the top of the organisation (issue 14): no level above; its person is reminded. */
  'escalation.overdue_at_top': EscalationReminder;
  /** A later reminder at the top: the same task, reopened if ticked off, due at the next reminder. */
  'escalation.reminded': EscalationReminder;
  /** A promise broken on the case while the escalation was open: recorded on it, its urgency raised. */
  'escalation.promise_broken': PromiseBreach & {
    escalationId: string;
    /** The escalation's deadline after the breach (pulled in if a new escalation's would be sooner). */
    deadlineAt: string;
    taskId: string | null;
    assigneeId: string | null;
  };
  /**
   * Issue 18: a customer message that may ask for a supervisor, below the confidence that
   * escalates by itself. The case screen asks the agent (escalate or dismiss) until either.
   */
  'supervisor.suspected': { messageId: string; phrase: string; confidence: number };
  /** The agent read the message and found no request for a supervisor in it. */
  'supervisor.suspicion_dismissed': { messageId: string };
  /** K12 (src/desk/complaints/): the case became a complaint — by whom or what, of which kind, why. */
  'complaint.marked': { kind: ComplaintKind; source: ComplaintSource; reason: string };
  /** A person changed the complaint's kind, with a reason. */
  'complaint.changed': { fromKind: ComplaintKind; toKind: ComplaintKind; reason: string };
  /** A person said the case is not a complaint after all, with a reason. */
  'complaint.unmarked': { kind: ComplaintKind; source: ComplaintSource; reason: string };
  'hell.flagged': { reasons: Array<{ metric: string; value: number; threshold: number }> };
  'task.created': { taskId: string; kind: string; dueAt: string; assigneeId: string };
  'task.done': { taskId: string };
  /** A customer entered by a person (issue 16), not met through a first message. */
  'customer.created': { name: string; email: string | null; phone: string | null; language: string | null };
  /** A person corrected a customer's record: each changed field, what it was and what it is now. */
  'customer.updated': { changes: Partial<Record<CustomerField, { from: string | null; to: string | null }>> };
  /** E-mail out (src/email/outbound/): a DSN said the address cannot receive mail. */
  'email.bounced': { outboxId: string | null; address: string; status: string | null; diagnostic: string | null };
  /** Delivery given up after the last retry (or a final 5xx); the case owner gets a task. */
  'email.failed': { outboxId: string; toAddress: string; attempts: number; error: string };
  /** An IMAP mailbox could not be read (first failure), and when it reads again. */
  'mailbox.failing': { mailboxId: string; error: string };
  'mailbox.recovered': { mailboxId: string };
  /** E-mail (issue 3): a machine's mail (auto-reply, bounce, our own acknowledgement) recorded, never acknowledged. */
  'email.auto_reply_recorded': { inboundEmailId: string; reason: string; from: string | null; subject: string | null };
  /** E-mail: a sender over the rate limit; stored, not acknowledged, flagged for a person. */
  'email.rate_limited': { inboundEmailId: string; from: string | null; recent: number };
  /** E-mail pointed at another case (a forward, another address, a stranger's headers): opened apart, linked. */
  'email.related_case': {
    inboundEmailId: string;
    relatedCaseId: string;
    relatedReference: string;
    by: string;
    from: string | null;
  };
  /**
   * E-mail whose Message-ID an earlier, different message already had: kept as a message of its
   * own; replies naming that Message-ID still go to the earlier message's case.
   */
  'email.message_id_reused': { inboundEmailId: string; messageIdHeader: string; earlierInboundEmailId: string };
  /** Surveys (issue 15): one went to the customer, or a throttling rule held it back. */
  'survey.sent': SurveyFacts & {
    /** Where the customer finds it: the portal (a portal case's), e-mail, or both. Absent on older events: e-mail. */
    via?: Array<'email' | 'portal'>;
  };
  'survey.skipped': SurveyFacts & { reason: SurveySkipReason };
  /**
   * The customer's answer (satisfaction 1–5 with effort 1–7 when asked, or NPS 0–10). A later
   * answer to the same survey is `revised`: reports count the latest per survey.
   */
  'survey.answered': SurveyFacts & {
    score: number;
    effort: number | null;
    comment: string | null;
    revised: boolean;
    followUpTaskId: string | null;
  };
}

export type EventType = keyof EventDataByType;

export interface KeptEvent<T extends EventType = EventType> {
  id: number;
  workspaceId: string;
  caseId: string | null;
  customerId: string | null;
  type: T;
  actorUserId: string | null;
  data: EventDataByType[T];
  occurredAt: Date;
}

/** A fact about to be appended (the store assigns the id). */
export type NewEvent<T extends EventType = EventType> = Omit<KeptEvent<T>, 'id'>;
