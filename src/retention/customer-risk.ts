// Churn risk for people: the at-risk list (sorted by value at risk = CLV × risk, from the
// last scoring) and one customer's risk computed live, so a complaint opened a minute ago
// shows on their page at once.
import { sql, type SQL } from 'drizzle-orm';
import type { AtRiskResponse, AtRiskScope, CustomerRiskView, RiskReason } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { notFound } from '../errors/kept-error.ts';
import { loadAtRiskHead, pageFromHead } from './at-risk-head.ts';
import { describeRisk, sortReasons } from './describe-risk.ts';
import { isoDay } from './retention-dates.ts';
import { loadRetentionSettings } from './retention-settings.ts';
import { typicalGap } from './median-purchase-gap.ts';
import { purchaseReasons, purchaseRisk, riskScore } from './purchase-risk.ts';
import { serviceRiskSql } from './risk-sql.ts';

interface RiskRow {
  customer_id: string;
  name: string;
  email: string | null;
  risk: number;
  /** the service reasons; the purchase ones are worded from the numbers below */
  reasons: RiskReason[];
  overdue_points: number;
  gap_days: number;
  low_p_alive_points: number;
  silence: number | null;
  clv: number | null;
  p_alive: number | null;
  value_at_risk: number | null;
  last_day: string | null;
  computed_at: Date | string | null;
  /** false: at risk through service alone, never bought (no CLV, no purchase reasons) */
  has_purchases: boolean;
}

function present(r: RiskRow): CustomerRiskView {
  const purchase = { overduePoints: r.overdue_points, gapDays: r.gap_days, lowPAlivePoints: r.low_p_alive_points };
  const reasons = sortReasons([...purchaseReasons(purchase, r.silence, r.p_alive), ...(r.reasons ?? [])]);
  return {
    customerId: r.customer_id,
    name: r.name,
    email: r.email,
    risk: r.risk,
    reasons,
    explanation: describeRisk(reasons),
    clv: r.clv,
    pAlive: r.p_alive,
    valueAtRisk: r.value_at_risk,
    lastPurchase: r.last_day,
    serviceOnly: !r.has_purchases,
    computedAt: r.computed_at ? new Date(r.computed_at).toISOString() : null,
  };
}

