import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases, customers, messages, promises, tasks } from '../../db/schema.ts';
import { outbox } from '../../db/schema-email.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { Channel, NewEvent } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { classifyDelivery } from '../promises/promise-rules.ts';
import { caseReference } from '../../kernel/case-reference.ts';
import { EMAIL_JOB } from '../../kernel/job-names.ts';
import { recordCompletedWork } from '../promises/capability/record-duration.ts';
import { lockCase } from '../cases/lock-case.ts';
import { moveCaseStatus } from '../cases/change-case-status.ts';
import { hellAssessmentTimer } from '../service-hell/hell-assessment-timer.ts';

export interface SendAnswerInput {
  workspaceId: string;
  caseId: string;
  authorUserId: string;
  channel: Channel;
  body: string;
  /** "Send and resolve": the case is resolved with the answer, under the same rules as a transition. */
  resolve?: boolean;
  /**
   * Stores what belongs to the answer (its files) in the answer's transaction, before its e-mail is
   * queued: the sender must never pick up the mail without them. Supplied by the e-mail feature.
   */
  withMessage?: (tx: Db, message: { id: string; caseId: string }) => Promise<void>;
}

/**
 * An answer to the customer on any channel: a reply, or a logged outbound call, letter or fax.
 * It answers every waiting customer message on the case, keeps the open first-answer promise,
 * completes the follow-up tasks of logged contacts, and queues delivery where Kept can deliver.
 */
export async function sendAnswer(ctx: DeskContext, input: SendAnswerInput) {
  const body = input.body.trim();
  if (body.length === 0) throw new KeptError('request.invalid', 'The answer is empty', { field: 'body' });
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const caseRow = await lockCase(tx, input.workspaceId, input.caseId);
    const [customer] = await tx.select().from(customers).where(eq(customers.id, caseRow.customerId));
    const [message] = await tx
      .insert(messages)
      .values({
        workspaceId: input.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        direction: 'outbound',
        channel: input.channel,
        body,
        language: customer?.language ?? null,
        authorUserId: input.authorUserId,
        createdAt: now,
      })
      .returning();
    const answered = await tx
      .update(messages)
      .set({ answeredAt: now })
      .where(and(eq(messages.caseId, caseRow.id), eq(messages.direction, 'inbound'), isNull(messages.answeredAt)))
      .returning({ createdAt: messages.createdAt });
    // Capability history (issue 4): how long the customer waited for this answer.
    const waitingSince = answered.reduce<Date | null>(
      (min, m) => (!min || m.createdAt < min ? m.createdAt : min),
      null,
    );
    if (waitingSince)
      await recordCompletedWork(tx, {
        workspaceId: input.workspaceId,
        kind: 'first_response',
        caseRow,
        startedAt: waitingSince,
        completedAt: now,
      });
    const base = {
      workspaceId: input.workspaceId,
      caseId: caseRow.id,
      customerId: caseRow.customerId,
      actorUserId: input.authorUserId,
      occurredAt: now,
    };
    const events: NewEvent[] = [
      { ...base, type: 'message.sent', data: { messageId: message!.id, channel: input.channel } },
    ];
    const firstAnswers = await tx
      .update(promises)
      .set({ status: 'kept', resolvedAt: now })
      .where(and(eq(promises.caseId, caseRow.id), eq(promises.kind, 'first_response'), eq(promises.status, 'open')))
      .returning({ id: promises.id, dueAt: promises.dueAt, createdAt: promises.createdAt });
    for (const p of firstAnswers) {
      events.push({
        ...base,
        type: 'promise.kept',
        data: { promiseId: p.id, early: classifyDelivery(p.dueAt, now, p.createdAt) === 'early' },
      });
    }
    const doneTasks = await tx
      .update(tasks)
      .set({ doneAt: now })
      .where(
        and(
          eq(tasks.caseId, caseRow.id),
          inArray(tasks.kind, ['follow_up_contact', 'promise_first_response']),
          isNull(tasks.doneAt),
        ),
      )
      .returning({ id: tasks.id });
    for (const t of doneTasks) events.push({ ...base, type: 'task.done', data: { taskId: t.id } });
    if (caseRow.status === 'new') {
      await tx.update(cases).set({ status: 'open', updatedAt: now }).where(eq(cases.id, caseRow.id));
      events.push({ ...base, type: 'case.status_changed', data: { from: 'new', to: 'open' } });
    } else {
      await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseRow.id));
    }
    await appendEvents(tx, events);
    if (input.withMessage) await input.withMessage(tx, { id: message!.id, caseId: caseRow.id });
    if (input.resolve) {
      const status = caseRow.status === 'new' ? 'open' : caseRow.status;
      await moveCaseStatus(tx, {
        workspaceId: input.workspaceId,
        caseRow: { ...caseRow, status },
        actorUserId: input.authorUserId,
        to: 'resolved',
        now,
      });
    }
    if (input.channel === 'email' && customer?.email) {
      await tx.insert(outbox).values({
        workspaceId: input.workspaceId,
        caseId: caseRow.id,
        messageId: message!.id,
        channel: 'email',
        toAddress: customer.email,
        subject: `[#${caseReference(caseRow.number)}] ${caseRow.subject}`,
        textBody: body,
        kind: 'reply',
        language: customer.language,
      });
      await ctx.timers.schedule(tx, {
        name: EMAIL_JOB.outboxSend,
        payload: { workspaceId: input.workspaceId },
        startAfter: now,
      });
    }
    await ctx.timers.schedule(tx, hellAssessmentTimer(input.workspaceId, caseRow.id, now));
    return message!;
  });
}

export async function addInternalNote(
  ctx: DeskContext,
  input: { workspaceId: string; caseId: string; authorUserId: string; body: string },
) {
  const body = input.body.trim();
  if (body.length === 0) throw new KeptError('request.invalid', 'The note is empty', { field: 'body' });
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const [caseRow] = await tx
      .select({ id: cases.id, customerId: cases.customerId })
      .from(cases)
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId)));
    if (!caseRow) throw notFound('The case');
    const [message] = await tx
      .insert(messages)
      .values({
        workspaceId: input.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        direction: 'outbound',
        channel: 'web',
        internal: true,
        body,
        authorUserId: input.authorUserId,
        createdAt: now,
      })
      .returning();
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        actorUserId: input.authorUserId,
        occurredAt: now,
        type: 'note.added',
        data: { messageId: message!.id },
      },
    ]);
    return message!;
  });
}
