// Pareto (K11): the share of revenue from the top 20% of customers with the full Lorenz curve
// and its Gini (precomputed after each import), and the same for complaints among the
// customers who complained (live: complaint cases are few and change all day).
import { sql } from 'drizzle-orm';
import type { LorenzView, ParetoResponse } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { lorenzCurve } from './lorenz.ts';
import { loadRollup } from './refresh-rollups.ts';

export async function paretoReport(db: Db, workspaceId: string): Promise<ParetoResponse> {
  const revenue = await loadRollup<LorenzView>(db, workspaceId, 'revenue-lorenz');
  const complaints = await queryRows<{ n: number }>(
    db,
    // Index-only through cases_complaint_idx, which carries customer_id (issue 15: 27 / 43 ms p50 / p99 at
    // 1,100,000 cases, quicker than the case tally's rows just after a rebuild, 223 / 331).
    sql`select count(*)::int as n from cases where workspace_id = ${workspaceId} and is_complaint group by customer_id`,
  );
  return {
    computedAt: revenue?.computedAt ?? null,
    revenue: revenue?.data ?? lorenzCurve([]),
    complaints: lorenzCurve(complaints.map((c) => c.n)),
  };
}
