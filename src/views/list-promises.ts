import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { PromiseView } from '../contract/api-types.ts';
import { loadStaffNames } from './staff-names.ts';
import type { Db } from '../db/open-database.ts';
import { cases, promises } from '../db/schema.ts';
import { presentPromise } from './case-presenters.ts';

export async function listPromises(
  db: Db,
  input: { workspaceId: string; status?: string; ownerId?: string },
): Promise<PromiseView[]> {
  const conditions: SQL[] = [eq(promises.workspaceId, input.workspaceId)];
  if (input.status) conditions.push(inArray(promises.status, [input.status as 'open']));
  if (input.ownerId) conditions.push(eq(promises.ownerId, input.ownerId));
  const [rows, nameOf] = await Promise.all([
    db
      .select({ promise: promises, number: cases.number })
      .from(promises)
      .innerJoin(cases, eq(cases.id, promises.caseId))
      .where(and(...conditions))
      .orderBy(asc(promises.dueAt))
      .limit(500),
    loadStaffNames(db, input.workspaceId),
  ]);
  return rows.map((r) => presentPromise(r.promise, r.number, nameOf));
}
