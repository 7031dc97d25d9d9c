import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases, promises, tasks } from '../../db/schema.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { escalateBrokenPromise } from '../escalations/escalate-broken-promise.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { sendAnswer } from '../messages/send-answer.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { assertDueInFuture, classifyDelivery } from './promise-rules.ts';
import { promiseDueTimer, schedulePromiseTimers } from './make-promise.ts';
import { recordCompletedWork } from './capability/record-duration.ts';
import { lockCase } from '../cases/lock-case.ts';
import { hellAssessmentTimer } from '../service-hell/hell-assessment-timer.ts';

async function caseKeysOf(tx: Db, caseId: string) {
  const [row] = await tx
    .select({
      id: cases.id,
      channel: cases.channel,
      language: cases.language,
      priority: cases.priority,
      category: cases.category,
      ownerId: cases.ownerId,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row!;
}

async function lockPromise(tx: Db, workspaceId: string, promiseId: string) {
  const [row] = await tx
    .select()
    .from(promises)
    .where(and(eq(promises.workspaceId, workspaceId), eq(promises.id, promiseId)))
    .for('update');
  if (!row) throw notFound('The promise');
  return row;
}

export async function keepPromise(
  ctx: DeskContext,
  input: { workspaceId: string; promiseId: string; actorUserId: string },
) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await lockPromise(tx, input.workspaceId, input.promiseId);
    if (row.status !== 'open') throw new KeptError('promise.not_open', `The promise is already ${row.status}`);
    const [updated] = await tx
      .update(promises)
      .set({ status: 'kept', resolvedAt: now })
      .where(eq(promises.id, row.id))
      .returning();
    // Its reminder task is done too: nobody should be chased for a promise already kept.
    await tx
      .update(tasks)
      .set({ doneAt: now })
      .where(
        and(
          eq(tasks.caseId, row.caseId),
          eq(tasks.kind, `promise_${row.kind}`),
          eq(tasks.dueAt, row.dueAt),
          isNull(tasks.doneAt),
        ),
      );
    // First answers are measured from the messages themselves (send-answer.ts), not here.
    if (row.kind !== 'first_response') {
      await recordCompletedWork(tx, {
        workspaceId: row.workspaceId,
        kind: row.kind,
        caseRow: await caseKeysOf(tx, row.caseId),
        ownerId: row.ownerId,
        promiseId: row.id,
        startedAt: row.createdAt,
        completedAt: now,
      });
    }
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: row.caseId,
        customerId: row.customerId,
        actorUserId: input.actorUserId,
        occurredAt: now,
        type: 'promise.kept',
        data: { promiseId: row.id, early: classifyDelivery(row.dueAt, now, row.createdAt) === 'early' },
      },
    ]);
    return updated!;
  });
}

/**
 * A new time only together with a message telling the customer: a promise is never moved
 * silently. The old record is closed as renegotiated and a new open one carries the new time.
 */
export async function renegotiatePromise(
  ctx: DeskContext,
  input: { workspaceId: string; promiseId: string; actorUserId: string; dueAt: Date; messageToCustomer: string },
) {
  if (input.messageToCustomer.trim().length < 5) {
    throw new KeptError('request.invalid', 'Tell the customer about the new time: the message is required', {
      field: 'messageToCustomer',
    });
  }
  assertDueInFuture(input.dueAt, ctx.now());
  const [current] = await ctx.db
    .select()
    .from(promises)
    .where(and(eq(promises.workspaceId, input.workspaceId), eq(promises.id, input.promiseId)));
  if (!current) throw notFound('The promise');
  if (current.status !== 'open') throw new KeptError('promise.not_open', `The promise is already ${current.status}`);
  const [caseRow] = await ctx.db.select({ channel: cases.channel }).from(cases).where(eq(cases.id, current.caseId));
  const workspace = await loadWorkspace(ctx.db, input.workspaceId);
  const message = await sendAnswer(ctx, {
    workspaceId: input.workspaceId,
    caseId: current.caseId,
    authorUserId: input.actorUserId,
    channel: (caseRow?.channel ?? 'web') as never,
    body: input.messageToCustomer,
  });
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await lockPromise(tx, input.workspaceId, input.promiseId);
    // sendAnswer keeps first-answer promises; anything else is still open here.
    if (row.status !== 'open' && row.kind !== 'first_response')
      throw new KeptError('promise.not_open', `The promise is already ${row.status}`);
    await tx.update(promises).set({ status: 'renegotiated', resolvedAt: now }).where(eq(promises.id, row.id));
    const [next] = await tx
      .insert(promises)
      .values({
        ...row,
        id: undefined,
        status: 'open',
        dueAt: input.dueAt,
        remindedAt: null,
        resolvedAt: null,
        createdAt: now,
        kind: row.kind === 'first_response' ? 'resolution' : row.kind,
      })
      .returning();
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: row.caseId,
        customerId: row.customerId,
        actorUserId: input.actorUserId,
        occurredAt: now,
        type: 'promise.renegotiated',
        data: {
          promiseId: row.id,
          fromDueAt: row.dueAt.toISOString(),
          toDueAt: input.dueAt.toISOString(),
          messageId: message.id,
        },
      },
      {
        workspaceId: input.workspaceId,
        caseId: row.caseId,
        customerId: row.customerId,
        actorUserId: input.actorUserId,
        occurredAt: now,
        type: 'promise.made',
        data: {
          promiseId: next!.id,
          kind: next!.kind,
          dueAt: input.dueAt.toISOString(),
          channel: next!.channel as never,
          ownerId: next!.ownerId,
        },
      },
    ]);
    await schedulePromiseTimers(
      { ...ctx, db: tx },
      input.workspaceId,
      next!.id,
      now,
      input.dueAt,
      workspace.settings.promiseReminderMinutes,
    );
    return next!;
  });
}

