// Per-customer CLV and churn risk for a whole workspace (K13, K14), end to end:
//   1. group customers by (x, t_x, T) in SQL (a million customers → ~100k rows),
//   2. fit BG/NBD and Pareto/NBD on the weighted groups, Gamma-Gamma on repeat buyers' spend,
//   3. compute P(alive), expected purchases and discounted purchases once per group in Node,
//   4. write every customer's score and risk with one INSERT … SELECT joining the groups.
// Run by the `retention-refresh-scores` job after an import, and on demand.
import { sql } from 'drizzle-orm';
import { fitBgNbd, type BgNbdParams } from '../clv/bg-nbd.ts';
import { discountedPurchases, expectedPurchases, probabilityAlive, type PurchaseModel } from '../clv/clv-score.ts';
import { fitGammaGamma, type GammaGammaParams } from '../clv/gamma-gamma.ts';
import { groupCustomers } from '../clv/group-customers.ts';
import { fitParetoNbd, type ParetoNbdParams } from '../clv/pareto-nbd.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { refreshEarlyChurn, saveRollup } from './refresh-rollups.ts';
import { isoDay } from './retention-dates.ts';
import { loadRetentionSettings, type RetentionSettings } from './retention-settings.ts';
import { riskSelectSql, serviceFactsSql } from './risk-sql.ts';

// CDNOW's published BG/NBD fit in days: the prior when a workspace has too little data to fit.
const FALLBACK_BGNBD: BgNbdParams = { r: 0.2426, alpha: 30.89, a: 0.7929, b: 2.4258 };
const FALLBACK_PNBD: ParetoNbdParams = { r: 0.5534, alpha: 74.06, s: 0.6061, beta: 81.59 };

export interface ClvFitSummary {
  asOf: string;
  customers: number;
  groups: number;
  model: 'bgnbd' | 'pareto-nbd';
  bgnbd: { params: BgNbdParams; logLikelihood: number | null; fitted: boolean };
  paretoNbd: { params: ParetoNbdParams; logLikelihood: number | null; fitted: boolean };
  gammaGamma: { params: GammaGammaParams | null; repeatCustomers: number; fitted: boolean; meanSpend: number };
  horizonDays: number;
  annualDiscountRate: number;
  seconds: { groups: number; fit: number; score: number; write: number; total: number };
}

const MIN_CUSTOMERS_TO_FIT = 20;

