import type { KeptEvent } from '../events/event-types.ts';
import { minutesBetween, sortEvents, totalWaitMinutes, waitingPeriods } from './waiting-periods.ts';

// K7 ("respect the customer's time"): time to first response, every waiting
// period, the total wait, and transfers — for one case, from its events.

export interface RespectForTime {
  /** First customer message → first answer after it on the same case; null if unanswered. */
  firstResponseMinutes: number | null;
  waits: Array<{ from: Date; to: Date | null; minutes: number }>;
  totalWaitMinutes: number;
  /** Handoffs: each is the customer's story told to one more person. */
  transfers: number;
}

export function computeRespectForTime(events: readonly KeptEvent[], now: Date): RespectForTime {
  const sorted = sortEvents(events);
  // Acknowledgements are not answers: only message.sent counts as a response.
  const firstReceived = sorted.find((e) => e.type === 'message.received');
  let firstResponseMinutes: number | null = null;
  if (firstReceived) {
    const t = firstReceived.occurredAt.getTime();
    const firstSent = sorted.find(
      (e) => e.type === 'message.sent' && e.caseId === firstReceived.caseId && e.occurredAt.getTime() >= t,
    );
    if (firstSent) firstResponseMinutes = minutesBetween(firstReceived.occurredAt, firstSent.occurredAt);
  }
  const periods = waitingPeriods(sorted, now);
  return {
    firstResponseMinutes,
    waits: periods.map(({ from, to, minutes }) => ({ from, to, minutes })),
    totalWaitMinutes: totalWaitMinutes(periods),
    transfers: sorted.filter((e) => e.type === 'case.handed_off').length,
  };
}
