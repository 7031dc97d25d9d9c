import { KeptError } from '../../errors/kept-error.ts';
import { PROMISE_KINDS, type PromiseKind } from '../../kernel/domain-words.ts';

export { PROMISE_KINDS };

// K3/K4: the promise ledger's timing rules — when to remind the owner, what counts as a due
// time, and whether a kept promise was early, on time or late.

export function isPromiseKind(value: string): value is PromiseKind {
  return (PROMISE_KINDS as readonly string[]).includes(value);
}

const MS_PER_MINUTE = 60_000;

/**
 * When to remind the owner: `reminderMinutes` before the due time. If the whole promise is
 * shorter than that lead ("call back in 10 minutes" with a 30-minute lead), remind at the
 * midpoint — a reminder at creation time would be noise. Null when there is nothing to
 * remind: due not after creation (already in the past when made), or no lead configured.
 */
export function reminderTime(createdAt: Date, dueAt: Date, reminderMinutes: number): Date | null {
  const span = dueAt.getTime() - createdAt.getTime();
  if (!(span > 0) || !Number.isFinite(reminderMinutes) || reminderMinutes <= 0) return null;
  const lead = reminderMinutes * MS_PER_MINUTE;
  if (span > lead) return new Date(dueAt.getTime() - lead);
  return new Date(createdAt.getTime() + Math.floor(span / 2));
}

export function assertDueInFuture(dueAt: Date, now: Date): void {
  if (Number.isNaN(dueAt.getTime())) {
    throw new KeptError('request.invalid', 'The due time is not a valid date', { field: 'dueAt' });
  }
  if (dueAt.getTime() <= now.getTime()) {
    throw new KeptError('promise.due_in_past', 'A promise must be due in the future', { field: 'dueAt' });
  }
}

/** A promise kept at least this many minutes before due can count as early. */
export const EARLY_MIN_MINUTES = 15;
/** ...and at least this share of the promised span before due. */
export const EARLY_SHARE_OF_SPAN = 0.1;

/**
 * early: kept before due by at least the larger of 15 minutes and 10% of the promised span
 * (createdAt → dueAt) — "a week" kept an hour early is on time, not a surprise; without
 * createdAt only the 15 minutes apply. late: kept after the due instant, with no grace.
 * on_time: everything in between.
 */
export function classifyDelivery(dueAt: Date, keptAt: Date, createdAt?: Date): 'early' | 'on_time' | 'late' {
  const due = dueAt.getTime();
  const kept = keptAt.getTime();
  if (kept > due) return 'late';
  const span = createdAt ? Math.max(0, due - createdAt.getTime()) : 0;
  const margin = Math.max(EARLY_MIN_MINUTES * MS_PER_MINUTE, EARLY_SHARE_OF_SPAN * span);
  return due - kept >= margin ? 'early' : 'on_time';
}
