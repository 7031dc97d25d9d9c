import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { escalations, type promises } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { PromiseBreach } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { nextTopReminder } from './escalation-ladder.ts';
import { deadlineAfterBreach } from './escalation-rules.ts';
import { ESCALATION_TASK, loadLadderPeople, putEscalationTask } from './escalation-task.ts';
import { loadEscalation } from './load-escalation.ts';
import { openEscalation } from './open-escalation.ts';

type EscalationRow = typeof escalations.$inferSelect;

/**
 * A promise broke, so a supervisor must hear of it, escalated case or not (issue 14, the Dell
 * story: two "call you RIGHT BACK" promises broke under an open escalation and nobody learned
 * of it). Without an open escalation one is opened by the breach. With one, the breach is
 * recorded on it — the promise, its owner and due time — and it becomes as urgent as the new
 * one would have been: the deadline is pulled in if that one's would be sooner (at the top,
 * the next reminder comes as soon as a first one would), and the person answerable at its
 * level gets its one task, naming the promise and due by the deadline (now, if that is past).
 * Runs in the transaction that marks the promise broken, under the case's lock.
 */
export async function escalateBrokenPromise(
  ctx: DeskContext,
  promise: typeof promises.$inferSelect,
  deadlineMinutes: number,
) {
  const now = ctx.now();
  const description = promise.kind === 'first_response' ? '' : promise.description;
  const { escalation, created } = await openEscalation(ctx, {
    workspaceId: promise.workspaceId,
    caseId: promise.caseId,
    customerId: promise.customerId,
    via: 'promise_breach',
    reason: description,
    actorUserId: null,
    deadlineMinutes,
  });
  const breach: PromiseBreach = {
    promiseId: promise.id,
    kind: promise.kind,
    description,
    ownerId: promise.ownerId,
    dueAt: promise.dueAt.toISOString(),
    brokenAt: now.toISOString(),
  };
  const row = await loadEscalation(ctx.db, promise.workspaceId, escalation.id, true);
  // A new escalation is as urgent as one gets; only an open one needs raising.
  const raised = created
    ? { deadlineAt: row.deadlineAt, taskId: null, assigneeId: null, events: [] }
    : await raiseUrgency(ctx, row, promise.customerId, breach, deadlineMinutes);
  await ctx.db
    .update(escalations)
    .set({ breaches: [...row.breaches, breach] })
    .where(eq(escalations.id, row.id));
  await appendEvents(ctx.db, [
    {
      workspaceId: promise.workspaceId,
      caseId: promise.caseId,
      customerId: promise.customerId,
      actorUserId: null,
      occurredAt: now,
      type: 'escalation.promise_broken',
      data: {
        ...breach,
        escalationId: row.id,
        deadlineAt: raised.deadlineAt.toISOString(),
        taskId: raised.taskId,
        assigneeId: raised.assigneeId,
      },
    },
    ...raised.events,
  ]);
  return { escalationId: row.id, created };
}

async function raiseUrgency(
  ctx: DeskContext,
  row: EscalationRow,
  customerId: string,
  breach: PromiseBreach,
  deadlineMinutes: number,
) {
  const tx: Db = ctx.db;
  const now = ctx.now();
  const deadlineAt = deadlineAfterBreach(row.deadlineAt, now, deadlineMinutes);
  // At the top the deadline is long past: what comes sooner is the next reminder.
  const firstReminder = nextTopReminder(now, now, deadlineMinutes);
  const remindAt = row.remindAt && firstReminder < row.remindAt ? firstReminder : row.remindAt;
  if (deadlineAt < row.deadlineAt || remindAt !== row.remindAt) {
    await tx.update(escalations).set({ deadlineAt, remindAt }).where(eq(escalations.id, row.id));
    // The timer already queued comes later: whichever of the two comes second finds nothing due.
    await ctx.timers.schedule(tx, {
      name: TIMER.escalationDeadline,
      payload: { workspaceId: row.workspaceId, escalationId: row.id, level: row.level },
      startAfter: remindAt ?? deadlineAt,
    });
  }
  const people = await loadLadderPeople(tx, row.workspaceId);
  const overdue = deadlineAt.getTime() <= now.getTime();
  // The task keeps saying the escalation missed a deadline (above level 1, it has one);
  // the breach is its text.
  const kind = row.overdueAtTopAt
    ? ESCALATION_TASK.overdueAtTop
    : overdue || row.level > 1
      ? ESCALATION_TASK.overdue
      : ESCALATION_TASK.promiseBroken;
  const given = await putEscalationTask(tx, {
    escalation: row,
    customerId,
    people,
    level: row.level,
    kind,
    title: breach.description,
    dueAt: overdue ? now : deadlineAt,
    now,
  });
  return { deadlineAt, taskId: given.taskId, assigneeId: given.assigneeId, events: given.events };
}
