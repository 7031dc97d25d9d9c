import { eq } from 'drizzle-orm';
import type { Role } from '../../contract/api-types.ts';
import type { Db } from '../../db/open-database.ts';
import { cases, escalations } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { Channel } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { sendAnswer } from '../messages/send-answer.ts';
import { assertCanCloseEscalation, assertIsSupervisor } from './escalation-rules.ts';
import { completeEscalationTask } from './escalation-task.ts';
import { loadEscalation } from './load-escalation.ts';

/** Only a supervisor's answer to the customer settles an escalation; it goes out like any reply. */
export async function answerEscalation(
  ctx: DeskContext,
  input: { workspaceId: string; escalationId: string; supervisorId: string; supervisorRole: Role; body: string },
) {
  assertIsSupervisor(input.supervisorRole);
  const current = await loadEscalation(ctx.db, input.workspaceId, input.escalationId);
  const [caseRow] = await ctx.db.select().from(cases).where(eq(cases.id, current.caseId));
  const message = await sendAnswer(ctx, {
    workspaceId: input.workspaceId,
    caseId: current.caseId,
    authorUserId: input.supervisorId,
    channel: (caseRow!.channel === 'phone' ||
    caseRow!.channel === 'voicemail' ||
    caseRow!.channel === 'letter' ||
    caseRow!.channel === 'fax'
      ? 'phone'
      : caseRow!.channel) as Channel,
    body: input.body,
  });
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await loadEscalation(tx, input.workspaceId, input.escalationId, true);
    const [updated] = await tx
      .update(escalations)
      .set({
        status: row.status === 'closed' ? 'closed' : 'answered',
        answeredAt: now,
        answeredBy: input.supervisorId,
        answerMessageId: message.id,
      })
      .where(eq(escalations.id, row.id))
      .returning();
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: row.caseId,
        customerId: caseRow!.customerId,
        actorUserId: input.supervisorId,
        occurredAt: now,
        type: 'escalation.answered',
        data: { escalationId: row.id, messageId: message.id, supervisorId: input.supervisorId },
      },
      ...(await completeEscalationTask(tx, row, caseRow!.customerId, input.supervisorId, now)),
    ]);
    return updated!;
  });
}

export async function closeEscalation(
  ctx: DeskContext,
  input: { workspaceId: string; escalationId: string; actorUserId: string; actorRole: Role },
) {
  assertIsSupervisor(input.actorRole);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await loadEscalation(tx, input.workspaceId, input.escalationId, true);
    assertCanCloseEscalation({ status: row.status, answeredAt: row.answeredAt });
    const [updated] = await tx
      .update(escalations)
      .set({ status: 'closed', closedAt: now })
      .where(eq(escalations.id, row.id))
      .returning();
    const [caseRow] = await tx.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, row.caseId));
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: row.caseId,
        customerId: caseRow!.customerId,
        actorUserId: input.actorUserId,
        occurredAt: now,
        type: 'escalation.closed',
        data: { escalationId: row.id },
      },
    ]);
    return updated!;
  });
}
