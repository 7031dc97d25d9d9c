// The workspace's purchase rhythm: the median of repeat buyers' mean gaps between purchases.
// Scoring assumes it for one-time buyers, and early churn measures their silence against it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';

/** The median of repeat buyers' mean gaps in days, as the database computes it; null without repeat buyers. */
export async function medianGapDays(db: Db, workspaceId: string): Promise<number | null> {
  const [row] = await queryRows<{ gap: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by (last_day - first_day)::float8 / (purchase_days - 1)) as gap
        from customer_value where workspace_id = ${workspaceId} and purchase_days > 1`,
  );
  return row?.gap === null || row?.gap === undefined ? null : Number(row.gap);
}

/** The median gap between purchases of repeat buyers (30 days without any, at least 1): the rhythm assumed for one-time buyers. */
export async function typicalGap(db: Db, workspaceId: string): Promise<number> {
  return Math.max(1, (await medianGapDays(db, workspaceId)) ?? 30);
}