export async function refreshScores(db: Db, workspaceId: string, now: Date): Promise<ClvFitSummary> {
  const t0 = performance.now();
  const settings = await loadRetentionSettings(db, workspaceId);
  // Purchases dated after "now" (a clock behind the data) must not make T < t_x.
  const [maxDay] = await queryRows<{ d: string | null }>(db, sql`select max(last_day)::text as d from customer_value where workspace_id = ${workspaceId}`);
  const asOf = maxDay?.d && maxDay.d > isoDay(now) ? maxDay.d : isoDay(now);
  const groups = await queryRows<{ x: number; tx: number; t: number; w: number }>(
    db,
    sql`select purchase_days - 1 as x, last_day - first_day as tx, ${asOf}::date - first_day as t, count(*)::int as w
        from customer_value where workspace_id = ${workspaceId} group by 1, 2, 3`,
  );
  const t1 = performance.now();
  const columns = {
    x: Float64Array.from(groups, (g) => g.x),
    tx: Float64Array.from(groups, (g) => g.tx),
    T: Float64Array.from(groups, (g) => g.t),
    weight: Float64Array.from(groups, (g) => g.w),
  };
  const customers = groups.reduce((s, g) => s + g.w, 0);
  const grouped = groups.length > 0 ? groupCustomers(columns) : null;
  const enough = grouped !== null && customers >= MIN_CUSTOMERS_TO_FIT && groups.some((g) => g.x > 0);
  // Sent before the purchase-model fits, so the database gathers the spend data on its own
  // core while Node fits. The fits are synchronous: one turn of the event loop (setImmediate)
  // lets the query reach the wire first.
  const spendQuery = queryRows<{ xs: number[] | null; ms: number[] | null; mean: number | null }>(
    db,
    sql`select array_agg(purchase_days - 1) filter (where purchase_days > 1 and repeat_revenue > 0) as xs,
          array_agg((repeat_revenue / (purchase_days - 1))::float8) filter (where purchase_days > 1 and repeat_revenue > 0) as ms,
          (sum(revenue) / nullif(sum(orders), 0))::float8 as mean
        from customer_value where workspace_id = ${workspaceId}`,
  );
  spendQuery.catch(() => undefined); // awaited below; only marked handled while the fits run
  await new Promise<void>((resolve) => setImmediate(resolve));
  const bg = enough ? tryFit(() => fitBgNbd(grouped, { standardErrors: false })) : null;
  const pn = enough ? tryFit(() => fitParetoNbd(grouped, { standardErrors: false })) : null;
  const [spend] = await spendQuery;
  const xs = (spend?.xs ?? []).map(Number);
  const ms = (spend?.ms ?? []).map(Number);
  const gg = xs.length >= MIN_CUSTOMERS_TO_FIT ? tryFit(() => fitGammaGamma({ x: xs, monetary: ms }, { standardErrors: false })) : null;
  const ggUsable = gg !== null && gg.params.q > 1;
  const t2 = performance.now();

  // The chosen model if its fit is sound, else the other one, else the CDNOW prior.
  const usePareto = settings.model === 'pareto-nbd' ? pn !== null || bg === null : pn !== null && bg === null;
  const purchaseModel: PurchaseModel = usePareto ? { model: 'pareto-nbd', params: pn?.params ?? FALLBACK_PNBD } : { model: 'bgnbd', params: bg?.params ?? FALLBACK_BGNBD };
  const dailyRate = Math.pow(1 + settings.annualDiscountRate, 1 / 365) - 1;
  const score = scoreGroups(purchaseModel, groups, settings, dailyRate);
  const t3 = performance.now();

  const meanSpend = spend?.mean ?? 0;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // One refresh at a time per workspace: the table's key no longer stops two concurrent
    // refreshes from both inserting a row per customer (see customerScores in the schema).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer_scores:${workspaceId}`}))`);
    await tx.execute(sql`create temp table score_groups (x int, tx int, t int, p_alive float8, expected float8, discounted float8) on commit drop`);
    for (let i = 0; i < groups.length; i += 10_000) {
      const part = groups.slice(i, i + 10_000);
      const s = score.slice(i, i + 10_000);
      await tx.execute(sql`insert into score_groups select * from unnest(
        ${sql.param(part.map((g) => g.x))}::int[], ${sql.param(part.map((g) => g.tx))}::int[], ${sql.param(part.map((g) => g.t))}::int[],
        ${sql.param(s.map((v) => v.pAlive))}::float8[], ${sql.param(s.map((v) => v.expected))}::float8[], ${sql.param(s.map((v) => v.discounted))}::float8[])`);
    }
    await tx.execute(sql`analyze score_groups`);
    const medianGap = await typicalGap(tx, workspaceId);
    const spendSql = ggUsable
      ? sql`case when b.x > 0 and b.monetary > 0 then ${gg!.params.p}::float8 * (${gg!.params.gamma}::float8 + b.x * b.monetary) / (${gg!.params.p}::float8 * b.x + ${gg!.params.q}::float8 - 1)
            else ${(gg!.params.p * gg!.params.gamma) / (gg!.params.q - 1)}::float8 end`
      : sql`${meanSpend}::float8`;
    const base = sql`(
      select v.customer_id, (v.purchase_days - 1) as x, (v.last_day - v.first_day) as tx, (${asOf}::date - v.first_day) as t,
        (${asOf}::date - v.last_day)::float8 as silence,
        case when v.purchase_days > 1 then (v.repeat_revenue / (v.purchase_days - 1))::float8 else 0 end as monetary,
        g.p_alive, g.expected, g.discounted
      from customer_value v
      join score_groups g on g.x = v.purchase_days - 1 and g.tx = v.last_day - v.first_day and g.t = ${asOf}::date - v.first_day
      where v.workspace_id = ${workspaceId})`;
    // Computed into a temporary table first (no WAL, no indexes), then copied in key order:
    // the per-row risk and its reasons cost the same either way, but the insert into the
    // indexed table then runs as one ordered stream (primary-key writes stay local).
    await tx.execute(sql`
      create temp table new_scores on commit drop as
      with ${serviceFactsSql(workspaceId, new Date(now.getTime() - 365 * 86_400_000))},
      scored as (${riskSelectSql(base, settings, medianGap)})
      select s.customer_id, s.x, s.tx, s.t, s.monetary, s.expected, s.p_alive, s.spend, s.discounted * s.spend as clv, s.risk,
        s.reasons, s.discounted * s.spend * s.risk / 100.0 as value_at_risk
      from (select b.*, ${spendSql} as spend from scored b) s`);
    await tx.execute(sql`delete from customer_scores where workspace_id = ${workspaceId}`);
    await tx.execute(sql`
      insert into customer_scores (workspace_id, customer_id, x, t_x, t, monetary, expected_purchases, p_alive, expected_spend, clv, risk,
        risk_reasons, value_at_risk, computed_at)
      select ${workspaceId}, customer_id, x, tx, t, monetary, expected, p_alive, spend, clv, risk, reasons, value_at_risk, ${now.toISOString()}
      from new_scores order by customer_id`);
    // Fresh statistics keep the early-churn and channel queries below off nested loops
    // planned for an empty table.
    await tx.execute(sql`analyze customer_scores`);
  });
  const t4 = performance.now();
  const summary: ClvFitSummary = {
    asOf,
    customers,
    groups: groups.length,
    model: purchaseModel.model,
    bgnbd: { params: bg?.params ?? FALLBACK_BGNBD, logLikelihood: bg?.logLikelihood ?? null, fitted: bg !== null },
    paretoNbd: { params: pn?.params ?? FALLBACK_PNBD, logLikelihood: pn?.logLikelihood ?? null, fitted: pn !== null },
    gammaGamma: { params: ggUsable ? gg!.params : null, repeatCustomers: xs.length, fitted: ggUsable, meanSpend },
    horizonDays: settings.horizonDays,
    annualDiscountRate: settings.annualDiscountRate,
    seconds: { groups: sec(t1 - t0), fit: sec(t2 - t1), score: sec(t3 - t2), write: sec(t4 - t3), total: sec(t4 - t0) },
  };
  await saveRollup(db, workspaceId, 'clv-fit', summary, now);
  await refreshEarlyChurn(db, workspaceId, now, settings);
  await refreshClvByChannel(db, workspaceId, now);
  return summary;
}

