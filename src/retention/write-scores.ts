// Writes every customer's CLV and risk for a workspace: the per-group scores go up in a
// temporary table, and one INSERT … SELECT joins them to the customers' summaries, adds the
// per-customer spend and the service risk of the few customers who have any (and writes a row
// for those of them who never bought, so the at-risk list has them too), and writes the
// rows in key order — in one transaction, or on PostgreSQL in two customer-id ranges side by
// side.
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { GammaGammaParams } from '../clv/index.ts';
import { binaryArray } from '../db/binary-array.ts';
import { driverClient } from '../db/hot-statement.ts';
import type { Db } from '../db/open-database.ts';
import { customerIdRanges, inCustomerRange, type CustomerIdRange } from './customer-id-ranges.ts';
import type { RetentionSettings } from './retention-settings.ts';
import { serviceRiskSql } from './risk-sql.ts';
import type { GroupScores, SummaryGroups } from './score-groups.ts';

export interface ScoresToWrite {
  workspaceId: string;
  asOf: string;
  now: Date;
  settings: RetentionSettings;
  groups: SummaryGroups;
  scores: GroupScores;
  /** the fitted spend model, or the mean order value when it could not be fitted */
  spend: { model: GammaGammaParams } | { mean: number };
}

const UPLOAD_ROWS = 200_000;

/** The per-group scores' columns, in score_groups' order, ready to bind as array parameters. */
type Upload = (from: number, to: number) => SQL[];

/**
 * On PostgreSQL the columns go up as binary arrays, built once for every part; on PGlite as
 * comma-separated text (pg's own array serialisation of 11 × 695,000 values took 8.8 s; the
 * text 2 s per part in Node plus its parsing in the database; binary 0.5 s once).
 */
function uploadColumns(db: Db, g: SummaryGroups, s: GroupScores): { upload: Upload; rowsPerStatement: number } {
  const columns: Array<[Float64Array | Int32Array, 'int4' | 'float8']> = [
    [g.x, 'int4'],
    [g.tx, 'int4'],
    [g.T, 'int4'],
    [s.pAlive, 'float8'],
    [s.expected, 'float8'],
    [s.discounted, 'float8'],
    [s.riskPoints, 'float8'],
    [s.risk, 'int4'],
    [s.overduePoints, 'int4'],
    [s.lowPAlivePoints, 'int4'],
    [s.gapDays, 'int4'],
  ];
  if (driverClient(db) instanceof pg.Pool) {
    const binary = columns.map(([values, type]) => sql`${binaryArray(values, type)}::${sql.raw(type)}[]`);
    return { upload: () => binary, rowsPerStatement: Infinity };
  }
  const upload: Upload = (from, to) =>
    columns.map(
      ([values, type]) =>
        sql`string_to_array(${Array.prototype.join.call(values.subarray(from, to), ',')}, ',')::${sql.raw(type)}[]`,
    );
  return { upload, rowsPerStatement: UPLOAD_ROWS };
}

