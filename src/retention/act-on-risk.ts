// What an agent does about a customer at risk: open a case owned by themselves (no message
// from the customer, so no acknowledgement goes out), with an internal note of why; or
// schedule a call, which is a task.
import { and, eq } from 'drizzle-orm';
import { requireUser } from '../accounts/index.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, messages, tasks } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';
import { appendEvents } from '../events/append-events.ts';
import { caseReference } from '../kernel/case-reference.ts';
import { customerRisk } from './customer-risk.ts';

async function loadCustomer(db: Db, workspaceId: string, customerId: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  if (!row) throw notFound('The customer');
  return row;
}

export async function openRetentionCase(
  db: Db,
  input: { workspaceId: string; customerId: string; actorUserId: string; subject?: string; now: Date },
): Promise<{ caseId: string; reference: string }> {
  const customer = await loadCustomer(db, input.workspaceId, input.customerId);
  const risk = await customerRisk(db, input.workspaceId, input.customerId, input.now);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const subject = input.subject ?? `Keep ${customer.name}: churn risk ${risk.risk}`;
    const [row] = await tx
      .insert(cases)
      .values({
        workspaceId: input.workspaceId,
        customerId: customer.id,
        subject,
        status: 'open',
        channel: 'phone',
        language: customer.language,
        ownerId: input.actorUserId,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    const body = ['Opened from the at-risk list.', ...risk.explanation.map((e) => `• ${e}`)].join('\n');
    const [note] = await tx
      .insert(messages)
      .values({
        workspaceId: input.workspaceId,
        caseId: row!.id,
        customerId: customer.id,
        direction: 'outbound',
        channel: 'phone',
        internal: true,
        body,
        authorUserId: input.actorUserId,
        createdAt: input.now,
      })
      .returning();
    const base = {
      workspaceId: input.workspaceId,
      caseId: row!.id,
      customerId: customer.id,
      actorUserId: input.actorUserId,
      occurredAt: input.now,
    };
    await appendEvents(tx, [
      { ...base, type: 'case.opened', data: { channel: 'phone', subject } },
      { ...base, type: 'case.assigned', data: { toUserId: input.actorUserId, reason: 'manual' } },
      { ...base, type: 'note.added', data: { messageId: note!.id } },
    ]);
    return { caseId: row!.id, reference: caseReference(row!.number) };
  });
}

export async function scheduleRetentionCall(
  db: Db,
  input: { workspaceId: string; customerId: string; assigneeId: string; actorUserId: string; dueAt: Date; now: Date },
): Promise<{ taskId: string; dueAt: string }> {
  const customer = await loadCustomer(db, input.workspaceId, input.customerId);
  await requireUser(db, input.workspaceId, input.assigneeId, 'assigneeId', 'The person to call');
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [task] = await tx
      .insert(tasks)
      .values({
        workspaceId: input.workspaceId,
        assigneeId: input.assigneeId,
        kind: 'retention_call',
        title: `Call ${customer.name} (at risk of leaving)`,
        dueAt: input.dueAt,
        createdAt: input.now,
      })
      .returning();
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: null,
        customerId: customer.id,
        actorUserId: input.actorUserId,
        occurredAt: input.now,
        type: 'task.created',
        data: {
          taskId: task!.id,
          kind: 'retention_call',
          dueAt: input.dueAt.toISOString(),
          assigneeId: input.assigneeId,
        },
      },
    ]);
    return { taskId: task!.id, dueAt: input.dueAt.toISOString() };
  });
}
