// Churn risk (K14) in SQL, so 1,000,000 customers are scored where their data lives. The
// score is a sum of points, each factor worth up to its weight (retention-settings.ts):
//   overdue         silence / own typical gap − 1, halved, capped at 1 (full points at 3× the gap)
//   lowPAlive       1 − P(alive) from the purchase model
//   openComplaint   any complaint case not resolved or closed
//   brokenPromises  broken promises in the last 365 days / 2, capped at 1
//   serviceHell     a case flagged by the service-hell detector in the last 365 days
//   lowSurvey       0 until Kept has surveys (the weight is kept so the setting exists)
// capped at 100. Reasons are the factors worth at least one point, with the facts behind them
// (describe-risk.ts puts them into words). The same expressions serve the nightly refresh
// and the live view of one customer.
import { sql, type SQL } from 'drizzle-orm';
import type { RetentionSettings } from './retention-settings.ts';

export interface RiskBaseColumns {
  /** a relation with customer_id, x, tx, silence (days since last purchase, null without purchases), p_alive (null if unknown) */
  from: SQL;
}

/** Per-customer service facts from cases and promises (small tables next to purchases). */
export function serviceFactsSql(workspaceId: string, yearAgo: Date, customerId?: string): SQL {
  const one = customerId ? sql`and customer_id = ${customerId}` : sql``;
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
      group by customer_id)`;
}

/**
 * Selects customer_id, risk, reasons (jsonb) and the base's other columns from `base`
 * joined to the facts CTEs. `medianGap` is the typical gap (days) for one-time buyers.
 */
export function riskSelectSql(base: SQL, settings: RetentionSettings, medianGap: number): SQL {
  const w = settings.riskWeights;
  return sql`
    select p.*, least(100, round(p.o_pts + p.a_pts + p.c_pts + p.b_pts + p.h_pts))::int as risk,
      to_jsonb(array_remove(array[
        case when p.o_pts >= 1 then jsonb_build_object('code', 'overdue', 'points', round(p.o_pts)::int, 'days', p.silence, 'gapDays', round(p.gap)::int) end,
        case when p.a_pts >= 1 and p.p_alive < 0.5 then jsonb_build_object('code', 'low_p_alive', 'points', round(p.a_pts)::int, 'pAlive', round(p.p_alive::numeric, 3)) end,
        case when p.c_pts >= 1 then jsonb_build_object('code', 'open_complaint', 'points', round(p.c_pts)::int, 'count', p.open_complaints, 'reference', 'K-' || p.complaint_no) end,
        case when p.b_pts >= 1 then jsonb_build_object('code', 'broken_promises', 'points', round(p.b_pts)::int, 'count', p.broken) end,
        case when p.h_pts >= 1 then jsonb_build_object('code', 'service_hell', 'points', round(p.h_pts)::int, 'reference', 'K-' || p.hell_no) end
      ], null)) as reasons
    from (
      select b.*, coalesce(f.open_complaints, 0) as open_complaints, f.complaint_no, f.hell_no, coalesce(br.n, 0) as broken,
        case when b.x > 0 then b.tx::float8 / b.x else ${medianGap}::float8 end as gap,
        case when b.silence is null then 0
          else ${w.overdue}::float8 * least(1, greatest(0, (b.silence / greatest(case when b.x > 0 then b.tx::float8 / b.x else ${medianGap}::float8 end, 1) - 1) / 2))
        end as o_pts,
        case when b.p_alive is null then 0 else ${w.lowPAlive}::float8 * (1 - b.p_alive) end as a_pts,
        case when coalesce(f.open_complaints, 0) > 0 then ${w.openComplaint}::float8 else 0 end as c_pts,
        ${w.brokenPromises}::float8 * least(1, coalesce(br.n, 0) / 2.0) as b_pts,
        case when f.hell_no is not null then ${w.serviceHell}::float8 else 0 end as h_pts
      from ${base} b
      left join facts f on f.customer_id = b.customer_id
      left join broken br on br.customer_id = b.customer_id
    ) p`;
}
