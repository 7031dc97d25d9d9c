import type { SurveySkipReason } from '../kernel/domain-words.ts';

// Whether a survey may go now (issue 15): at most one per customer per `throttleDays`, never
// while an escalation or a complaint of theirs is open, never to an address that bounced or
// opted out. Pure: send-survey.ts gathers these facts under the customer's row lock, so two
// instances deciding at once for two cases of one customer decide one after the other.
// A case that came through the portal has its survey offered there (no address needed), and by
// e-mail too only where the workspace wants it and the address works. Chat does not exist yet.

export interface SurveyFactsForThrottle {
  now: Date;
  enabled: boolean;
  throttleDays: number;
  /** The last time any survey was sent to this customer (another survey than this one). */
  lastSentAt: Date | null;
  openEscalation: boolean;
  openComplaint: boolean;
  address: string | null;
  addressBounced: boolean;
  optedOut: boolean;
  /** The case's channel is the portal: the survey waits there for the customer's next visit. */
  inPortal: boolean;
  /** The workspace's `emailPortalSurveys`: a portal survey also goes by e-mail. */
  emailPortalSurveys: boolean;
}

export type SurveyVia = 'email' | 'portal';

export type SurveyDecision = { send: true; via: SurveyVia[] } | { send: false; reason: SurveySkipReason };

export const DAY_MS = 86_400_000;

export function decideSurveySend(facts: SurveyFactsForThrottle): SurveyDecision {
  if (!facts.enabled) return { send: false, reason: 'surveys_off' };
  if (facts.optedOut) return { send: false, reason: 'opted_out' };
  if (!facts.inPortal) {
    if (!facts.address) return { send: false, reason: 'no_address' };
    if (facts.addressBounced) return { send: false, reason: 'address_bounced' };
  }
  if (facts.openEscalation) return { send: false, reason: 'escalation_open' };
  if (facts.openComplaint) return { send: false, reason: 'complaint_open' };
  if (facts.lastSentAt && facts.now.getTime() - facts.lastSentAt.getTime() < facts.throttleDays * DAY_MS)
    return { send: false, reason: 'recently_surveyed' };
  if (!facts.inPortal) return { send: true, via: ['email'] };
  const mailToo = facts.emailPortalSurveys && !!facts.address && !facts.addressBounced;
  return { send: true, via: mailToo ? ['portal', 'email'] : ['portal'] };
}
