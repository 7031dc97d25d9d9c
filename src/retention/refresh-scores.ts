// Per-customer CLV and churn risk for a whole workspace (K13, K14), end to end:
//   1. group customers by (x, t_x, T) in SQL (a million customers → ~100k rows),
//   2. fit BG/NBD and Pareto/NBD on the weighted groups, Gamma-Gamma on repeat buyers' spend,
//   3. compute P(alive), expected purchases, discounted purchases and the purchase half of
//      risk once per group in Node (score-groups.ts),
//   4. write every customer's score and risk with one INSERT … SELECT joining the groups
//      (write-scores.ts).
// Run by the `retention-refresh-scores` job after an import, and on demand.
import { sql } from 'drizzle-orm';
import {
  type BgNbdParams,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbdInWorker,
  type GammaGammaParams,
  groupCustomers,
  type ParetoNbdWorker,
  startParetoNbdWorker,
  WORKER_ABOVE,
} from '../clv/index.ts';
import type { ParetoNbdParams, PurchaseModel } from '../clv/index.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { medianGapDays } from './median-purchase-gap.ts';
import { refreshEarlyChurn, saveRollup } from './refresh-rollups.ts';
import { isoDay } from './retention-dates.ts';
import { loadRetentionSettings, type RetentionSettings } from './retention-settings.ts';
import { scoreGroups, type SummaryGroups } from './score-groups.ts';
import { saveAtRiskHead } from './at-risk-head.ts';
import { bulkParts } from './customer-id-ranges.ts';
import { writeScores } from './write-scores.ts';
import { niceHistogramTop } from './nice-histogram-top.ts';

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
  /**
   * Each fit's wall time from the start of the fits and its likelihood evaluations (null when it
   * did not run or failed): a slow refresh then names the model that stalled.
   */
  fits: Record<'bgnbd' | 'paretoNbd' | 'gammaGamma', { seconds: number; evaluations: number | null }>;
}

const MIN_CUSTOMERS_TO_FIT = 20;

export async function refreshScores(db: Db, workspaceId: string, now: Date): Promise<ClvFitSummary> {
  const t0 = performance.now();
  const settings = await loadRetentionSettings(db, workspaceId);
  // Purchases dated after "now" (a clock behind the data) must not make T < t_x.
  const [stats] = await queryRows<{ d: string | null; n: number }>(
    db,
    sql`select max(last_day)::text as d, count(*)::int as n from customer_value where workspace_id = ${workspaceId}`,
  );
  const asOf = stats?.d && stats.d > isoDay(now) ? stats.d : isoDay(now);
  // Distinct (x, t_x, T) rows are at most the customers: when there are enough for the worker,
  // it starts now and loads while the groups are read (about a second off the fit).
  const worker = (stats?.n ?? 0) >= WORKER_ABOVE ? startParetoNbdWorker() : null;
  try {
    return await scoreWorkspace(db, workspaceId, now, settings, asOf, worker, t0);
  } finally {
    worker?.close();
  }
}