const sec = (ms: number) => Math.round(ms) / 1000;

/** A fit, or null when it failed or ran to the edge of the parameter space (data unlike the model). */
function tryFit<T extends { params: object; logLikelihood: number }>(fit: () => T): T | null {
  try {
    const result = fit();
    const sound = Number.isFinite(result.logLikelihood) && Object.values(result.params).every((v: number) => Number.isFinite(v) && v > 1e-6 && v < 1e7);
    return sound ? result : null;
  } catch {
    return null;
  }
}

/** The median gap between purchases of repeat buyers: the rhythm assumed for one-time buyers. */
export async function typicalGap(db: Db, workspaceId: string): Promise<number> {
  const [row] = await queryRows<{ gap: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by (last_day - first_day)::float8 / (purchase_days - 1)) as gap
        from customer_value where workspace_id = ${workspaceId} and purchase_days > 1`,
  );
  return Math.max(1, Number(row?.gap ?? 30));
}

interface GroupScore {
  pAlive: number;
  expected: number;
  discounted: number;
}

function scoreGroups(m: PurchaseModel, groups: ReadonlyArray<{ x: number; tx: number; t: number }>, settings: RetentionSettings, dailyRate: number): GroupScore[] {
  const H = settings.horizonDays;
  const steps = Math.max(1, Math.round(H / 30));
  return groups.map((g) => {
    const pAlive = probabilityAlive(m, g.x, g.tx, g.t);
    if (m.model === 'pareto-nbd') {
      // E[Y(t)] = pAlive · (r+x)/(α+T) · (β+T) · f(t): one P(alive) per group, then the
      // discounting sum is closed-form arithmetic per step.
      const { r, alpha, s, beta } = m.params;
      const scale = pAlive * ((r + g.x) / (alpha + g.t)) * (beta + g.t);
      const f = (t: number) => {
        const L = Math.log1p(t / (beta + g.t));
        return Math.abs(s - 1) < 1e-10 ? L : -Math.expm1(-(s - 1) * L) / (s - 1);
      };
      let previous = 0;
      let discounted = 0;
      for (let k = 1; k <= steps; k++) {
        const t = (k * H) / steps;
        const cumulative = scale * f(t);
        discounted += (cumulative - previous) / Math.pow(1 + dailyRate, t);
        previous = cumulative;
      }
      return { pAlive: finite(pAlive), expected: finite(previous), discounted: finite(discounted) };
    }
    const expected = expectedPurchases(m, H, g.x, g.tx, g.t);
    const discounted = discountedPurchases(m, g.x, g.tx, g.t, { horizon: H, discountRate: dailyRate, steps });
    return { pAlive: finite(pAlive), expected: finite(expected), discounted: finite(discounted) };
  });
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);

/** Mean CLV and revenue per acquisition channel, for "CLV against acquisition cost". */
async function refreshClvByChannel(db: Db, workspaceId: string, now: Date): Promise<void> {
  const rows = await queryRows<{ channel: string; customers: number; mean_clv: number; mean_revenue: number }>(
    db,
    sql`select coalesce(v.acquisition_channel, '') as channel, count(*)::int as customers, avg(s.clv)::float8 as mean_clv, avg(v.revenue)::float8 as mean_revenue
        from customer_scores s join customer_value v on v.workspace_id = s.workspace_id and v.customer_id = s.customer_id
        where s.workspace_id = ${workspaceId} group by 1 order by 1`,
  );
  const histogram = await queryRows<{ bucket: number; customers: number }>(
    db,
    sql`with b as (select percentile_cont(0.99) within group (order by clv) as top from customer_scores where workspace_id = ${workspaceId})
        select least(width_bucket(s.clv, 0, greatest(b.top, 1e-9), 20), 21)::int as bucket, count(*)::int as customers
        from customer_scores s, b where s.workspace_id = ${workspaceId} group by 1 order by 1`,
  );
  const [top] = await queryRows<{ top: number | null; total: number | null; mean: number | null; median: number | null }>(
    db,
    sql`select percentile_cont(0.99) within group (order by clv) as top, sum(clv)::float8 as total, avg(clv)::float8 as mean,
          percentile_cont(0.5) within group (order by clv) as median
        from customer_scores where workspace_id = ${workspaceId}`,
  );
  await saveRollup(db, workspaceId, 'clv-summary', {
    byChannel: rows.map((r) => ({ channel: r.channel, customers: r.customers, meanClv: r.mean_clv, meanRevenue: r.mean_revenue })),
    histogram: { top: top?.top ?? 0, buckets: histogram },
    total: top?.total ?? 0,
    mean: top?.mean ?? 0,
    median: top?.median ?? 0,
  }, now);
}