export async function listAtRisk(
  db: Db,
  workspaceId: string,
  options: { limit: number; offset: number; minRisk: number; scope?: AtRiskScope },
): Promise<AtRiskResponse> {
  // From the head the last scoring saved (at-risk-head.ts): the page's rows by key, served only
  // if every one of them is still the row that head was taken from.
  const head = await loadAtRiskHead(db, workspaceId);
  const fromHead = head ? pageFromHead(head, options) : null;
  if (head && fromHead && fromHead.ids.length > 0) {
    const rows = await readRiskRows(
      db,
      sql`select * from customer_scores where workspace_id = ${workspaceId}
          and customer_id = any(string_to_array(${fromHead.ids.join(',')}, ',')::uuid[]) and computed_at = ${head.scoredAt}::timestamptz`,
    );
    if (rows.length === fromHead.ids.length) {
      const at = new Map(fromHead.ids.map((id, i) => [id, i]));
      rows.sort((a, b) => at.get(a.customer_id)! - at.get(b.customer_id)!);
      return { total: fromHead.total, serviceOnly: fromHead.serviceOnly, customers: rows.map(present) };
    }
  }
  // Otherwise the page is picked from the scores alone (one scan, a top-N sort), and only its
  // rows are joined to their names and last purchase; the counts are their own scan, run beside
  // it. Customers at risk through service alone have no value at risk, so they follow the
  // buyers, most at risk first; the 'service-only' scope lists them alone (a partial index).
  const only = options.scope === 'service-only' ? sql`and not has_purchases` : sql``;
  const [[counts], rows] = await Promise.all([
    queryRows<{ n: number; service_only: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where not has_purchases)::int as service_only
          from customer_scores where workspace_id = ${workspaceId} and risk >= ${options.minRisk}`,
    ),
    readRiskRows(
      db,
      sql`select * from customer_scores where workspace_id = ${workspaceId} and risk >= ${options.minRisk} ${only}
          order by value_at_risk desc, risk desc, customer_id limit ${options.limit} offset ${options.offset}`,
    ),
  ]);
  const total = counts?.n ?? 0;
  const serviceOnly = counts?.service_only ?? 0;
  return {
    total: options.scope === 'service-only' ? serviceOnly : total,
    serviceOnly,
    customers: rows.map(present),
  };
}

/** The list's rows for the scores `picked` selects, with names and last purchase, in the list's order. */
function readRiskRows(db: Db, picked: SQL): Promise<RiskRow[]> {
  // Silence as of the scoring (T − t_x), so "no purchase for N days" matches the score.
  return queryRows<RiskRow>(
    db,
    sql`select s.customer_id, c.name, c.email, s.risk, s.risk_reasons as reasons, s.overdue_points, s.gap_days, s.low_p_alive_points,
          case when s.has_purchases then s.t - s.t_x end as silence, case when s.has_purchases then s.clv end as clv,
          case when s.has_purchases then s.p_alive end as p_alive, case when s.has_purchases then s.value_at_risk end as value_at_risk,
          v.last_day::text as last_day, s.computed_at, s.has_purchases
        from (${picked}) s
        join customers c on c.id = s.customer_id
        left join customer_value v on v.workspace_id = s.workspace_id and v.customer_id = s.customer_id
        order by s.value_at_risk desc, s.risk desc, s.customer_id`,
  );
}

export async function customerRisk(
  db: Db,
  workspaceId: string,
  customerId: string,
  now: Date,
): Promise<CustomerRiskView> {
  const settings = await loadRetentionSettings(db, workspaceId);
  const medianGap = await typicalGap(db, workspaceId);
  const asOf = isoDay(now);
  const [row] = await queryRows<{
    customer_id: string;
    name: string;
    email: string | null;
    x: number | null;
    tx: number | null;
    silence: number | null;
    p_alive: number | null;
    clv: number | null;
    last_day: string | null;
    computed_at: Date | string | null;
    service_points: number;
    reasons: RiskReason[];
  }>(
    db,
    sql`with ${serviceRiskSql(workspaceId, new Date(now.getTime() - 365 * 86_400_000), settings, customerId)}
        select c.id as customer_id, c.name, c.email, (v.purchase_days - 1) as x, (v.last_day - v.first_day) as tx,
          greatest(${asOf}::date - v.last_day, 0) as silence, case when s.has_purchases then s.p_alive end as p_alive,
          case when s.has_purchases then s.clv end as clv, v.last_day::text as last_day, s.computed_at,
          coalesce(sr.points, 0)::float8 as service_points, coalesce(sr.reasons, '[]'::jsonb) as reasons
        from customers c
        left join customer_value v on v.workspace_id = c.workspace_id and v.customer_id = c.id
        left join customer_scores s on s.workspace_id = c.workspace_id and s.customer_id = c.id
        left join service_risk sr on sr.customer_id = c.id
        where c.workspace_id = ${workspaceId} and c.id = ${customerId}`,
  );
  if (!row) throw notFound('The customer');
  const purchase = purchaseRisk(
    { x: row.x ?? 0, tx: row.tx ?? 0, silence: row.silence, pAlive: row.p_alive },
    settings.riskWeights,
    medianGap,
  );
  const risk = riskScore(purchase.points, Number(row.service_points));
  return present({
    ...row,
    risk,
    overdue_points: purchase.overduePoints,
    gap_days: purchase.gapDays,
    low_p_alive_points: purchase.lowPAlivePoints,
    value_at_risk: row.clv === null ? null : (row.clv * risk) / 100,
    has_purchases: row.x !== null,
  });
}