export async function writeScores(db: Db, w: ScoresToWrite, options: { parts?: number } = {}): Promise<void> {
  const lock = (tx: Db) =>
    tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer_scores:${w.workspaceId}`}))`);
  const parts = options.parts ?? 1;
  const upload = uploadColumns(db, w.groups, w.scores);
  if (parts <= 1) {
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await lock(tx);
      await writePart(tx, w, upload, 'all');
      await tx.execute(sql`analyze customer_scores`);
    });
    return;
  }
  // In parts side by side (PostgreSQL): the insert of a million rows (and its key index) is most
  // of the write and cannot be a parallel query, but two connections use two cores. This
  // transaction only holds the workspace's lock while the parts commit one by one; a reader
  // meanwhile sees each customer's old or new score, never both or neither (and if a part
  // fails, its customers keep their old scores until the next refresh).
  await db.transaction(async (lockTx) => {
    await lock(lockTx as unknown as Db);
    // allSettled: the lock is held until every part has finished, failed ones included.
    const results = await Promise.allSettled(
      customerIdRanges(parts).map((range) =>
        db.transaction(async (tx) => writePart(tx as unknown as Db, w, upload, range)),
      ),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  await db.execute(sql`analyze customer_scores`);
}

async function writePart(
  tx: Db,
  w: ScoresToWrite,
  { upload, rowsPerStatement }: ReturnType<typeof uploadColumns>,
  range: CustomerIdRange | 'all',
): Promise<void> {
  const { workspaceId, asOf } = w;
  const inRange = (column: SQL) => inCustomerRange(column, range);
  await tx.execute(sql`
    create temp table score_groups (x int, tx int, t int, p_alive float8, expected float8, discounted float8,
      risk_points float8, risk int, overdue_points int, low_p_alive_points int, gap_days int) on commit drop`);
  const n = w.groups.x.length;
  for (let i = 0; i < n; i += rowsPerStatement) {
    // unnest() per column in the select list, not unnest(a, b, …) in FROM: the latter keeps
    // each column in a tuplestore first (2.1 s against 0.9 s for 695,000 rows × 11).
    const columns = upload(i, Math.min(n, i + rowsPerStatement)).map((c) => sql`unnest(${c})`);
    await tx.execute(sql`insert into score_groups select ${sql.join(columns, sql`, `)}`);
  }
  await tx.execute(sql`analyze score_groups`);
  // Gamma-Gamma's conditional expected spend per customer (Fader, Hardie & Lee 2005).
  const spendSql =
    'model' in w.spend
      ? sql`case when b.x > 0 and b.monetary > 0
          then ${w.spend.model.p}::float8 * (${w.spend.model.gamma}::float8 + b.x * b.monetary) / (${w.spend.model.p}::float8 * b.x + ${w.spend.model.q}::float8 - 1)
          else ${(w.spend.model.p * w.spend.model.gamma) / (w.spend.model.q - 1)}::float8 end`
      : sql`${w.spend.mean}::float8`;
  // The join of a million summaries to their groups on three computed keys: as a hash join
  // 2 s; the planner's estimate (a few thousand rows) otherwise picks sort + merge, 7 s.
  await tx.execute(sql`set local enable_mergejoin = off`);
  // The planner's cost for this statement (millions, from the join's estimate) is far past
  // jit_above_cost, so each part compiled 18–51 functions with inlining and optimisation:
  // 0.3 s of compiling, and 5.3 s against 4.4 s for a part run alone (EXPLAIN ANALYZE).
  await tx.execute(sql`set local jit = off`);
  await tx.execute(
    sql`delete from customer_scores where workspace_id = ${workspaceId} and ${inRange(sql`customer_id`)}`,
  );
  await tx.execute(sql`
    with ${serviceRiskSql(workspaceId, new Date(w.now.getTime() - 365 * 86_400_000), w.settings)},
    b as (
      select v.customer_id, g.x, g.tx, g.t, g.p_alive, g.expected, g.discounted, g.risk_points, g.risk, g.overdue_points,
        g.low_p_alive_points, g.gap_days,
        case when v.purchase_days > 1 then (v.repeat_revenue / (v.purchase_days - 1))::float8 else 0 end as monetary
      from customer_value v
      join score_groups g on g.x = v.purchase_days - 1 and g.tx = v.last_day - v.first_day and g.t = ${asOf}::date - v.first_day
      where v.workspace_id = ${workspaceId} and ${inRange(sql`v.customer_id`)}),
    c as (
      select b.*, ${spendSql} as spend,
        -- half up, as riskScore rounds the purchase-only score
        case when sr.customer_id is null then b.risk else least(100, floor(b.risk_points + sr.points + 0.5))::int end as score,
        coalesce(sr.reasons, '[]'::jsonb) as reasons
      from b left join service_risk sr on sr.customer_id = b.customer_id),
    scored as (
      select customer_id, x, tx, t, monetary, expected, p_alive, spend, discounted * spend as clv, score,
        reasons, overdue_points, gap_days, low_p_alive_points, discounted * spend * score / 100.0 as value_at_risk, true as has_purchases
      from c
      union all
      -- Customers at risk through service alone, who never bought: no summary, so no CLV; their
      -- risk is the service points, as customer-risk.ts computes it live for their page.
      select sr.customer_id, 0, 0, 0, 0, 0, 0, 0, 0, least(100, floor(sr.points + 0.5))::int, sr.reasons, 0, 0, 0, 0, false
      from service_risk sr
      where ${inRange(sql`sr.customer_id`)}
        and not exists (select 1 from customer_value v where v.workspace_id = ${workspaceId} and v.customer_id = sr.customer_id))
    insert into customer_scores (workspace_id, customer_id, x, t_x, t, monetary, expected_purchases, p_alive, expected_spend, clv, risk,
      risk_reasons, overdue_points, gap_days, low_p_alive_points, value_at_risk, has_purchases, computed_at)
    select ${workspaceId}, customer_id, x, tx, t, monetary, expected, p_alive, spend, clv, score,
      reasons, overdue_points, gap_days, low_p_alive_points, value_at_risk, has_purchases, ${w.now.toISOString()}
    from scored order by customer_id`);
}
