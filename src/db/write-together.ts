import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './open-database.ts';

/**
 * Several inserts and updates as one statement — each but the last a data-modifying CTE — so that
 * they cost one round trip instead of one each (a survey's answer writes up to six: issue 15). They
 * run on one snapshot and cannot see each other's rows, so they must not depend on one another (ids
 * are made by the caller) nor touch one row twice; which of them runs first is not said.
 */
export async function writeTogether(db: Db, writes: SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  // getSQL(): a query builder put into a template as it is is parenthesised, as a subquery would be.
  const last = writes[writes.length - 1]!.getSQL();
  const ctes: SQL[] = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await db.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : last);
}
