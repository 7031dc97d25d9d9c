import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { TaskView } from '../../contract/api-types.ts';
import { loadStaffNames } from '../../views/staff-names.ts';
import type { Db } from '../../db/open-database.ts';
import { cases, tasks } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';
import { appendEvents } from '../../events/append-events.ts';
import { presentTask } from '../../views/case-presenters.ts';

export async function listTasks(db: Db, input: { workspaceId: string; assigneeId?: string; open?: boolean }): Promise<TaskView[]> {
  const conditions: SQL[] = [eq(tasks.workspaceId, input.workspaceId)];
  if (input.assigneeId) conditions.push(eq(tasks.assigneeId, input.assigneeId));
  if (input.open !== false) conditions.push(isNull(tasks.doneAt));
  const [rows, nameOf] = await Promise.all([
    db
      .select({ task: tasks, number: cases.number })
      .from(tasks)
      .leftJoin(cases, eq(cases.id, tasks.caseId))
      .where(and(...conditions))
      .orderBy(asc(tasks.dueAt))
      .limit(500),
    loadStaffNames(db, input.workspaceId),
  ]);
  return rows.map((r) => presentTask(r.task, r.number, nameOf));
}

export async function completeTask(db: Db, input: { workspaceId: string; taskId: string; actorUserId: string; now: Date }) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .update(tasks)
      .set({ doneAt: input.now })
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.id, input.taskId), isNull(tasks.doneAt)))
      .returning();
    if (!row) {
      const [existing] = await tx.select().from(tasks).where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.id, input.taskId)));
      if (!existing) throw notFound('The task');
      return existing;
    }
    const [caseRow] = row.caseId ? await tx.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, row.caseId)) : [];
    await appendEvents(tx, [
      { workspaceId: input.workspaceId, caseId: row.caseId, customerId: caseRow?.customerId ?? null, actorUserId: input.actorUserId, occurredAt: input.now, type: 'task.done', data: { taskId: row.id } },
    ]);
    return row;
  });
}
