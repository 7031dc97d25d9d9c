import { randomUUID } from 'node:crypto';
import type { cases, tasks } from '../db/schema.ts';
import type { surveyRequests } from '../db/schema-surveys.ts';
import type { NewEvent } from '../events/event-types.ts';
import { addBusinessMinutes, planPromise, type BusinessCalendar, type PromisePlan } from '../desk/index.ts';
import { CHANNELS, type Channel, type Role, rolesAbove } from '../kernel/domain-words.ts';
import type { WorkspaceRow } from '../workspaces/index.ts';

export const SURVEY_FOLLOW_UP_TASK = 'survey_follow_up';

export interface Person {
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

export interface FollowUpPlan {
  task: typeof tasks.$inferInsert & { id: string };
  /** The task's event then the promise's, for the case's timeline. */
  events: NewEvent[];
  promise: PromisePlan;
}

/** Whose the follow-up of this case is, among the workspace's people; null when nobody stands above its owner. */
export function followUpPersonOf(ownerId: string | null, people: readonly Person[]): Person | null {
  return chooseFollowUpPerson(people.find((p) => p.id === ownerId) ?? null, people);
}

/**
 * Closes the loop on a low score: a task for the owner's supervisor (followUpPersonOf), due in one
 * business day of that person's calendar, on the case's timeline, and a callback promise in the
 * ledger (so keeping it counts like any other promise). Pure: the caller writes the rows with its
 * own, in one statement (answer-survey.ts).
 */
export function planSurveyFollowUp(input: {
  workspace: WorkspaceRow;
  caseRow: typeof cases.$inferSelect;
  survey: typeof surveyRequests.$inferSelect;
  score: number;
  now: Date;
  person: Person;
  calendar: BusinessCalendar | null;
}): FollowUpPlan {
  const { person } = input;
  const dueAt = oneBusinessDayFrom(input.now, input.calendar);
  const scale = input.survey.kind === 'nps' ? '0–10' : '1–5';
  const title = `Survey score ${input.score} of ${scale}: call the customer back`;
  const task = {
    id: randomUUID(),
    workspaceId: input.workspace.id,
    caseId: input.caseRow.id,
    assigneeId: person.id,
    kind: SURVEY_FOLLOW_UP_TASK,
    title,
    dueAt,
  };
  const channel: Channel = (CHANNELS as readonly string[]).includes(input.caseRow.channel)
    ? (input.caseRow.channel as Channel)
    : 'email';
  const promise = planPromise(
    {
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
    },
    input.now,
  );
  const taskCreated: NewEvent = {
    workspaceId: input.workspace.id,
    caseId: input.caseRow.id,
    customerId: input.caseRow.customerId,
    actorUserId: null,
    occurredAt: input.now,
    type: 'task.created',
    data: { taskId: task.id, kind: SURVEY_FOLLOW_UP_TASK, dueAt: dueAt.toISOString(), assigneeId: person.id },
  };
  return { task, events: [taskCreated, ...promise.events], promise };
}
