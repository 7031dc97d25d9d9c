// Dashboard figures that scan every purchasing customer are computed here, after an import
// and after scoring, and stored as small JSON documents (retention_rollups), so the
// dashboards answer in milliseconds at 1,000,000 customers instead of re-scanning.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { lorenzFromPercentiles } from './lorenz.ts';
import { loadRetentionSettings, type RetentionSettings } from './retention-settings.ts';
import { isoDay } from './retention-dates.ts';
import { medianGapDays } from './median-purchase-gap.ts';

export async function saveRollup(db: Db, workspaceId: string, name: string, data: unknown, now: Date): Promise<void> {
  await db.execute(sql`
    insert into retention_rollups (workspace_id, name, data, computed_at) values (${workspaceId}, ${name}, ${JSON.stringify(data)}::jsonb, ${now.toISOString()})
    on conflict (workspace_id, name) do update set data = excluded.data, computed_at = excluded.computed_at`);
}

export async function loadRollup<T>(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<{ data: T; computedAt: string } | null> {
  const [row] = await queryRows<{ data: T; computed_at: Date | string }>(
    db,
    sql`select data, computed_at from retention_rollups where workspace_id = ${workspaceId} and name = ${name}`,
  );
  if (!row) return null;
  return { data: row.data, computedAt: new Date(row.computed_at).toISOString() };
}

export interface CohortCells {
  /** cohort month (YYYY-MM) → its size */
  cohorts: Array<{ cohort: string; customers: number }>;
  cells: Array<{ cohort: string; offset: number; customers: number }>;
}

/** `earlyChurn: false` when a score refresh runs alongside: it refreshes early churn itself, from the new scores. */
export async function refreshRollups(
  db: Db,
  workspaceId: string,
  now: Date,
  options: { earlyChurn?: boolean } = {},
): Promise<void> {
  const settings = await loadRetentionSettings(db, workspaceId);
  // Each query first counts per small key (cohort month × purchase month, month × next
  // purchase month: a few hundred groups) over the unnested months, then does the date
  // arithmetic and formatting on those groups, not on 4,500,000 rows.
  const cells = await queryRows<{ cohort: string; offset: number; customers: number }>(
    db,
    sql`
      select to_char(c, 'YYYY-MM') as cohort,
        ((date_part('year', month) - date_part('year', c)) * 12 + date_part('month', month) - date_part('month', c))::int as "offset",
        n::int as customers
      from (
        select date_trunc('month', v.first_day)::date as c, m.month, count(*) as n
        from customer_value v, unnest(v.months) as m(month)
        where v.workspace_id = ${workspaceId}
        group by 1, 2) g
      order by 1, 2`,
  );
  const cohorts = cells.filter((c) => c.offset === 0).map((c) => ({ cohort: c.cohort, customers: c.customers }));
  await saveRollup(db, workspaceId, 'cohorts', { cohorts, cells } satisfies CohortCells, now);

  // One row per customer and year with a purchase: the year's last purchase month (the months
  // are sorted), which also tells whether the next purchase fell in the following year.
  const yearly = await queryRows<{ year: number; active: number; retained: number }>(
    db,
    sql`
      select yr as year, count(*)::int as active, count(*) filter (where next_yr = yr + 1)::int as retained
      from (
        select date_part('year', m.month)::int as yr, date_part('year', v.months[m.i + 1])::int as next_yr
        from customer_value v, unnest(v.months) with ordinality as m(month, i)
        where v.workspace_id = ${workspaceId}
          and (v.months[m.i + 1] is null or date_part('year', v.months[m.i + 1]) <> date_part('year', m.month))) y
      group by yr order by yr`,
  );
  await saveRollup(db, workspaceId, 'yearly', { years: yearly }, now);

  // Active (bought in the trailing 12 months) per month, from disjoint spans per customer:
  // each purchase month opens a span that ends 12 months later or at the next purchase month.
  const events = await queryRows<{ month: string; delta: number }>(
    db,
    sql`
      with p as (
        select m.month, v.months[m.i + 1] as nxt, count(*)::int as n
        from customer_value v, unnest(v.months) with ordinality as m(month, i)
        where v.workspace_id = ${workspaceId}
        group by 1, 2)
      select to_char(at, 'YYYY-MM') as month, sum(delta)::int as delta from (
        select month as at, n as delta from p
        union all
        select least((month + interval '12 months')::date, coalesce(nxt, 'infinity'::date)) as at, -n from p
      ) e where at <> 'infinity'::date group by at order by at`,
  );
  await saveRollup(db, workspaceId, 'active-months', { events }, now);

  // One ranking of the revenues gives the percentile sums and Σ rank × value (the Gini) at once.
  const buckets = await queryRows<{ pct: number; s: number; siv: number; n: number }>(
    db,
    sql`
      with total as (select count(*) as n from customer_value where workspace_id = ${workspaceId})
      select ceil(100.0 * i / total.n)::int as pct, sum(v)::float8 as s, sum(i * v)::float8 as siv, count(*)::int as n
      from (select revenue::float8 as v, row_number() over (order by revenue) as i from customer_value where workspace_id = ${workspaceId}) r, total
      group by 1`,
  );
  const totals = buckets.reduce((t, b) => ({ n: t.n + b.n, total: t.total + b.s, siv: t.siv + b.siv }), {
    n: 0,
    total: 0,
    siv: 0,
  });
  const sums = new Array<number>(100).fill(0);
  for (const b of buckets) sums[b.pct - 1] = b.s;
  await saveRollup(
    db,
    workspaceId,
    'revenue-lorenz',
    lorenzFromPercentiles(totals.n, totals.total, totals.siv, sums),
    now,
  );
  if (options.earlyChurn !== false) await refreshEarlyChurn(db, workspaceId, now, settings);
}

export interface EarlyChurnRow {
  /** 'all', a channel, or a cohort month */
  group: 'all' | 'channel' | 'cohort';
  key: string | null;
  customers: number;
  /** customers acquired at least 90 (365) days before the as-of date */
  eligible90: number;
  eligible365: number;
  lost90Gap: number;
  lost365Gap: number;
  lost90Model: number;
  lost365Model: number;
  scored: number;
}

/**
 * "Lost within 90 days / the first year": the customer is lost now (model: P(alive) below the
 * threshold; model-free: no purchase for k × their own typical gap, the workspace's median gap
 * for one-time buyers) and their last purchase came within 90 (365) days of their first.
 * Only customers acquired at least 90 (365) days ago count, so young cohorts do not dilute it.
 */
export async function refreshEarlyChurn(
  db: Db,
  workspaceId: string,
  now: Date,
  settings: RetentionSettings,
  /** the median gap in days (30 without repeat buyers), when the caller has just computed it */
  medianGap?: number,
): Promise<void> {
  const asOf = isoDay(now);
  const gap = medianGap ?? (await medianGapDays(db, workspaceId)) ?? 30;
  const rows = await queryRows<Record<string, number | string | null>>(
    db,
    sql`
      with g as (select ${gap}::float8 as gap),
      c as (
        select coalesce(v.acquisition_channel, '') as ch, to_char(v.first_day, 'YYYY-MM') as cohort, v.first_day, v.last_day,
          (${asOf}::date - v.last_day) > ${settings.churnGapMultiple} *
            coalesce(case when v.purchase_days > 1 then (v.last_day - v.first_day)::float8 / (v.purchase_days - 1) end, g.gap) as gap_lost,
          coalesce(s.p_alive < ${settings.aliveThreshold}, false) as model_lost,
          s.p_alive is not null as scored
        from customer_value v cross join g
        left join customer_scores s on s.workspace_id = v.workspace_id and s.customer_id = v.customer_id
        where v.workspace_id = ${workspaceId})
      select grouping(ch)::int as gch, grouping(cohort)::int as gco, ch, cohort, count(*)::int as customers,
        count(*) filter (where first_day <= ${asOf}::date - 90)::int as e90,
        count(*) filter (where first_day <= ${asOf}::date - 365)::int as e365,
        count(*) filter (where first_day <= ${asOf}::date - 90 and gap_lost and last_day - first_day <= 90)::int as g90,
        count(*) filter (where first_day <= ${asOf}::date - 365 and gap_lost and last_day - first_day <= 365)::int as g365,
        count(*) filter (where first_day <= ${asOf}::date - 90 and model_lost and last_day - first_day <= 90)::int as m90,
        count(*) filter (where first_day <= ${asOf}::date - 365 and model_lost and last_day - first_day <= 365)::int as m365,
        count(*) filter (where scored)::int as scored
      from c group by grouping sets ((), (ch), (cohort))
      -- A fixed order (all, channels, cohorts): the plan's own order changes with the data and indexes.
      order by grouping(ch) + grouping(cohort) desc, grouping(ch), ch, cohort`,
  );
  const out: EarlyChurnRow[] = rows.map((r) => ({
    group: r['gch'] === 1 && r['gco'] === 1 ? 'all' : r['gch'] === 0 ? 'channel' : 'cohort',
    key: r['gch'] === 1 && r['gco'] === 1 ? null : r['gch'] === 0 ? (r['ch'] as string) : (r['cohort'] as string),
    customers: Number(r['customers']),
    eligible90: Number(r['e90']),
    eligible365: Number(r['e365']),
    lost90Gap: Number(r['g90']),
    lost365Gap: Number(r['g365']),
    lost90Model: Number(r['m90']),
    lost365Model: Number(r['m365']),
    scored: Number(r['scored']),
  }));
  await saveRollup(
    db,
    workspaceId,
    'early-churn',
    { asOf, gapMultiple: settings.churnGapMultiple, aliveThreshold: settings.aliveThreshold, rows: out },
    now,
  );
}
