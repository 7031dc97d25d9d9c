import { SUPERVISING_ROLES, type EscalationStatus, type Role } from '../../kernel/domain-words.ts';
import { KeptError } from '../../errors/kept-error.ts';

// K5: an escalation is closed only after a supervisor has answered the customer, and a
// missed deadline goes one level up with less time (up to the top: escalation-ladder.ts).

/** The shortest deadline a higher level gets: less than this and nobody can act on it. */
export const MIN_ESCALATION_DEADLINE_MINUTES = 30;

/**
 * Closing needs an answer. The answer (answeredAt) is the fact that counts: an escalation
 * marked "open" but with an answer recorded may close; one marked "answered" without an
 * answer time may not.
 */
export function assertCanCloseEscalation(e: { status: EscalationStatus; answeredAt: Date | null }): void {
  if (e.status === 'closed') {
    throw new KeptError('escalation.not_open', 'This escalation is already closed', { field: 'status' });
  }
  if (e.answeredAt === null) {
    throw new KeptError(
      'escalation.not_answered',
      'A supervisor must answer the customer before this escalation can be closed',
      { field: 'answeredAt' },
    );
  }
}

/** Supervisors and admins answer and close escalations; agents cannot. */
export function assertIsSupervisor(role: Role): void {
  if (!(SUPERVISING_ROLES as readonly Role[]).includes(role)) {
    throw new KeptError('escalation.supervisor_only', 'Only a supervisor or an admin can do this', { field: 'role' });
  }
}

/**
 * Level 1 gets the configured deadline; each next level half the previous one — a missed
 * deadline is already a second failure, so the next person must move faster — but never
 * less than 30 minutes (or than the configured deadline, if that is shorter still).
 */
export function escalationDeadline(openedAt: Date, deadlineMinutes: number, level: number): Date {
  if (!Number.isInteger(level) || level < 1)
    throw new RangeError(`escalation level must be an integer ≥ 1, got ${level}`);
  if (!Number.isFinite(deadlineMinutes) || deadlineMinutes <= 0) {
    throw new RangeError(`escalation deadline must be a positive number of minutes, got ${deadlineMinutes}`);
  }
  const floor = Math.min(MIN_ESCALATION_DEADLINE_MINUTES, deadlineMinutes);
  const minutes = Math.max(floor, deadlineMinutes / 2 ** (level - 1));
  return new Date(openedAt.getTime() + minutes * 60_000);
}

/**
 * A promise broken while an escalation is open makes it as urgent as the new escalation that
 * breach would have opened: the deadline becomes the new one's (level 1's, from the breach)
 * when that is sooner, and never moves later.
 */
export function deadlineAfterBreach(current: Date, brokenAt: Date, deadlineMinutes: number): Date {
  const asNew = escalationDeadline(brokenAt, deadlineMinutes, 1);
  return asNew.getTime() < current.getTime() ? asNew : current;
}
