import type { EventType, KeptEvent } from '../events/event-types.ts';

// The one definition of "the customer is waiting", shared by the hell detector and the
// respect-for-time metrics so the two screens can never disagree about a wait.
//
// A wait starts when the customer writes (message.received) while nothing of theirs is
// pending on that case, and ends at the next answer (message.sent) on the same case.
// Acknowledgements, notes and status changes do not end it: an automatic "we got your
// message" is not an answer. Waits are per case, because a reply on one request does not
// answer another; when events span several cases their waits are all listed (and summed by
// callers: each unanswered request is time the customer spends waiting).

export interface WaitingPeriod {
  caseId: string | null;
  from: Date;
  /** null while still waiting. */
  to: Date | null;
  /** (to ?? now) − from, in minutes (fractional), never negative. */
  minutes: number;
}

const MS_PER_MINUTE = 60_000;

/** Narrows an event to one type so its data is typed. */
export function isEventOfType<T extends EventType>(event: KeptEvent, type: T): event is KeptEvent<T> {
  return event.type === type;
}

/** Chronological order; the store id breaks ties between facts recorded in the same instant. */
export function sortEvents(events: readonly KeptEvent[]): KeptEvent[] {
  return [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
}

export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / MS_PER_MINUTE);
}

export function waitingPeriods(events: readonly KeptEvent[], now: Date): WaitingPeriod[] {
  const openSince = new Map<string | null, Date>();
  const periods: WaitingPeriod[] = [];
  for (const event of sortEvents(events)) {
    if (event.type === 'message.received') {
      if (!openSince.has(event.caseId)) openSince.set(event.caseId, event.occurredAt);
    } else if (event.type === 'message.sent') {
      const from = openSince.get(event.caseId);
      if (from !== undefined) {
        periods.push({
          caseId: event.caseId,
          from,
          to: event.occurredAt,
          minutes: minutesBetween(from, event.occurredAt),
        });
        openSince.delete(event.caseId);
      }
    }
  }
  for (const [caseId, from] of openSince) {
    periods.push({ caseId, from, to: null, minutes: minutesBetween(from, now) });
  }
  return periods.sort((a, b) => a.from.getTime() - b.from.getTime());
}

export function totalWaitMinutes(periods: readonly WaitingPeriod[]): number {
  return periods.reduce((sum, p) => sum + p.minutes, 0);
}
