import { and, asc, eq, lt } from 'drizzle-orm';
import { loadStaffNames } from './staff-names.ts';
import { presentPromise } from './case-presenters.ts';
import type { DueSoonResponse } from '../contract/promise-api-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, promises } from '../db/schema.ts';

/** The "due soon" board: open promises due within `hours` (and the overdue ones), soonest first. */
export async function listDueSoon(
  db: Db,
  input: { workspaceId: string; ownerId?: string; hours: number; now: Date },
): Promise<DueSoonResponse> {
  const until = new Date(input.now.getTime() + input.hours * 3_600_000);
  const conditions = [
    eq(promises.workspaceId, input.workspaceId),
    eq(promises.status, 'open'),
    lt(promises.dueAt, until),
  ];
  if (input.ownerId) conditions.push(eq(promises.ownerId, input.ownerId));
  const [rows, nameOf] = await Promise.all([
    db
      .select({ promise: promises, number: cases.number, customerName: customers.name })
      .from(promises)
      .innerJoin(cases, eq(cases.id, promises.caseId))
      .innerJoin(customers, eq(customers.id, promises.customerId))
      .where(and(...conditions))
      .orderBy(asc(promises.dueAt))
      .limit(300),
    loadStaffNames(db, input.workspaceId),
  ]);
  return {
    now: input.now.toISOString(),
    hours: input.hours,
    items: rows.map((r) => {
      const minutesLeft = Math.round((r.promise.dueAt.getTime() - input.now.getTime()) / 60_000);
      return {
        promise: presentPromise(r.promise, r.number, nameOf),
        customerName: r.customerName,
        minutesLeft,
        overdue: minutesLeft < 0,
      };
    }),
  };
}
