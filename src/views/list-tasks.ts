import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { TaskView } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, escalations, tasks } from '../db/schema.ts';
import { presentTask } from './case-presenters.ts';
import { loadStaffNames } from './staff-names.ts';

export async function listTasks(
  db: Db,
  input: { workspaceId: string; assigneeId?: string; open?: boolean },
): Promise<TaskView[]> {
  const conditions: SQL[] = [eq(tasks.workspaceId, input.workspaceId)];
  if (input.assigneeId) conditions.push(eq(tasks.assigneeId, input.assigneeId));
  if (input.open !== false) conditions.push(isNull(tasks.doneAt));
  const [rows, nameOf] = await Promise.all([
    db
      .select({ task: tasks, number: cases.number, escalationLevel: escalations.level })
      .from(tasks)
      .leftJoin(cases, eq(cases.id, tasks.caseId))
      .leftJoin(escalations, eq(escalations.taskId, tasks.id))
      .where(and(...conditions))
      .orderBy(asc(tasks.dueAt))
      .limit(500),
    loadStaffNames(db, input.workspaceId),
  ]);
  return rows.map((r) => presentTask(r.task, r.number, nameOf, r.escalationLevel));
}
