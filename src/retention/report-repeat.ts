// Repeat and loyal customers (K9): how many first-time buyers come back, by acquisition
// month; how long the second purchase takes; and the loyal segment. Today the loyal segment
// is the repeat buyers; promoters and referrers join it once Kept records survey scores and
// referrals (the list then filters on those too).
import { sql } from 'drizzle-orm';
import type { LoyalListResponse, RepeatResponse } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';

/** Upper bounds (days) of the "days to the second purchase" buckets; the last is open. */
export const SECOND_PURCHASE_BUCKETS = [7, 30, 60, 90, 180, 365] as const;

export async function repeatReport(db: Db, workspaceId: string): Promise<RepeatResponse> {
  const byCohort = await queryRows<{
    cohort: string;
    customers: number;
    repeat: number;
    revenue: number;
    repeat_revenue: number;
  }>(
    db,
    sql`select to_char(first_day, 'YYYY-MM') as cohort, count(*)::int as customers, count(*) filter (where purchase_days > 1)::int as repeat,
          sum(revenue)::float8 as revenue, coalesce(sum(revenue) filter (where purchase_days > 1), 0)::float8 as repeat_revenue
        from customer_value where workspace_id = ${workspaceId} group by 1 order by 1`,
  );
  const buckets = await queryRows<{ b: number; customers: number }>(
    db,
    sql`select width_bucket(second_day - first_day, ${sql.param([...SECOND_PURCHASE_BUCKETS].map((d) => d + 1))}::int[]) as b, count(*)::int as customers
        from customer_value where workspace_id = ${workspaceId} and second_day is not null group by 1 order by 1`,
  );
  const [median] = await queryRows<{ m: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by second_day - first_day) as m
        from customer_value where workspace_id = ${workspaceId} and second_day is not null`,
  );
  const customers = byCohort.reduce((s, c) => s + c.customers, 0);
  const repeat = byCohort.reduce((s, c) => s + c.repeat, 0);
  const revenue = byCohort.reduce((s, c) => s + c.revenue, 0);
  const repeatRevenue = byCohort.reduce((s, c) => s + c.repeat_revenue, 0);
  const counts = new Map(buckets.map((b) => [b.b, b.customers]));
  return {
    customers,
    repeatCustomers: repeat,
    repeatRate: customers ? repeat / customers : 0,
    byCohort: byCohort.map((c) => ({
      cohort: c.cohort,
      customers: c.customers,
      repeat: c.repeat,
      rate: c.customers ? c.repeat / c.customers : 0,
    })),
    daysToSecond: {
      median: median?.m ?? null,
      buckets: [...SECOND_PURCHASE_BUCKETS, null].map((upTo, i) => ({ upTo, customers: counts.get(i) ?? 0 })),
    },
    loyal: { customers: repeat, revenueShare: revenue ? repeatRevenue / revenue : 0 },
  };
}

/** The loyal segment, most valuable first (by revenue so far), for agents to look after. */
export async function listLoyalCustomers(
  db: Db,
  workspaceId: string,
  limit: number,
  offset: number,
): Promise<LoyalListResponse> {
  const [total] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from customer_value where workspace_id = ${workspaceId} and purchase_days > 1`,
  );
  const rows = await queryRows<{
    customer_id: string;
    name: string;
    email: string | null;
    purchase_days: number;
    revenue: string;
    first_day: string;
    last_day: string;
    clv: number | null;
  }>(
    db,
    sql`select v.customer_id, c.name, c.email, v.purchase_days, v.revenue, v.first_day::text as first_day, v.last_day::text as last_day, s.clv
        from customer_value v join customers c on c.id = v.customer_id
        left join customer_scores s on s.workspace_id = v.workspace_id and s.customer_id = v.customer_id
        where v.workspace_id = ${workspaceId} and v.purchase_days > 1
        order by v.revenue desc, v.customer_id limit ${limit} offset ${offset}`,
  );
  return {
    total: total?.n ?? 0,
    customers: rows.map((r) => ({
      customerId: r.customer_id,
      name: r.name,
      email: r.email,
      purchaseDays: r.purchase_days,
      revenue: Number(r.revenue),
      firstDay: r.first_day,
      lastDay: r.last_day,
      clv: r.clv,
    })),
  };
}
