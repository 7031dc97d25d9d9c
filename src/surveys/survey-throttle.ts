import type { SurveySkipReason } from '../kernel/domain-words.ts';

// Whether a survey may go now (issue 15): at most one per customer per `throttleDays`, never
// while an escalation or a complaint of theirs is open, never to an address that bounced or
// opted out. Pure: send-survey.ts gathers these facts under the customer's row lock, so two
// instances deciding at once for two cases of one customer decide one after the other.

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
}

export type SurveyDecision = { send: true } | { send: false; reason: SurveySkipReason };

export const DAY_MS = 86_400_000;

export function decideSurveySend(facts: SurveyFactsForThrottle): SurveyDecision {
  if (!facts.enabled) return { send: false, reason: 'surveys_off' };
  if (facts.optedOut) return { send: false, reason: 'opted_out' };
  if (!facts.address) return { send: false, reason: 'no_address' };
  if (facts.addressBounced) return { send: false, reason: 'address_bounced' };
  if (facts.openEscalation) return { send: false, reason: 'escalation_open' };
  if (facts.openComplaint) return { send: false, reason: 'complaint_open' };
  if (facts.lastSentAt && facts.now.getTime() - facts.lastSentAt.getTime() < facts.throttleDays * DAY_MS)
    return { send: false, reason: 'recently_surveyed' };
  return { send: true };
}