/** Timer: shortly before the due time, the owner gets a task so the promise is not forgotten. */
export async function remindPromiseOwner(ctx: DeskContext, payload: { workspaceId: string; promiseId: string }) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await lockPromise(tx, payload.workspaceId, payload.promiseId);
    // Reminded already: the due timer was queued with that reminder. Not open: nothing is due.
    if (row.status !== 'open' || row.remindedAt) return false;
    await tx.update(promises).set({ remindedAt: now }).where(eq(promises.id, row.id));
    // The next link of the promise's timers (make-promise.ts promiseTimers), with the reminder's facts.
    await ctx.timers.schedule(tx, promiseDueTimer(row.workspaceId, row.id, row.dueAt));
    const [task] = await tx
      .insert(tasks)
      .values({
        workspaceId: row.workspaceId,
        caseId: row.caseId,
        assigneeId: row.ownerId,
        kind: `promise_${row.kind}`,
        title: row.kind === 'first_response' ? '' : row.description,
        dueAt: row.dueAt,
        createdAt: now,
      })
      .returning({ id: tasks.id });
    const base = {
      workspaceId: row.workspaceId,
      caseId: row.caseId,
      customerId: row.customerId,
      actorUserId: null,
      occurredAt: now,
    };
    await appendEvents(tx, [
      { ...base, type: 'promise.reminded', data: { promiseId: row.id } },
      {
        ...base,
        type: 'task.created',
        data: {
          taskId: task!.id,
          kind: `promise_${row.kind}`,
          dueAt: row.dueAt.toISOString(),
          assigneeId: row.ownerId,
        },
      },
    ]);
    return true;
  });
}

/** Timer: at the due time an open promise is broken, and a supervisor is brought in (or told, if already in). */
export async function breakOverduePromise(ctx: DeskContext, payload: { workspaceId: string; promiseId: string }) {
  const workspace = await loadWorkspace(ctx.db, payload.workspaceId);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    // The case is locked first, as every change to a case does (send-answer.ts keeps promises
    // under it), and so that the hell assessment this queues reads the breach (hell-assessment-timer.ts).
    const [target] = await tx
      .select({ caseId: promises.caseId })
      .from(promises)
      .where(and(eq(promises.workspaceId, payload.workspaceId), eq(promises.id, payload.promiseId)));
    if (!target) throw notFound('The promise');
    await lockCase(tx, payload.workspaceId, target.caseId);
    const row = await lockPromise(tx, payload.workspaceId, payload.promiseId);
    if (row.status !== 'open' || row.dueAt.getTime() > now.getTime()) return false;
    await tx.update(promises).set({ status: 'broken', resolvedAt: now }).where(eq(promises.id, row.id));
    if (row.kind !== 'first_response') {
      // The work took at least until now: a censored duration keeps slow work in the history.
      await recordCompletedWork(tx, {
        workspaceId: row.workspaceId,
        kind: row.kind,
        caseRow: await caseKeysOf(tx, row.caseId),
        ownerId: row.ownerId,
        promiseId: row.id,
        startedAt: row.createdAt,
        completedAt: now,
        censored: true,
      });
    }
    await appendEvents(tx, [
      {
        workspaceId: row.workspaceId,
        caseId: row.caseId,
        customerId: row.customerId,
        actorUserId: null,
        occurredAt: now,
        type: 'promise.broken',
        data: { promiseId: row.id },
      },
    ]);
    await escalateBrokenPromise({ ...ctx, db: tx }, row, workspace.settings.escalationDeadlineMinutes);
    await ctx.timers.schedule(tx, hellAssessmentTimer(row.workspaceId, row.caseId, now));
    return true;
  });
}