async function scoreWorkspace(
  db: Db,
  workspaceId: string,
  now: Date,
  settings: RetentionSettings,
  asOf: string,
  worker: ParetoNbdWorker | null,
  t0: number,
): Promise<ClvFitSummary> {
  const groups = await readGroups(db, workspaceId, asOf);
  const t1 = performance.now();
  const customers = groups.weight.reduce((a, b) => a + b, 0);
  const enough = customers >= MIN_CUSTOMERS_TO_FIT && groups.x.some((x) => x > 0);
  // Sent before the purchase-model fits, so the database gathers the spend data on its own
  // core while Node fits. The fits are synchronous: one turn of the event loop (setImmediate)
  // lets the queries reach the wire first. Pareto/NBD, the slowest fit, runs on a worker thread.
  const spendQuery = readSpend(db, workspaceId);
  const gapQuery = medianGapDays(db, workspaceId);
  spendQuery.catch(() => undefined); // awaited below; only marked handled while the fits run
  gapQuery.catch(() => undefined);
  const fits: ClvFitSummary['fits'] = {
    bgnbd: { seconds: 0, evaluations: null },
    paretoNbd: { seconds: 0, evaluations: null },
    gammaGamma: { seconds: 0, evaluations: null },
  };
  const finished = (model: keyof ClvFitSummary['fits'], evaluations: number | null) => {
    fits[model] = { seconds: sec(performance.now() - t1), evaluations };
  };
  const pnFit = enough
    ? (worker ? worker.fit(groups) : fitParetoNbdInWorker(groups)).then(
        (r) => {
          finished('paretoNbd', r.evaluations);
          return soundOrNull(r);
        },
        () => {
          finished('paretoNbd', null);
          return null;
        },
      )
    : Promise.resolve(null);
  await new Promise<void>((resolve) => setImmediate(resolve));
  const bg = enough ? tryFit(() => fitBgNbd(groupCustomers(groups), { standardErrors: false })) : null;
  finished('bgnbd', bg?.evaluations ?? null);
  const spend = await spendQuery;
  const gg =
    spend.x.length >= MIN_CUSTOMERS_TO_FIT
      ? tryFit(() => fitGammaGamma({ x: spend.x, monetary: spend.monetary }, { standardErrors: false }))
      : null;
  finished('gammaGamma', gg?.evaluations ?? null);
  const ggUsable = gg !== null && gg.params.q > 1;
  const pn = await pnFit;
  const t2 = performance.now();

  // The chosen model if its fit is sound, else the other one, else the CDNOW prior.
  const usePareto = settings.model === 'pareto-nbd' ? pn !== null || bg === null : pn !== null && bg === null;
  const purchaseModel: PurchaseModel = usePareto
    ? { model: 'pareto-nbd', params: pn?.params ?? FALLBACK_PNBD }
    : { model: 'bgnbd', params: bg?.params ?? FALLBACK_BGNBD };
  const rawGap = await gapQuery;
  const medianGap = Math.max(1, rawGap ?? 30);
  const scores = scoreGroups(purchaseModel, groups, settings, medianGap);
  const t3 = performance.now();

  const meanSpend = spend.mean;
  await writeScores(
    db,
    { workspaceId, asOf, now, settings, groups, scores, spend: ggUsable ? { model: gg.params } : { mean: meanSpend } },
    { parts: bulkParts(db) },
  );
  const t4 = performance.now();
  const summary: ClvFitSummary = {
    asOf,
    customers,
    groups: groups.x.length,
    model: purchaseModel.model,
    bgnbd: { params: bg?.params ?? FALLBACK_BGNBD, logLikelihood: bg?.logLikelihood ?? null, fitted: bg !== null },
    paretoNbd: { params: pn?.params ?? FALLBACK_PNBD, logLikelihood: pn?.logLikelihood ?? null, fitted: pn !== null },
    gammaGamma: { params: ggUsable ? gg.params : null, repeatCustomers: spend.x.length, fitted: ggUsable, meanSpend },
    horizonDays: settings.horizonDays,
    annualDiscountRate: settings.annualDiscountRate,
    seconds: { groups: sec(t1 - t0), fit: sec(t2 - t1), score: sec(t3 - t2), write: sec(t4 - t3), total: sec(t4 - t0) },
    fits,
  };
  // Without a single buyer nothing was fitted: the CLV screen keeps saying so, while the
  // customers at risk through service alone were written above (issue 17).
  if (customers > 0) await saveRollup(db, workspaceId, 'clv-fit', summary, now);
  // Independent of each other: on PostgreSQL they run on two connections at once.
  // Early churn needs the same median gap (the summary has not changed since): 0.5–0.8 s less
  // for the slower of the two.
  await Promise.all([
    refreshEarlyChurn(db, workspaceId, now, settings, rawGap ?? 30),
    refreshClvByChannel(db, workspaceId, now),
    saveAtRiskHead(db, workspaceId, now),
  ]);
  return summary;
}

const sec = (ms: number) => Math.round(ms) / 1000;

/** Numbers in one comma-separated text: 650,000 rows arrive as one value instead of as row objects (3 s → 1 s). */
function parseNumbers(text: string | null | undefined): Float64Array {
  if (!text) return new Float64Array(0);
  const parts = text.split(',');
  const out = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = Number(parts[i]);
  return out;
}

/** The distinct (x, t_x, T) of the workspace's buyers, with how many customers share each. */
async function readGroups(db: Db, workspaceId: string, asOf: string): Promise<SummaryGroups> {
  // 695,000 groups overflow the default 4 MB hash table and spill to disk: 1.3 s, 0.9 s in memory.
  const [row] = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.execute(sql`set local work_mem = '128MB'`);
    return readGroupColumns(tx, workspaceId, asOf);
  });
  return { x: parseNumbers(row?.x), tx: parseNumbers(row?.tx), T: parseNumbers(row?.t), weight: parseNumbers(row?.w) };
}

