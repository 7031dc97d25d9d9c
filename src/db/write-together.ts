import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './open-database.ts';
import { pgErrorCode } from './pg-error.ts';

/**
 * A guard found its row changed (the division by zero writeIfUnchanged raises on purpose), or the
 * statement and another writer each waited for the other's rows (a deadlock, PostgreSQL broke it).
 */
const CHANGED_MEANWHILE = new Set(['22012', '40P01']);

/**
 * Several inserts and updates as one statement of data-modifying CTEs, so that they cost one round
 * trip instead of one each, for a caller that read without locking (issue 15: a survey's answer is
 * two round trips, no BEGIN or COMMIT). They run on one snapshot and cannot see each other's rows,
 * so they must not depend on one another (ids are made by the caller) nor touch one row twice; which
 * runs first is not said. Each guard is an update of one row on the condition that the row is as the
 * caller read it (`xmin`), returning it. When a guard returns nothing the statement fails — a division
 * by zero, on purpose — and writes nothing: false, and the caller reads again (so too after a deadlock).
 * Not inside a transaction (the failure would abort it).
 */
export async function writeIfUnchanged(db: Db, writes: SQLWrapper[], guards: SQLWrapper[]): Promise<boolean> {
  if (guards.length === 0) throw new Error('writeIfUnchanged needs a guard');
  // getSQL(): a query builder put into a template as it is is parenthesised, as a subquery would be.
  const ctes = [
    ...writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`),
    ...guards.map((g, i) => sql`${sql.raw(`g${i}`)} as (${g.getSQL()})`),
  ];
  const counts = guards.map((_, i) => sql.raw(`(select count(*) from g${i})`));
  try {
    await db.execute(sql`with ${sql.join(ctes, sql`, `)} select 1 / least(${sql.join(counts, sql`, `)}) as ok`);
    return true;
  } catch (error) {
    if (CHANGED_MEANWHILE.has(pgErrorCode(error) ?? '')) return false;
    throw error;
  }
}
