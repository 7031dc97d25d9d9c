// The per-customer purchase summary, rebuilt for the customers an import touched (or for
// everyone): the buy-till-you-die summary on a UTC day grid (x = purchase days − 1,
// t_x = last − first day, T = as-of − first day), revenue, the acquisition day, channel and
// product, and the months with a purchase. Grouping happens in the database, so 10,000,000
// purchases never travel to Node.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';
import { inCustomerRange, type CustomerIdRange } from './customer-id-ranges.ts';

/**
 * 'all' rebuilds the workspace (or the customers whose id falls in [from, to), so that parts
 * can be rebuilt side by side); 'import_map' the customers in that temporary table.
 */
export type RefreshScope = 'all' | CustomerIdRange | 'import_map';

function inScope(scope: RefreshScope, column: SQL): SQL {
  if (scope === 'import_map')
    return sql`${column} in (select customer_id from import_map where customer_id is not null)`;
  return inCustomerRange(column, scope);
}

export async function refreshCustomerValue(
  tx: Db,
  workspaceId: string,
  scope: RefreshScope,
  options: { analyze?: boolean } = {},
): Promise<void> {
  // One pass over the purchases in the order of their (workspace, customer, time) index: the
  // first day comes from a window over each customer's rows (already sorted, so no sort), and
  // one group per customer gives the rest. Earlier this went through a (customer, day)
  // temporary table and a row per (customer, month): 200 s at 10,000,000 purchases, against
  // ~30 s for this.
  //
  // Upsert, and only where something changed: a rebuild of an unchanged summary then writes
  // nothing, and a changed row is updated rather than deleted and re-inserted (a delete followed
  // by an insert of the same key makes every uniqueness check visit the dead row: 2× slower).
  // The statement also counts the customers it aggregated (the buyers in scope): the leftover
  // check below needs that number, and counting them again from the purchases' index took
  // 1.0–2.6 s per part. The CTE is read twice, so it is materialized (in the aggregate's
  // order, customer id: the insert still goes in key order).
  const hidden = await pendingImports(tx, workspaceId);
  const [upserted] = await queryRows<{ buyers: number }>(
    tx,
    sql`
    with summary as materialized (
      select customer_id, min(day) as first_day, min(day) filter (where day > first_day) as second_day, max(day) as last_day,
        count(distinct day)::int as purchase_days, count(*)::int as orders, sum(amount) as revenue,
        coalesce(sum(amount) filter (where day > first_day), 0) as repeat_revenue,
        min(channel) filter (where day = first_day) as acquisition_channel, min(product) filter (where day = first_day) as acquisition_product,
        -- date_trunc of a timestamp, not of the date (cast to timestamptz): no time-zone
        -- arithmetic per purchase, 10% of the aggregate
        array_agg(distinct date_trunc('month', day::timestamp)::date) as months
      from (
        select customer_id, (occurred_at at time zone 'UTC')::date as day, amount, channel, product,
          min((occurred_at at time zone 'UTC')::date) over (partition by customer_id) as first_day
        from purchases
        where workspace_id = ${workspaceId} and ${inScope(scope, sql`customer_id`)} ${hidden}
      ) p
      group by customer_id),
    upsert as (
      insert into customer_value as v (workspace_id, customer_id, first_day, second_day, last_day, purchase_days, orders, revenue,
        repeat_revenue, acquisition_channel, acquisition_product, months)
      select ${workspaceId}::uuid, customer_id, first_day, second_day, last_day, purchase_days, orders, revenue, repeat_revenue,
        acquisition_channel, acquisition_product, months
      from summary
      on conflict (workspace_id, customer_id) do update set
        first_day = excluded.first_day, second_day = excluded.second_day, last_day = excluded.last_day,
        purchase_days = excluded.purchase_days, orders = excluded.orders, revenue = excluded.revenue,
        repeat_revenue = excluded.repeat_revenue, acquisition_channel = excluded.acquisition_channel,
        acquisition_product = excluded.acquisition_product, months = excluded.months
      where (v.first_day, v.second_day, v.last_day, v.purchase_days, v.orders, v.revenue, v.repeat_revenue,
          v.acquisition_channel, v.acquisition_product, v.months)
        is distinct from (excluded.first_day, excluded.second_day, excluded.last_day, excluded.purchase_days, excluded.orders,
          excluded.revenue, excluded.repeat_revenue, excluded.acquisition_channel, excluded.acquisition_product, excluded.months))
    select count(*)::int as buyers from summary`,
  );
  // Customers in scope who no longer have a purchase (purchases deleted with their customer).
  if (scope === 'import_map' || (await mayHaveLeftovers(tx, workspaceId, scope, Number(upserted?.buyers ?? 0)))) {
    await tx.execute(sql`
      delete from customer_value v where v.workspace_id = ${workspaceId} and ${inScope(scope, sql`v.customer_id`)}
        and not exists (select 1 from purchases p where p.workspace_id = v.workspace_id and p.customer_id = v.customer_id)`);
  }
  // The rollups and the scoring read this table next, in this transaction or right after:
  // without fresh statistics a bulk rebuild is planned as an empty table (nested loops over
  // 1,000,000 rows). ANALYZE samples a bounded number of rows, so it stays cheap. Parts rebuilt
  // side by side leave it to their caller: ANALYZE of one table waits for another's to commit.
  if (options.analyze !== false) await tx.execute(sql`analyze customer_value`);
}

/**
 * Whether a full rebuild may have left summaries of customers without purchases. After the
 * upsert every customer with a purchase in scope has a summary (an import writes both in one
 * transaction), so when there are as many summaries in scope as the upsert aggregated buyers
 * there is nothing to delete. Counting the summaries takes about 0.4 s per 500,000; the
 * delete's anti-join probes the purchases once per summary, 4.5–5.7 s for 1,000,000.
 */
async function mayHaveLeftovers(
  tx: Db,
  workspaceId: string,
  scope: 'all' | CustomerIdRange,
  buyers: number,
): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from customer_value where workspace_id = ${workspaceId} and ${inScope(scope, sql`customer_id`)}`,
  );
  return Number(row?.n ?? 0) !== buyers;
}

/**
 * The purchases of imports still being applied in committed chunks on the embedded store
 * (import-chunks.ts; their upload holds `purchases_after` until the last transaction): left out,
 * so no summary, report or risk shows half an import. Nothing to leave out, no condition: the
 * full rebuild's plan is unchanged.
 */
async function pendingImports(tx: Db, workspaceId: string): Promise<SQL> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select import_id as id from import_uploads where workspace_id = ${workspaceId} and purchases_after is not null`,
  );
  if (rows.length === 0) return sql``;
  const ids = sql.join(
    rows.map((r) => sql`${r.id}::uuid`),
    sql`, `,
  );
  return sql`and (import_id is null or import_id not in (${ids}))`;
}
