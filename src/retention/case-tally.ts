// The case tally (src/db/schema-case-tally.ts) from the TypeScript side: its rebuild from the cases,
// and the reads the complaint reports make of it. The triggers of migration "case_tally" keep it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';

/** Recomputes the workspace's tally from its cases (the repair path; the migration back-filled with it). */
export async function rebuildCaseTally(db: Db, workspaceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select kept_case_tally_rebuild(${workspaceId}::uuid)`);
  });
}

export interface CaseTallyMonth {
  month: string;
  complaints: number;
  customers: number;
}

/** Complaints and customers with a case per month (YYYY-MM) from `fromMonth` (YYYY-MM) on. */
export function tallyMonths(db: Db, workspaceId: string, fromMonth: string): Promise<CaseTallyMonth[]> {
  return queryRows<CaseTallyMonth>(
    db,
    sql`select to_char(month, 'YYYY-MM') as month, complaints, customers from case_tally_months
        where workspace_id = ${workspaceId} and month >= ${`${fromMonth}-01`}::date`,
  );
}

/**
 * The customers with a case opened at or after `from`: the days after from's (UTC) day from the
 * tally of latest-case days, and on from's day itself, those whose latest case is not before `from`
 * (a day of cases read live, through the status index: every status, then the time).
 */
export async function customersWithCaseSince(
  db: Db,
  workspaceId: string,
  from: Date,
  statuses: readonly string[],
): Promise<number> {
  const day = from.toISOString().slice(0, 10);
  const next = new Date(`${day}T00:00:00Z`).getTime() + 86_400_000;
  const [row] = await queryRows<{ later: number; edge: number }>(
    db,
    sql`select
          (select coalesce(sum(latest), 0)::int from case_tally_days
            where workspace_id = ${workspaceId} and day > ${day}::date) as later,
          (select count(distinct c.customer_id)::int from cases c
            where c.workspace_id = ${workspaceId} and c.status in (${sql.join(
              statuses.map((s) => sql`${s}`),
              sql`, `,
            )})
              and c.created_at >= ${from.toISOString()} and c.created_at < ${new Date(next).toISOString()}
              and not exists (select 1 from cases l where l.customer_id = c.customer_id
                and l.workspace_id = c.workspace_id and l.created_at >= ${new Date(next).toISOString()})) as edge`,
  );
  return (row?.later ?? 0) + (row?.edge ?? 0);
}
