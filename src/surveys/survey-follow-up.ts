import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, tasks, users } from '../db/schema.ts';
import { surveyRequests } from '../db/schema-surveys.ts';
import { appendEvents } from '../events/append-events.ts';
import { addBusinessMinutes, loadCalendar, makePromise, type BusinessCalendar } from '../desk/index.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { CHANNELS, type Channel, type Role, rolesAbove } from '../kernel/domain-words.ts';
import type { WorkspaceRow } from '../workspaces/index.ts';

export const SURVEY_FOLLOW_UP_TASK = 'survey_follow_up';

interface Person {
  id: string;
  role: Role;
  teamId: string | null;
  active: boolean;
}

/**
 * Whose the follow-up is: the case owner's supervisor — someone of a role above the owner's,
 * nearest role first, of the owner's team first. An owner at the top, or no owner, falls to the
 * nearest supervising person of any team. Pure.
 */
export function chooseFollowUpPerson(owner: Person | null, people: readonly Person[]): Person | null {
  const above = rolesAbove(owner?.role ?? 'agent');
  const candidates = people.filter((p) => p.active && p.id !== owner?.id && above.includes(p.role));
  const rank = (p: Person) => above.indexOf(p.role) * 2 + (owner?.teamId && p.teamId === owner.teamId ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))[0] ?? null;
}

/** One business day from now: the longest day of the calendar in open minutes; 24 hours without one. */
export function oneBusinessDayFrom(now: Date, calendar: BusinessCalendar | null): Date {
  const longest = calendar
    ? Math.max(0, ...calendar.weeklyHours.map((d) => d.reduce((sum, [s, e]) => sum + Math.max(0, e - s), 0)))
    : 0;
  return calendar && longest > 0 ? addBusinessMinutes(now, longest, calendar) : new Date(now.getTime() + 86_400_000);
}

/**
 * Closes the loop on a low score: a task for the owner's supervisor, due in one business day, on
 * the case's timeline, and a callback promise in the ledger (so keeping it counts like any other
 * promise). Returns the task's id; null when nobody stands above the owner.
 */
export async function openSurveyFollowUp(
  ctx: DeskContext,
  input: {
    workspace: WorkspaceRow;
    caseRow: typeof cases.$inferSelect;
    survey: typeof surveyRequests.$inferSelect;
    score: number;
    now: Date;
  },
): Promise<string | null> {
  const people = await ctx.db
    .select({ id: users.id, role: users.role, teamId: users.teamId, active: users.active })
    .from(users)
    .where(eq(users.workspaceId, input.workspace.id));
  const owner = people.find((p) => p.id === input.caseRow.ownerId) ?? null;
  const person = chooseFollowUpPerson(owner, people);
  if (!person) return null;
  const dueAt = oneBusinessDayFrom(input.now, await loadCalendar(ctx.db, input.workspace.id, person.teamId));
  const scale = input.survey.kind === 'nps' ? '0–10' : '1–5';
  const title = `Survey score ${input.score} of ${scale}: call the customer back`;
  const [task] = await ctx.db
    .insert(tasks)
    .values({
      workspaceId: input.workspace.id,
      caseId: input.caseRow.id,
      assigneeId: person.id,
      kind: SURVEY_FOLLOW_UP_TASK,
      title,
      dueAt,
    })
    .returning({ id: tasks.id });
  await appendEvents(ctx.db, [
    {
      workspaceId: input.workspace.id,
      caseId: input.caseRow.id,
      customerId: input.caseRow.customerId,
      actorUserId: null,
      occurredAt: input.now,
      type: 'task.created',
      data: { taskId: task!.id, kind: SURVEY_FOLLOW_UP_TASK, dueAt: dueAt.toISOString(), assigneeId: person.id },
    },
  ]);
  const channel: Channel = (CHANNELS as readonly string[]).includes(input.caseRow.channel)
    ? (input.caseRow.channel as Channel)
    : 'email';
  await makePromise(ctx, {
    workspaceId: input.workspace.id,
    caseId: input.caseRow.id,
    customerId: input.caseRow.customerId,
    ownerId: person.id,
    kind: 'callback',
    channel,
    description: title,
    dueAt,
    actorUserId: null,
    reminderMinutes: input.workspace.settings.promiseReminderMinutes,
  });
  return task!.id;
}
