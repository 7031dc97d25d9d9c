// The service half of churn risk (K14) in SQL, where cases and promises live; the purchase
// half is purchase-risk.ts. Each factor is worth up to its weight (retention-settings.ts):
//   openComplaint   any complaint case not resolved or closed
//   brokenPromises  broken promises in the last 365 days / 2, capped at 1
//   serviceHell     a case flagged by the service-hell detector in the last 365 days
//   lowSurvey       0 until Kept has surveys (the weight is kept so the setting exists)
// Only customers with at least one of these get a row: a few among a million buyers, so the
// nightly refresh joins them instead of building reasons for everyone.
import { sql, type SQL } from 'drizzle-orm';
import type { RetentionSettings } from './retention-settings.ts';

/**
 * CTEs `facts`, `broken` and `service_risk` (customer_id, points float8, reasons jsonb: the
 * factors worth at least one point, with the facts behind them; describe-risk.ts words them).
 */
export function serviceRiskSql(
  workspaceId: string,
  yearAgo: Date,
  settings: RetentionSettings,
  customerId?: string,
): SQL {
  const one = customerId ? sql`and customer_id = ${customerId}` : sql``;
  const w = settings.riskWeights;
  return sql`
    facts as (
      select customer_id,
        count(*) filter (where is_complaint and status not in ('resolved', 'closed'))::int as open_complaints,
        min(number) filter (where is_complaint and status not in ('resolved', 'closed')) as complaint_no,
        min(number) filter (where hell_flagged_at > ${yearAgo.toISOString()}) as hell_no
      from cases where workspace_id = ${workspaceId} ${one} group by customer_id),
    broken as (
      select customer_id, count(*)::int as n from promises
      where workspace_id = ${workspaceId} and status = 'broken' and coalesce(resolved_at, due_at) > ${yearAgo.toISOString()} ${one}
      group by customer_id),
    service_risk as (
      select customer_id, c_pts + b_pts + h_pts as points,
        to_jsonb(array_remove(array[
          case when c_pts >= 1 then jsonb_build_object('code', 'open_complaint', 'points', round(c_pts)::int, 'count', open_complaints, 'reference', 'K-' || complaint_no) end,
          case when b_pts >= 1 then jsonb_build_object('code', 'broken_promises', 'points', round(b_pts)::int, 'count', broken) end,
          case when h_pts >= 1 then jsonb_build_object('code', 'service_hell', 'points', round(h_pts)::int, 'reference', 'K-' || hell_no) end
        ], null)) as reasons
      from (
        select coalesce(f.customer_id, br.customer_id) as customer_id, coalesce(f.open_complaints, 0) as open_complaints,
          f.complaint_no, f.hell_no, coalesce(br.n, 0) as broken,
          case when coalesce(f.open_complaints, 0) > 0 then ${w.openComplaint}::float8 else 0 end as c_pts,
          ${w.brokenPromises}::float8 * least(1, coalesce(br.n, 0) / 2.0) as b_pts,
          case when f.hell_no is not null then ${w.serviceHell}::float8 else 0 end as h_pts
        from facts f full join broken br on br.customer_id = f.customer_id
      ) s
      where c_pts + b_pts + h_pts > 0)`;
}
