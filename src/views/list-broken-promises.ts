import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { loadStaffNames } from './staff-names.ts';
import { presentPromise } from './case-presenters.ts';
import type { BrokenPromiseItem } from '../contract/promise-api-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, events, promises } from '../db/schema.ts';

/** The drill-down: each broken promise, and what happened on its case after the breach. */
export async function listBrokenPromises(
  db: Db,
  workspaceId: string,
  from: Date,
  to: Date,
  limit = 100,
): Promise<BrokenPromiseItem[]> {
  const rows = await db
    .select({ promise: promises, number: cases.number, customerName: customers.name })
    .from(promises)
    .innerJoin(cases, eq(cases.id, promises.caseId))
    .innerJoin(customers, eq(customers.id, promises.customerId))
    .where(
      and(
        eq(promises.workspaceId, workspaceId),
        eq(promises.status, 'broken'),
        gte(promises.resolvedAt, from),
        lt(promises.resolvedAt, to),
      ),
    )
    .orderBy(desc(promises.resolvedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const [nameOf, caseEvents] = await Promise.all([
    loadStaffNames(db, workspaceId),
    db
      .select()
      .from(events)
      .where(inArray(events.caseId, [...new Set(rows.map((r) => r.promise.caseId))]))
      .orderBy(asc(events.id)),
  ]);
  return rows.map((r) => {
    const brokenAt = r.promise.resolvedAt!;
    const next = caseEvents
      .filter(
        (e) =>
          e.caseId === r.promise.caseId &&
          e.occurredAt.getTime() >= brokenAt.getTime() &&
          !(e.type === 'promise.broken' && (e.data as { promiseId?: string }).promiseId === r.promise.id),
      )
      .slice(0, 12)
      .map((e) => ({
        at: e.occurredAt.toISOString(),
        type: e.type,
        data: e.data,
        actorName: e.actorUserId ? nameOf(e.actorUserId) : null,
      }));
    return {
      promise: presentPromise(r.promise, r.number, nameOf),
      customerName: r.customerName,
      brokenAt: brokenAt.toISOString(),
      next,
    };
  });
}
