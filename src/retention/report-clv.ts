// CLV (K13): the fitted models, the distribution, and the two comparisons K13 asks
// for. "Good service" = customers who have been in touch and never met a broken promise or a
// service-hell flag; "bad service" = at least one of either; "no contact" = never had a case.
// (Low survey scores join the "bad" side once Kept has surveys.) CLV against acquisition cost
// uses the cost per new customer an admin entered per channel.
import { sql } from 'drizzle-orm';
import type { ClvGroupView, ClvResponse } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { listAcquisitionCosts } from './acquisition-costs.ts';
import { loadRetentionSettings } from './retention-settings.ts';
import { loadRollup } from './refresh-rollups.ts';
import type { ClvFitSummary } from './refresh-scores.ts';

interface ClvSummaryRollup {
  byChannel: Array<{ channel: string; customers: number; meanClv: number; meanRevenue: number }>;
  histogram: { top: number; buckets: Array<{ bucket: number; customers: number }> };
  total: number;
  mean: number;
  median: number;
}

const emptyGroup = (): ClvGroupView => ({
  customers: 0,
  meanClv: null,
  medianClv: null,
  meanRevenue: null,
  meanPAlive: null,
});

export async function clvReport(db: Db, workspaceId: string): Promise<ClvResponse> {
  const [fit, summary, costs, settings] = await Promise.all([
    loadRollup<ClvFitSummary>(db, workspaceId, 'clv-fit'),
    loadRollup<ClvSummaryRollup>(db, workspaceId, 'clv-summary'),
    listAcquisitionCosts(db, workspaceId),
    loadRetentionSettings(db, workspaceId),
  ]);
  const groups = await queryRows<{
    grp: 'good' | 'bad' | 'none';
    customers: number;
    mean_clv: number;
    median_clv: number;
    mean_revenue: number;
    mean_p_alive: number;
  }>(
    db,
    sql`with touched as (
          select customer_id, bool_or(hell_flagged_at is not null) as hell from cases where workspace_id = ${workspaceId} group by customer_id),
        broken as (
          select customer_id, count(*) as n from promises where workspace_id = ${workspaceId} and status = 'broken' group by customer_id)
        select case when t.customer_id is null then 'none' when t.hell or b.n is not null then 'bad' else 'good' end as grp,
          count(*)::int as customers, avg(s.clv)::float8 as mean_clv, percentile_cont(0.5) within group (order by s.clv) as median_clv,
          avg(v.revenue)::float8 as mean_revenue, avg(s.p_alive)::float8 as mean_p_alive
        from customer_scores s
        join customer_value v on v.workspace_id = s.workspace_id and v.customer_id = s.customer_id
        left join touched t on t.customer_id = s.customer_id
        left join broken b on b.customer_id = s.customer_id
        where s.workspace_id = ${workspaceId}
        group by 1`,
  );
  const service = { good: emptyGroup(), bad: emptyGroup(), noContact: emptyGroup() };
  for (const g of groups) {
    service[g.grp === 'none' ? 'noContact' : g.grp] = {
      customers: g.customers,
      meanClv: g.mean_clv,
      medianClv: g.median_clv,
      meanRevenue: g.mean_revenue,
      meanPAlive: g.mean_p_alive,
    };
  }
  const costOf = new Map(costs.map((c) => [c.channel, c.costPerCustomer]));
  const s = summary?.data;
  return {
    computedAt: fit?.computedAt ?? null,
    fit: fit
      ? {
          asOf: fit.data.asOf,
          customers: fit.data.customers,
          model: fit.data.model,
          bgnbd: { ...fit.data.bgnbd, params: { ...fit.data.bgnbd.params } },
          paretoNbd: { ...fit.data.paretoNbd, params: { ...fit.data.paretoNbd.params } },
          gammaGamma: {
            ...fit.data.gammaGamma,
            params: fit.data.gammaGamma.params ? { ...fit.data.gammaGamma.params } : null,
          },
          horizonDays: fit.data.horizonDays,
          annualDiscountRate: fit.data.annualDiscountRate,
        }
      : null,
    total: s?.total ?? 0,
    mean: s?.mean ?? 0,
    median: s?.median ?? 0,
    currency: settings.currency,
    histogram: s?.histogram ?? { top: 0, buckets: [] },
    service,
    byChannel: (s?.byChannel ?? []).map((c) => {
      const cost = costOf.get(c.channel) ?? null;
      return { ...c, costPerCustomer: cost, ratio: cost ? c.meanClv / cost : null };
    }),
  };
}
