import type { LiveNoticeKind, MyNoticeKind, PresenceActivity } from '../kernel/domain-words.ts';

/**
 * One push notice (`GET /api/v1/live`, each `data:` line of the event stream): what changed, never the
 * data. The browser refetches what it shows. `desk`: an event was appended (`what`: its type, e.g.
 * `message.received`); `presence`: who is on `caseId` changed; `resync`: notices may have been missed.
 */
export interface LiveNotice {
  kind: LiveNoticeKind;
  caseId: string | null;
  what: string | null;
}

/** Another person on a case, as the collision warning shows them. */
export interface PresencePerson {
  userId: string;
  name: string;
  activity: PresenceActivity;
  /** When they started this activity (ISO). */
  since: string;
}

/** `GET`/`POST /api/v1/cases/:id/presence`: everyone on the case now, the caller included. */
export interface CasePresenceResponse {
  caseId: string;
  people: PresencePerson[];
}

/** A notification for what is mine: a new message on my case, my promise due or broken, an escalation to me. */
export interface MyNotice {
  /** The event it comes from; ids grow, so "seen up to" is one number. */
  eventId: number;
  kind: MyNoticeKind;
  caseId: string;
  caseReference: string;
  subject: string;
  at: string;
  unread: boolean;
}

/** `GET /api/v1/notifications`: the newest first (at most 30, of the last 14 days). */
export interface MyNoticesResponse {
  notices: MyNotice[];
  unread: number;
}
