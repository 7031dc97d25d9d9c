import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases, tasks } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';
import { appendEvents } from '../../events/append-events.ts';

export async function completeTask(
  db: Db,
  input: { workspaceId: string; taskId: string; actorUserId: string; now: Date },
) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .update(tasks)
      .set({ doneAt: input.now })
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.id, input.taskId), isNull(tasks.doneAt)))
      .returning();
    if (!row) {
      const [existing] = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.id, input.taskId)));
      if (!existing) throw notFound('The task');
      return existing;
    }
    const [caseRow] = row.caseId
      ? await tx.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, row.caseId))
      : [];
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: row.caseId,
        customerId: caseRow?.customerId ?? null,
        actorUserId: input.actorUserId,
        occurredAt: input.now,
        type: 'task.done',
        data: { taskId: row.id },
      },
    ]);
    return row;
  });
}
