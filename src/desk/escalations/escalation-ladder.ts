import { rolesAbove, type Role } from '../../kernel/domain-words.ts';

// Issue 14: an escalation climbs the organisation one level per missed deadline and stops at
// its top. Level 1 is the supervisors (everyone above the agents who own cases), each next
// level the next role that has someone in it; at the top a missed deadline only reminds.

/** The rungs an escalation can climb: every role above the desk's agents, lowest first. */
export const ESCALATION_RUNGS: readonly Role[] = rolesAbove('agent');

/** Reminders at the top come no more often than this, however short the deadline. */
export const MIN_TOP_REMINDER_MINUTES = 60;
/** …and no less often than daily: an unanswered customer is never left a week without one. */
export const MAX_TOP_REMINDER_MINUTES = 24 * 60;

export interface LadderPerson {
  id: string;
  role: Role;
}

/** The workspace's ladder: the rungs that have an active person on them, lowest first. */
export function escalationLadder(people: readonly LadderPerson[]): Role[] {
  const present = new Set(people.map((p) => p.role));
  return ESCALATION_RUNGS.filter((rung) => present.has(rung));
}

/** The highest level: one per rung with someone on it (1 even for an empty ladder). */
export function topLevel(ladder: readonly Role[]): number {
  return Math.max(1, ladder.length);
}

/** The role answerable at a level; a level above today's top (people left) is the top's. */
export function rungOf(level: number, ladder: readonly Role[]): Role | null {
  if (ladder.length === 0) return null;
  return ladder[Math.min(Math.max(1, Math.floor(level)), ladder.length) - 1]!;
}

/**
 * Where a missed deadline at `level` takes the escalation: one level up, or — at the top (or
 * above it, for rows written before the ceiling) — the top itself, marked as overdue there.
 */
export function planMissedDeadline(level: number, ladder: readonly Role[]): { level: number; atTop: boolean } {
  const top = topLevel(ladder);
  return level >= top ? { level: top, atTop: true } : { level: Math.max(1, Math.floor(level)) + 1, atTop: false };
}

/**
 * The one person the escalation's task goes to at a level: whoever has it already, if they are
 * still on that rung (a reminder is not a reassignment), else the first person of the rung in
 * the order given (the caller sorts, e.g. longest-serving first). Null when nobody is on it.
 */
export function chooseRungPerson(
  people: readonly LadderPerson[],
  level: number,
  ladder: readonly Role[],
  currentAssigneeId: string | null,
): string | null {
  const rung = rungOf(level, ladder);
  if (!rung) return null;
  const onRung = people.filter((p) => p.role === rung);
  return (onRung.find((p) => p.id === currentAssigneeId) ?? onRung[0])?.id ?? null;
}

/**
 * The next reminder at the top. The gap widens with the time the escalation has been overdue
 * there (so reminders roughly double: 1 h, 1 h, 2 h, 4 h …), from the longer of an hour and
 * the workspace's deadline, capped at a day: a reminder, not a ticking clock.
 */
export function nextTopReminder(now: Date, overdueAtTopSince: Date, deadlineMinutes: number): Date {
  const elapsedMinutes = Math.max(0, (now.getTime() - overdueAtTopSince.getTime()) / 60_000);
  const floor = Math.min(MAX_TOP_REMINDER_MINUTES, Math.max(MIN_TOP_REMINDER_MINUTES, deadlineMinutes));
  const minutes = Math.min(MAX_TOP_REMINDER_MINUTES, Math.max(floor, elapsedMinutes));
  return new Date(now.getTime() + minutes * 60_000);
}
