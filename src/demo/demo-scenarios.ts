import type { Channel } from '../events/event-types.ts';
import type { DemoCustomer } from './demo-customers.ts';
import { CLOSINGS, ENGLISH_DETAILS, fill, type DemoLanguage, type Topic } from './demo-messages.ts';
import type { DemoRandom } from './demo-random.ts';
import type { SeedSentences } from './demo-seed-sentences.ts';

// The stories the demo company tells: each scenario's share of the cases, when it starts, and the
// channel it needs. demo-stories.ts plays one case through its scenario.

export type Scenario =
  | 'solved'
  | 'resolved_recent'
  | 'waiting_on_customer'
  | 'open_active'
  | 'new_unanswered'
  | 'open_unanswered'
  | 'reopened_closed'
  | 'reopened_open'
  | 'handoff'
  | 'callback_kept'
  | 'callback_broken'
  | 'refund_renegotiated'
  | 'refund_open'
  | 'escalation_message_closed'
  | 'escalation_message_answered'
  | 'escalation_portal_open'
  | 'escalation_portal_closed'
  | 'supervisor_suspected'
  | 'logged_contact'
  | 'visit_kept_early';

interface ScenarioSpec {
  weight: number;
  /** When the case starts, in hours before the end of the replay: [latest, earliest]. */
  hoursAgo: readonly [number, number];
  /** A channel the story needs; otherwise the customer's usual one. */
  channel?: Channel | 'logged';
}

export const SCENARIOS: Record<Scenario, ScenarioSpec> = {
  solved: { weight: 28, hoursAgo: [30, 88 * 24] },
  resolved_recent: { weight: 4, hoursAgo: [20, 60] },
  waiting_on_customer: { weight: 7, hoursAgo: [24, 8 * 24] },
  open_active: { weight: 6, hoursAgo: [3 * 24, 7 * 24] },
  // Unanswered now, but still inside the first-answer time the acknowledgement promised (it is
  // quoted from the team's measured speed: a few hours), so the queue is due, not yet overdue.
  new_unanswered: { weight: 6, hoursAgo: [0.1, 3.2] },
  open_unanswered: { weight: 5, hoursAgo: [2 * 24, 5 * 24] },
  reopened_closed: { weight: 3, hoursAgo: [20 * 24, 80 * 24] },
  reopened_open: { weight: 2, hoursAgo: [4 * 24, 9 * 24] },
  handoff: { weight: 7, hoursAgo: [3 * 24, 80 * 24] },
  callback_kept: { weight: 6, hoursAgo: [2 * 24, 80 * 24], channel: 'phone' },
  callback_broken: { weight: 1.5, hoursAgo: [5 * 24, 80 * 24], channel: 'phone' },
  refund_renegotiated: { weight: 3, hoursAgo: [12 * 24, 80 * 24] },
  refund_open: { weight: 3, hoursAgo: [20, 2 * 24] },
  escalation_message_closed: { weight: 3, hoursAgo: [8 * 24, 80 * 24] },
  escalation_message_answered: { weight: 1.5, hoursAgo: [4 * 24, 6 * 24] },
  escalation_portal_open: { weight: 1.5, hoursAgo: [24, 4 * 24], channel: 'portal' },
  escalation_portal_closed: { weight: 2, hoursAgo: [6 * 24, 80 * 24], channel: 'portal' },
  // Issue 18: a question that may ask for a supervisor; the case waits for the agent's click.
  supervisor_suspected: { weight: 1, hoursAgo: [24, 3 * 24] },
  logged_contact: { weight: 6, hoursAgo: [2 * 24, 80 * 24], channel: 'logged' },
  visit_kept_early: { weight: 3, hoursAgo: [8 * 24, 80 * 24] },
};

/** Every scenario once, in an order that mixes the end states: small demos still show them all. */
export const SCENARIO_ROTATION = Object.keys(SCENARIOS) as Scenario[];

export interface CasePlan {
  customer: DemoCustomer;
  scenario: Scenario;
  channel: Channel;
  start: number;
  end: number;
  random: DemoRandom;
}

export function replyChannel(channel: Channel): Channel {
  if (channel === 'letter') return 'letter';
  if (channel === 'phone' || channel === 'voicemail' || channel === 'fax') return 'phone';
  return channel;
}

/** The customer's first message: their own opening, a sentence from an essay (or an English detail), a closing. */
export function firstMessage(
  random: DemoRandom,
  language: DemoLanguage,
  topic: Topic,
  values: Record<string, string>,
  sentences: SeedSentences,
) {
  const middle =
    language === 'en'
      ? random.sample(ENGLISH_DETAILS, random.int(1, 2)).join(' ')
      : random.sample(sentences.byLanguage[language], random.chance(0.3) ? 2 : 1).join(' ');
  return {
    subject: fill(topic.subject[language], values),
    body: `${fill(topic.opening[language], values)} ${middle} ${random.pick(CLOSINGS[language])}`,
  };
}
