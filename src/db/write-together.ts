import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './open-database.ts';
import { pgErrorCode } from './pg-error.ts';

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

/**
 * A guard found its row changed (the division by zero writeIfUnchanged raises on purpose), or the
 * statement and another writer each waited for the other's rows (a deadlock, PostgreSQL broke it).
 */
const CHANGED_MEANWHILE = new Set(['22012', '40P01']);

/**
 * writeTogether for a caller that read without locking (issue 15: a survey's answer is then two round
 * trips, no BEGIN or COMMIT): each guard is an update of one row, on the condition that the row is
 * as the caller read it (`xmin`), returning it. When a guard returns nothing the statement fails —
 * a division by zero, on purpose — and writes nothing: false, and the caller reads again (so too
 * after a deadlock). Not inside a transaction (the failure would abort it).
 */
export async function writeIfUnchanged(db: Db, writes: SQLWrapper[], guards: SQLWrapper[]): Promise<boolean> {
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
