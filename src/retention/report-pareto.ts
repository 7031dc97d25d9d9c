// Pareto (K11): the share of revenue from the top 20% of customers with the full Lorenz curve
// and its Gini (precomputed after each import), and the same for complaints among the
// customers who complained (live, from the case tally its triggers keep: complaints change all day).
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
    // From the case tally's rows with complaints (its partial index, in customer order): at 1,100,000
    // cases, reading the complaint cases themselves took 260 ms p50 (issue 15).
    sql`select sum(complaints)::int as n from case_tally where workspace_id = ${workspaceId} and complaints > 0
        group by customer_id`,
  );
  return {
    computedAt: revenue?.computedAt ?? null,
    revenue: revenue?.data ?? lorenzCurve([]),
    complaints: lorenzCurve(complaints.map((c) => c.n)),
  };
}
