// The complaint rate as it was computed before the case tally (src/db/schema-case-tally.ts): every
// case of the period read and grouped per customer. Kept for tests only, as the reference the tally's
// figures must equal (tests/integration/case-tally.test.ts).
import { sql } from 'drizzle-orm';
import type { ComplaintRateResponse } from '../../../src/contract/retention-types.ts';
import type { Db } from '../../../src/db/open-database.ts';
import { queryRows } from '../../../src/db/open-database.ts';
import { activeByMonth, per1000 } from '../../../src/retention/report-complaint-rate.ts';
import { loadRollup } from '../../../src/retention/refresh-rollups.ts';
import { monthFromIndex, monthIndex, monthRange } from '../../../src/retention/retention-dates.ts';

export async function formerComplaintRate(
  db: Db,
  workspaceId: string,
  now: Date,
  monthsBack = 24,
): Promise<ComplaintRateResponse> {
  const current = now.toISOString().slice(0, 7);
  const months = monthRange(monthFromIndex(monthIndex(current) - (monthsBack - 1)), current);
  const from = `${months[0]}-01T00:00:00Z`;
  const rollup = await loadRollup<{ events: Array<{ month: string; delta: number }> }>(
    db,
    workspaceId,
    'active-months',
  );
  const buyers = activeByMonth(rollup?.data.events ?? [], months);
  const caseMonths = await queryRows<{ month: string; complaints: number; case_only: number }>(
    db,
    // Per (month, customer) first: whether they bought in the 12 months before is asked once per
    // customer and month, not per case, and no distinct count is needed.
    sql`select to_char(m, 'YYYY-MM') as month, coalesce(sum(n), 0)::int as complaints,
          count(*) filter (where not exists (select 1 from customer_value v, unnest(v.months) as cm(month)
            where v.workspace_id = ${workspaceId} and v.customer_id = g.customer_id
              and cm.month between (m - interval '11 months')::date and m))::int as case_only
        from (
          select c.customer_id, date_trunc('month', c.created_at at time zone 'UTC')::date as m,
            count(*) filter (where c.is_complaint) as n
          from cases c where c.workspace_id = ${workspaceId} and c.created_at >= ${from}
          group by 1, 2
        ) g group by m`,
  );
  const byMonth = new Map(caseMonths.map((r) => [r.month, r]));
  const series = months.map((month) => {
    const c = byMonth.get(month);
    const active = (buyers.get(month) ?? 0) + (c?.case_only ?? 0);
    const complaints = c?.complaints ?? 0;
    return { month, complaints, active, per1000: per1000(complaints, active) };
  });

  const { active, complaints } = await formerYearCounts(db, workspaceId, now);
  const rows = (counts: Map<string, number>, denominators: Map<string, number> | null) => {
    const keys = new Set([...counts.keys(), ...(denominators?.keys() ?? [])]);
    return [...keys]
      .map((key) => {
        const n = counts.get(key) ?? 0;
        const a = denominators ? (denominators.get(key) ?? 0) : active.all;
        return { key, complaints: n, active: a, per1000: per1000(n, a) };
      })
      .sort((a, b) => (b.per1000 ?? -1) - (a.per1000 ?? -1) || a.key.localeCompare(b.key));
  };
  return {
    months: series,
    overall: { complaints: complaints.all, active: active.all, per1000: per1000(complaints.all, active.all) },
    breakdowns: {
      acquisitionChannel: rows(complaints.acquisitionChannel, active.acquisitionChannel),
      product: rows(complaints.product, active.product).slice(0, 50),
      // Every active customer could have written on any channel: the denominator is everyone.
      caseChannel: rows(complaints.caseChannel, null),
    },
  };
}

/** The last 12 months as one period: complaints and active customers, overall and per segment. */
export async function formerYearCounts(db: Db, workspaceId: string, now: Date) {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const yearAgoDay = yearAgo.toISOString().slice(0, 10);
  const buyerSegments = await queryRows<{ dim: string; key: string; active: number }>(
    db,
    sql`select case when grouping(acquisition_channel) = 0 then 'acquisitionChannel' when grouping(acquisition_product) = 0 then 'product' else 'all' end as dim,
          coalesce(case when grouping(acquisition_channel) = 0 then acquisition_channel else acquisition_product end, '') as key,
          count(*)::int as active
        from customer_value where workspace_id = ${workspaceId} and last_day >= ${yearAgoDay}::date
        group by grouping sets ((acquisition_channel), (acquisition_product), ())`,
  );
  // The year's cases counted per segment by PostgreSQL (issue 15): complaints, and the customers
  // who only wrote in (no purchase in the year) added to the denominators. A few dozen rows come
  // back instead of every case of the year (~500,000 at 1M cases, 8–12 s through Node). Per
  // customer first (their segment and purchases are theirs, not the case's): no distinct count.
  // The channel the complaints came in on is the case's, read from the complaints alone.
  const caseSegments = await queryRows<{ dim: string; key: string; complaints: number; case_only: number }>(
    db,
    sql`with pc as (
          select c.customer_id, count(*) filter (where c.is_complaint) as n,
            bool_or(v.last_day is not null and v.last_day >= ${yearAgoDay}::date) as bought,
            coalesce(min(v.acquisition_channel), '') as ch, coalesce(min(v.acquisition_product), '') as pr
          from cases c left join customer_value v on v.workspace_id = c.workspace_id and v.customer_id = c.customer_id
          where c.workspace_id = ${workspaceId} and c.created_at >= ${yearAgo.toISOString()}
          group by c.customer_id
        )
        select case when grouping(ch) = 0 then 'acquisitionChannel' when grouping(pr) = 0 then 'product'
            else 'all' end as dim,
          coalesce(case when grouping(ch) = 0 then ch when grouping(pr) = 0 then pr end, '') as key,
          coalesce(sum(n), 0)::int as complaints, count(*) filter (where not bought)::int as case_only
        from pc group by grouping sets ((ch), (pr), ())
        union all
        select 'caseChannel', channel, count(*)::int, 0 from cases
        where workspace_id = ${workspaceId} and is_complaint and created_at >= ${yearAgo.toISOString()}
        group by channel`,
  );
  const active = { all: 0, acquisitionChannel: new Map<string, number>(), product: new Map<string, number>() };
  for (const s of buyerSegments) {
    if (s.dim === 'all') active.all += s.active;
    else (s.dim === 'acquisitionChannel' ? active.acquisitionChannel : active.product).set(s.key, s.active);
  }
  const complaints = {
    all: 0,
    acquisitionChannel: new Map<string, number>(),
    product: new Map<string, number>(),
    caseChannel: new Map<string, number>(),
  };
  // Only non-zero counts become keys, as when the cases were walked one by one.
  const bump = (m: Map<string, number>, k: string, by: number) => by > 0 && m.set(k, (m.get(k) ?? 0) + by);
  for (const s of caseSegments) {
    const n = Number(s.complaints);
    const caseOnly = Number(s.case_only);
    if (s.dim === 'all') {
      complaints.all += n;
      active.all += caseOnly;
    } else if (s.dim === 'caseChannel') bump(complaints.caseChannel, s.key, n);
    else {
      const dim = s.dim === 'acquisitionChannel' ? 'acquisitionChannel' : 'product';
      bump(complaints[dim], s.key, n);
      bump(active[dim], s.key, caseOnly);
    }
  }
  return { active, complaints };
}