function readGroupColumns(db: Db, workspaceId: string, asOf: string) {
  return queryRows<{ x: string | null; tx: string | null; t: string | null; w: string | null }>(
    db,
    sql`select string_agg(x::text, ',') as x, string_agg(tx::text, ',') as tx, string_agg(t::text, ',') as t, string_agg(w::text, ',') as w
        from (select purchase_days - 1 as x, last_day - first_day as tx, ${asOf}::date - first_day as t, count(*) as w
              from customer_value where workspace_id = ${workspaceId} group by 1, 2, 3) g`,
  );
}

/** Gamma-Gamma's input (repeat buyers' x and mean repeat spend) and the mean order value. */
async function readSpend(
  db: Db,
  workspaceId: string,
): Promise<{ x: Float64Array; monetary: Float64Array; mean: number }> {
  const [row] = await queryRows<{ xs: string | null; ms: string | null; mean: number | null }>(
    db,
    sql`select string_agg((purchase_days - 1)::text, ',') filter (where purchase_days > 1 and repeat_revenue > 0) as xs,
          string_agg((repeat_revenue / (purchase_days - 1))::float8::text, ',') filter (where purchase_days > 1 and repeat_revenue > 0) as ms,
          (sum(revenue) / nullif(sum(orders), 0))::float8 as mean
        from customer_value where workspace_id = ${workspaceId}`,
  );
  return { x: parseNumbers(row?.xs), monetary: parseNumbers(row?.ms), mean: Number(row?.mean ?? 0) };
}

/** A fit, or null when it failed or ran to the edge of the parameter space (data unlike the model). */
function tryFit<T extends { params: object; logLikelihood: number }>(fit: () => T): T | null {
  try {
    return soundOrNull(fit());
  } catch {
    return null;
  }
}

function soundOrNull<T extends { params: object; logLikelihood: number }>(result: T): T | null {
  const sound =
    Number.isFinite(result.logLikelihood) &&
    Object.values(result.params).every((v: number) => Number.isFinite(v) && v > 1e-6 && v < 1e7);
  return sound ? result : null;
}

/** Mean CLV and revenue per acquisition channel, for "CLV against acquisition cost". */
async function refreshClvByChannel(db: Db, workspaceId: string, now: Date): Promise<void> {
  const rows = await queryRows<{ channel: string; customers: number; mean_clv: number; mean_revenue: number }>(
    db,
    sql`select coalesce(v.acquisition_channel, '') as channel, count(*)::int as customers, avg(s.clv)::float8 as mean_clv, avg(v.revenue)::float8 as mean_revenue
        from customer_scores s join customer_value v on v.workspace_id = s.workspace_id and v.customer_id = s.customer_id
        where s.workspace_id = ${workspaceId} group by 1 order by 1`,
  );
  // The percentiles first (one sort of the CLVs), then the histogram up to the 99th: before,
  // the histogram sorted them a second time for its own top.
  const [top] = await queryRows<{
    top: number | null;
    total: number | null;
    mean: number | null;
    median: number | null;
  }>(
    db,
    sql`select percentile_cont(0.99) within group (order by clv) as top, sum(clv)::float8 as total, avg(clv)::float8 as mean,
          percentile_cont(0.5) within group (order by clv) as median
        from customer_scores where workspace_id = ${workspaceId} and has_purchases`,
  );
  // Up to the 99th percentile, widened to round bin edges.
  const histogramTop = niceHistogramTop(top?.top ?? 0);
  const histogram = await queryRows<{ bucket: number; customers: number }>(
    db,
    sql`select least(width_bucket(clv, 0, ${histogramTop}::float8, 20), 21)::int as bucket, count(*)::int as customers
        from customer_scores where workspace_id = ${workspaceId} and has_purchases group by 1 order by 1`,
  );
  await saveRollup(
    db,
    workspaceId,
    'clv-summary',
    {
      byChannel: rows.map((r) => ({
        channel: r.channel,
        customers: r.customers,
        meanClv: r.mean_clv,
        meanRevenue: r.mean_revenue,
      })),
      histogram: { top: histogramTop, buckets: histogram },
      total: top?.total ?? 0,
      mean: top?.mean ?? 0,
      median: top?.median ?? 0,
    },
    now,
  );
}
