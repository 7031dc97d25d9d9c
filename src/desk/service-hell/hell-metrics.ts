import type { HellMetrics } from '../../contract/api-types.ts';
import type { KeptEvent } from '../../events/event-types.ts';
import { isCaseStatus, isReopening } from '../cases/case-status.ts';
import { isEventOfType, sortEvents, totalWaitMinutes, waitingPeriods } from '../../metrics/index.ts';

// The service-hell metrics (K6), computed only from events so they can be recomputed for a
// case or for all of a customer's cases at any moment in the past (replay) or now.
// Pass one case's events for a case, or every event of a customer's cases for the customer.

const MS_PER_DAY = 24 * 60 * 60_000;

export function computeHellMetrics(events: readonly KeptEvent[], now: Date): HellMetrics {
  const sorted = sortEvents(events);
  const channels = new Set<string>();
  const people = new Set<string>();
  let contacts = 0;
  let handoffs = 0;
  let reopenings = 0;
  let brokenPromises = 0;
  // Per case: messages received since the last answer, and the last known status.
  const unansweredByCase = new Map<string | null, number>();
  const statusByCase = new Map<string | null, string>();

  for (const event of sorted) {
    // Every event with an actor was done by a staff member: customers never have a user id.
    if (event.actorUserId !== null) people.add(event.actorUserId);
    if (isEventOfType(event, 'message.received')) {
      contacts += 1;
      channels.add(event.data.channel);
      unansweredByCase.set(event.caseId, (unansweredByCase.get(event.caseId) ?? 0) + 1);
    } else if (isEventOfType(event, 'message.sent')) {
      channels.add(event.data.channel);
      unansweredByCase.set(event.caseId, 0);
    } else if (isEventOfType(event, 'case.assigned')) {
      people.add(event.data.toUserId);
    } else if (isEventOfType(event, 'case.handed_off')) {
      handoffs += 1;
      people.add(event.data.fromUserId);
      people.add(event.data.toUserId);
    } else if (isEventOfType(event, 'case.status_changed')) {
      const { from, to } = event.data;
      if (isCaseStatus(from) && isCaseStatus(to) && isReopening(from, to)) reopenings += 1;
      statusByCase.set(event.caseId, to);
    } else if (isEventOfType(event, 'case.opened')) {
      if (!statusByCase.has(event.caseId)) statusByCase.set(event.caseId, 'new');
    } else if (isEventOfType(event, 'promise.broken')) {
      brokenPromises += 1;
    }
  }

  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let spanDays = 0;
  if (first !== undefined && last !== undefined) {
    // While any case is still open (or a message still waits for an answer) the ordeal is
    // not over, so the span runs to now; once everything is resolved it ends at the last fact.
    const stillOpen =
      [...statusByCase.values()].some((s) => s !== 'resolved' && s !== 'closed') ||
      [...unansweredByCase.values()].some((n) => n > 0);
    const end = stillOpen ? Math.max(now.getTime(), last.occurredAt.getTime()) : last.occurredAt.getTime();
    spanDays = round((end - first.occurredAt.getTime()) / MS_PER_DAY, 2);
  }

  return {
    contacts,
    channels: channels.size,
    people: people.size,
    handoffs,
    reopenings,
    // Whole minutes: the unit thresholds and screens use; fractions of a minute mean nothing here.
    totalWaitMinutes: Math.round(totalWaitMinutes(waitingPeriods(sorted, now))),
    brokenPromises,
    unansweredMessages: [...unansweredByCase.values()].reduce((sum, n) => sum + n, 0),
    spanDays,
  };
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
