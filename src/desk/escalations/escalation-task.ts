import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { escalations, tasks, users } from '../../db/schema.ts';
import type { NewEvent } from '../../events/event-types.ts';
import { chooseRungPerson, ESCALATION_RUNGS, escalationLadder, type LadderPerson } from './escalation-ladder.ts';

// An escalation has one task for a person (issue 14): created the first time someone must be
// chased by name, then updated in place as the escalation climbs or a promise breaks under it,
// so its person has one line to act on, not one per level.

/** What the escalation's task asks of its person now; the kind is the translated text. */
export const ESCALATION_TASK = {
  overdue: 'escalation_overdue',
  overdueAtTop: 'escalation_overdue_at_top',
  promiseBroken: 'escalation_promise_broken',
} as const;
export type EscalationTaskKind = (typeof ESCALATION_TASK)[keyof typeof ESCALATION_TASK];

type EscalationRow = typeof escalations.$inferSelect;

/** The active people on the ladder, longest-serving first: who a rung's task goes to. */
export function loadLadderPeople(db: Db, workspaceId: string): Promise<LadderPerson[]> {
  return db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.active, true), inArray(users.role, [...ESCALATION_RUNGS])))
    .orderBy(asc(users.createdAt), asc(users.id));
}

export interface EscalationTaskInput {
  escalation: EscalationRow;
  customerId: string;
  people: readonly LadderPerson[];
  level: number;
  kind: EscalationTaskKind;
  /** The task's text for its person (a broken promise's description); undefined keeps the current one. */
  title: string | undefined;
  dueAt: Date;
  now: Date;
}

/**
 * Gives the escalation's task to the person answerable at `level`: inserted the first time,
 * afterwards reassigned, re-dated, reworded and reopened (ticked off while the customer still
 * waits is not done). Returns who has it and the events to append (task.created, once).
 */
export async function putEscalationTask(tx: Db, input: EscalationTaskInput) {
  const { escalation: row, now } = input;
  const [current] = row.taskId ? await tx.select().from(tasks).where(eq(tasks.id, row.taskId)) : [];
  const assigneeId = chooseRungPerson(
    input.people,
    input.level,
    escalationLadder(input.people),
    current?.assigneeId ?? null,
  );
  const events: NewEvent[] = [];
  // Nobody on the ladder (every supervisor and admin deactivated): the escalation still records it.
  if (!assigneeId) return { taskId: current?.id ?? null, assigneeId: current?.assigneeId ?? null, events };
  const fields = { assigneeId, kind: input.kind, dueAt: input.dueAt, doneAt: null };
  if (current) {
    const title = input.title === undefined ? {} : { title: input.title };
    await tx
      .update(tasks)
      .set({ ...fields, ...title })
      .where(eq(tasks.id, current.id));
    return { taskId: current.id, assigneeId, events };
  }
  const [task] = await tx
    .insert(tasks)
    .values({ workspaceId: row.workspaceId, caseId: row.caseId, ...fields, title: input.title ?? '', createdAt: now })
    .returning({ id: tasks.id });
  await tx.update(escalations).set({ taskId: task!.id }).where(eq(escalations.id, row.id));
  events.push({
    workspaceId: row.workspaceId,
    caseId: row.caseId,
    customerId: input.customerId,
    actorUserId: null,
    occurredAt: now,
    type: 'task.created',
    data: { taskId: task!.id, kind: input.kind, dueAt: input.dueAt.toISOString(), assigneeId },
  });
  return { taskId: task!.id, assigneeId, events };
}

/** The escalation was answered: its task is done, so nobody is chased for a settled customer. */
export async function completeEscalationTask(
  tx: Db,
  row: EscalationRow,
  customerId: string,
  actorUserId: string,
  now: Date,
): Promise<NewEvent[]> {
  if (!row.taskId) return [];
  const done = await tx
    .update(tasks)
    .set({ doneAt: now })
    .where(and(eq(tasks.id, row.taskId), isNull(tasks.doneAt)))
    .returning({ id: tasks.id });
  const base = { workspaceId: row.workspaceId, caseId: row.caseId, customerId, actorUserId, occurredAt: now };
  return done.map((t) => ({ ...base, type: 'task.done' as const, data: { taskId: t.id } }));
}
