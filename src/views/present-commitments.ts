import { and, eq } from 'drizzle-orm';
import type { EscalationView, PromiseView } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, type escalations, type promises } from '../db/schema.ts';
import { presentEscalation, presentPromise } from './case-presenters.ts';
import { loadStaffNames } from './staff-names.ts';

async function caseInfoOf(db: Db, workspaceId: string, caseId: string) {
  const [row] = await db
    .select({ number: cases.number, customerId: customers.id, customerName: customers.name })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)));
  return row!;
}

/** A promise a command just changed, as the API shows it. */
export async function promiseView(
  db: Db,
  workspaceId: string,
  promise: typeof promises.$inferSelect,
): Promise<PromiseView> {
  return presentPromise(
    promise,
    (await caseInfoOf(db, workspaceId, promise.caseId)).number,
    await loadStaffNames(db, workspaceId),
  );
}

/** An escalation a command just changed, as the API shows it. */
export async function escalationView(
  db: Db,
  workspaceId: string,
  row: typeof escalations.$inferSelect,
  now: Date,
): Promise<EscalationView> {
  return presentEscalation(
    row,
    await caseInfoOf(db, workspaceId, row.caseId),
    await loadStaffNames(db, workspaceId),
    now,
  );
}
