import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../contract/api-types.ts';
import type { Db } from '../../db/open-database.ts';
import { cases, escalations, tasks, users } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { Channel } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { SUPERVISING_ROLES } from '../../kernel/domain-words.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { sendAnswer } from '../messages/send-answer.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { assertCanCloseEscalation, assertIsSupervisor, escalationDeadline, nextLevel } from './escalation-rules.ts';

async function loadEscalation(db: Db, workspaceId: string, escalationId: string, lock = false) {
  const query = db
    .select()
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.id, escalationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('The escalation');
  return row;
}

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
    channel: (caseRow!.channel === 'phone' || caseRow!.channel === 'voicemail' || caseRow!.channel === 'letter' || caseRow!.channel === 'fax'
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
      .set({ status: row.status === 'closed' ? 'closed' : 'answered', answeredAt: now, answeredBy: input.supervisorId, answerMessageId: message.id })
      .where(eq(escalations.id, row.id))
      .returning();
    await appendEvents(tx, [
      { workspaceId: input.workspaceId, caseId: row.caseId, customerId: caseRow!.customerId, actorUserId: input.supervisorId, occurredAt: now, type: 'escalation.answered', data: { escalationId: row.id, messageId: message.id, supervisorId: input.supervisorId } },
    ]);
    return updated!;
  });
}

export async function closeEscalation(ctx: DeskContext, input: { workspaceId: string; escalationId: string; actorUserId: string; actorRole: Role }) {
  assertIsSupervisor(input.actorRole);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await loadEscalation(tx, input.workspaceId, input.escalationId, true);
    assertCanCloseEscalation({ status: row.status, answeredAt: row.answeredAt });
    const [updated] = await tx.update(escalations).set({ status: 'closed', closedAt: now }).where(eq(escalations.id, row.id)).returning();
    const [caseRow] = await tx.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, row.caseId));
    await appendEvents(tx, [
      { workspaceId: input.workspaceId, caseId: row.caseId, customerId: caseRow!.customerId, actorUserId: input.actorUserId, occurredAt: now, type: 'escalation.closed', data: { escalationId: row.id } },
    ]);
    return updated!;
  });
}

/**
 * Timer: an escalation still unanswered at its deadline goes one level up — a shorter
 * deadline and a task for every admin (the next level), so a missed one is never silent.
 */
export async function escalateMissedDeadline(ctx: DeskContext, payload: { workspaceId: string; escalationId: string; level: number }) {
  const workspace = await loadWorkspace(ctx.db, payload.workspaceId);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await loadEscalation(tx, payload.workspaceId, payload.escalationId, true);
    if (row.status !== 'open' || row.level !== payload.level || row.deadlineAt.getTime() > now.getTime()) return false;
    const level = nextLevel(row.level);
    const deadlineAt = escalationDeadline(now, workspace.settings.escalationDeadlineMinutes, level);
    await tx.update(escalations).set({ level, deadlineAt }).where(eq(escalations.id, row.id));
    const [caseRow] = await tx.select().from(cases).where(eq(cases.id, row.caseId));
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, payload.workspaceId), eq(users.active, true), inArray(users.role, level >= 3 ? ['admin'] : [...SUPERVISING_ROLES])));
    const base = { workspaceId: payload.workspaceId, caseId: row.caseId, customerId: caseRow!.customerId, actorUserId: null, occurredAt: now };
    const created = admins.length
      ? await tx
          .insert(tasks)
          .values(admins.map((a) => ({ workspaceId: payload.workspaceId, caseId: row.caseId, assigneeId: a.id, kind: 'escalation_overdue', title: '', dueAt: deadlineAt, createdAt: now })))
          .returning({ id: tasks.id, assigneeId: tasks.assigneeId })
      : [];
    await appendEvents(tx, [
      { ...base, type: 'escalation.deadline_missed', data: { escalationId: row.id, level } },
      ...created.map((t) => ({ ...base, type: 'task.created' as const, data: { taskId: t.id, kind: 'escalation_overdue', dueAt: deadlineAt.toISOString(), assigneeId: t.assigneeId } })),
    ]);
    await ctx.timers.schedule(tx, { name: TIMER.escalationDeadline, payload: { workspaceId: payload.workspaceId, escalationId: row.id, level }, startAfter: deadlineAt });
    return true;
  });
}
