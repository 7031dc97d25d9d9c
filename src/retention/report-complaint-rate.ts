// Complaint rate (K12): complaints per 1,000 active customers, never raw counts alone.
// Active in a month = bought in the trailing 12 months (that month and the 11 before it), or
// had a case that month: someone who only ever wrote in is still a customer we serve. The
// purchase side comes from the rollup of trailing-12-month spans (refresh-rollups.ts), the
// case side from the case tally (src/db/schema-case-tally.ts, kept by triggers on cases).
// Breakdowns cover the last 12 months: complaints in that year per 1,000 customers active in
// it, by acquisition channel, by acquisition product (the first thing they bought) and by the
// channel the complaint came in on.
import { sql } from 'drizzle-orm';
import type { ComplaintRateResponse } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { CASE_STATUSES } from '../kernel/domain-words.ts';
import { customersWithCaseSince, tallyMonths } from './case-tally.ts';
import { loadRollup } from './refresh-rollups.ts';
import { monthFromIndex, monthIndex, monthRange } from './retention-dates.ts';

export function per1000(complaints: number, active: number): number | null {
  return active > 0 ? (1000 * complaints) / active : null;
}

/** Purchase-active customers per month from +1/−1 span events, for the months asked. */
export function activeByMonth(
  events: ReadonlyArray<{ month: string; delta: number }>,
  months: readonly string[],
): Map<string, number> {
  const out = new Map<string, number>();
  let running = 0;
  let e = 0;
  const sorted = [...events].sort((a, b) => a.month.localeCompare(b.month));
  for (const month of months) {
    while (e < sorted.length && sorted[e]!.month <= month) running += sorted[e++]!.delta;
    out.set(month, running);
  }
  return out;
}

export async function complaintRateReport(
  db: Db,
  workspaceId: string,
  now: Date,
  monthsBack = 24,
): Promise<ComplaintRateResponse> {
  const current = now.toISOString().slice(0, 7);
  const months = monthRange(monthFromIndex(monthIndex(current) - (monthsBack - 1)), current);
  const from = `${months[0]}-01`;
  const rollup = await loadRollup<{ events: Array<{ month: string; delta: number }> }>(
    db,
    workspaceId,
    'active-months',
  );
  const buyers = activeByMonth(rollup?.data.events ?? [], months);
  // The series from the case tally (src/db/schema-case-tally.ts): 24 rows instead of every case
  // (issue 15: 9.5 s at 1,100,000 cases). A customer with a case in a month is case-only unless
  // they bought in the 12 months up to it; the buyers are the only ones looked up, through
  // customer_value (their months with a case from the tally's per-customer rows).
  const tally = await tallyMonths(db, workspaceId, months[0]!);
  const bought = await queryRows<{ month: string; n: number }>(
    db,
    sql`select to_char(t.month, 'YYYY-MM') as month, count(*)::int as n
        from customer_value v join case_tally t on t.workspace_id = v.workspace_id and t.customer_id = v.customer_id
        where v.workspace_id = ${workspaceId} and t.month >= ${from}::date
          and exists (select 1 from unnest(v.months) as cm(month)
            where cm.month between (t.month - interval '11 months')::date and t.month)
        group by t.month`,
  );
  const boughtByMonth = new Map(bought.map((r) => [r.month, r.n]));
  const caseMonths = tally.map((t) => ({
    month: t.month,
    complaints: t.complaints,
    case_only: t.customers - (boughtByMonth.get(t.month) ?? 0),
  }));
  const byMonth = new Map(caseMonths.map((r) => [r.month, r]));
  const series = months.map((month) => {
    const c = byMonth.get(month);
    const active = (buyers.get(month) ?? 0) + (c?.case_only ?? 0);
    const complaints = c?.complaints ?? 0;
    return { month, complaints, active, per1000: per1000(complaints, active) };
  });

  const { active, complaints } = await yearCounts(db, workspaceId, now);
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
async function yearCounts(db: Db, workspaceId: string, now: Date) {
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
  // The year's complaints per segment, read from the complaints alone (their partial index), with the
  // channel they came in on.
  const complaintSegments = await queryRows<{ dim: string; key: string; n: number }>(
    db,
    sql`with k as (
          select c.channel, coalesce(v.acquisition_channel, '') as ch, coalesce(v.acquisition_product, '') as pr
          from cases c left join customer_value v on v.workspace_id = c.workspace_id and v.customer_id = c.customer_id
          where c.workspace_id = ${workspaceId} and c.is_complaint and c.created_at >= ${yearAgo.toISOString()}
        )
        select case when grouping(ch) = 0 then 'acquisitionChannel' when grouping(pr) = 0 then 'product'
            when grouping(channel) = 0 then 'caseChannel' else 'all' end as dim,
          coalesce(case when grouping(ch) = 0 then ch when grouping(pr) = 0 then pr else channel end, '') as key,
          count(*)::int as n
        from k group by grouping sets ((ch), (pr), (channel), ())`,
  );
  // The customers who only wrote in (a case in the year, no purchase in it) join the denominators.
  // Everyone with a case counts from the case tally; the buyers among them are looked up one by one
  // (customer_value, then their cases' index): bought in the year, they are active already; if not,
  // they count under their own acquisition channel and product rather than under none.
  const withCase = await customersWithCaseSince(db, workspaceId, yearAgo, CASE_STATUSES);
  const buyersWithCases = await queryRows<{ dim: string; key: string; with_case: number; case_only: number }>(
    db,
    sql`with b as (
          select coalesce(v.acquisition_channel, '') as ch, coalesce(v.acquisition_product, '') as pr,
            v.last_day >= ${yearAgoDay}::date as bought
          from customer_value v where v.workspace_id = ${workspaceId} and exists (select 1 from cases c
            where c.customer_id = v.customer_id and c.workspace_id = v.workspace_id
              and c.created_at >= ${yearAgo.toISOString()})
        )
        select case when grouping(ch) = 0 then 'acquisitionChannel' when grouping(pr) = 0 then 'product'
            else 'all' end as dim,
          coalesce(case when grouping(ch) = 0 then ch when grouping(pr) = 0 then pr end, '') as key,
          count(*)::int as with_case, count(*) filter (where not bought)::int as case_only
        from b group by grouping sets ((ch), (pr), ())`,
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
  const buyersWithCase = buyersWithCases.find((s) => s.dim === 'all')?.with_case ?? 0;
  // Customers with a case and no purchase ever: under no acquisition channel or product ('').
  const neverBought = withCase - buyersWithCase;
  active.all += neverBought;
  bump(active.acquisitionChannel, '', neverBought);
  bump(active.product, '', neverBought);
  for (const s of buyersWithCases) {
    if (s.dim === 'all') active.all += s.case_only;
    else bump(s.dim === 'acquisitionChannel' ? active.acquisitionChannel : active.product, s.key, s.case_only);
  }
  for (const s of complaintSegments) {
    if (s.dim === 'all') complaints.all += s.n;
    else bump(complaints[s.dim as 'acquisitionChannel' | 'product' | 'caseChannel'], s.key, s.n);
  }
  return { active, complaints };
}

/** The year's overall rate alone (the complaints report): without the monthly series' scan of every case. */
export async function complaintYearOverall(
  db: Db,
  workspaceId: string,
  now: Date,
): Promise<ComplaintRateResponse['overall']> {
  const { active, complaints } = await yearCounts(db, workspaceId, now);
  return { complaints: complaints.all, active: active.all, per1000: per1000(complaints.all, active.all) };
}
