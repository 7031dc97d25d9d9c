// The import's steps after staging, as SQL over the staged rows (temporary table import_stage):
// customers matched or created (import_map), locked, and the purchases inserted. Run in the
// import's one transaction, or on the embedded store once per chunk of customers (import-chunks.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import type { ImportReport } from './import-types.ts';

async function count(tx: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [r] = await queryRows<{ n: number }>(tx, query);
  return Number(r?.n ?? 0);
}

export async function writePurchases(
  tx: Db,
  workspaceId: string,
  importId: string,
  report: ImportReport,
  step: (name: string) => void,
): Promise<void> {
  // One row per customer key in the file; the first name written for it wins.
  await tx.execute(sql`
    create temp table import_map on commit drop as
    select key_kind, key, min(name) as name, null::uuid as customer_id, false as created
    from import_stage group by key_kind, key`);
  await tx.execute(sql`analyze import_map`);
  const keys = await count(tx, sql`select count(*)::int as n from import_map`);
  await matchCustomers(tx, workspaceId);
  // The keys no customer has yet, created in one statement that also notes their ids. One that
  // another transaction created meanwhile is skipped by ON CONFLICT and matched just after.
  report.customersCreated = await count(
    tx,
    sql`
    with ins as (
      insert into customers (workspace_id, name, external_id, email)
      select ${workspaceId}, coalesce(m.name, m.key), case when m.key_kind = 'external' then m.key end,
        case when m.key_kind = 'email' then m.key end
      from import_map m where m.customer_id is null
      on conflict do nothing returning id, external_id, email),
    noted as (
      update import_map m set customer_id = ins.id, created = true from ins
      where m.customer_id is null and m.key = coalesce(ins.external_id, ins.email)
        and m.key_kind = case when ins.external_id is null then 'email' else 'external' end
      returning 1)
    select count(*)::int as n from noted`,
  );
  report.customersMatched = keys - report.customersCreated;
  if (report.customersCreated < keys) await matchCustomers(tx, workspaceId);
  await tx.execute(sql`analyze import_map`);
  step('customers (match, create)');
  // Lock the customers written to as a foreign key would (none is declared: it cost 35% of the
  // insert), so a customer cannot be deleted under the purchases being added. Those this
  // transaction created are invisible to others until it commits: locking them only wrote every
  // new customer's row a second time.
  await tx.execute(sql`
    with locked as (
      select 1 from customers c where c.workspace_id = ${workspaceId}
        and c.id in (select customer_id from import_map where not created) for key share of c)
    select count(*) from locked`);
  // A plain insert first: ON CONFLICT checks every row speculatively (27% of the insert). A file
  // that repeats an order id, or a re-import, breaks the unique key; then the savepoint is
  // rolled back and the rows go in again, skipping those already there.
  let inserted: number;
  try {
    inserted = await (tx.transaction(async (sp) =>
      insertPurchases(sp as unknown as Db, workspaceId, importId, false),
    ) as Promise<number>);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    inserted = await insertPurchases(tx, workspaceId, importId, true);
  }
  step('purchases (insert, dedup)');
  report.imported = inserted;
  report.duplicates = Math.max(0, report.purchasesInFile - report.imported);
}

/** Notes the id of the workspace's customer for each key not yet matched: by external id or by e-mail. */
async function matchCustomers(tx: Db, workspaceId: string): Promise<void> {
  // One statement over both kinds of key; each branch probes its own unique index when the file
  // has few keys, or is scanned once when it has many.
  await tx.execute(sql`
    update import_map m set customer_id = c.id from (
      select 'external' as kind, external_id as key, id from customers
      where workspace_id = ${workspaceId} and external_id is not null
      union all
      select 'email', email, id from customers where workspace_id = ${workspaceId} and email is not null) c
    where m.customer_id is null and m.key_kind = c.kind and m.key = c.key`);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

async function insertPurchases(tx: Db, workspaceId: string, importId: string, skipExisting: boolean): Promise<number> {
  const onConflict = skipExisting ? sql`on conflict (workspace_id, row_hash) do nothing` : sql``;
  const withOrder = await count(
    tx,
    sql`
    with ins as (
      insert into purchases (workspace_id, customer_id, order_id, occurred_at, amount, product, channel, row_hash, import_id)
      select ${workspaceId}, m.customer_id, s.order_id, s.occurred_at, s.amount, s.product, s.channel, 'o:' || s.order_id, ${importId}
      from import_stage s join import_map m on m.key_kind = s.key_kind and m.key = s.key
      where s.order_id is not null
      -- In the order of the (workspace, customer, time) index: a customer's purchases go into one
      -- leaf page together rather than one random page each
      order by m.customer_id, s.occurred_at
      ${onConflict} returning 1)
    select count(*)::int as n from ins`,
  );
  // Without an order id a purchase is identified by its content and its occurrence among
  // identical rows, so two identical purchases on one day stay two, and a re-import adds none.
  const withoutOrder = await count(
    tx,
    sql`
    with ins as (
      insert into purchases (workspace_id, customer_id, order_id, occurred_at, amount, product, channel, row_hash, import_id)
      select ${workspaceId}, m.customer_id, null, s.occurred_at, s.amount, s.product, s.channel,
        'h:' || md5(s.key_kind || ':' || s.key || '|' || extract(epoch from s.occurred_at)::text || '|' || s.amount::text || '|' ||
          coalesce(s.product, '') || '|' || coalesce(s.channel, ''))
          || ':' || row_number() over (partition by s.key_kind, s.key, s.occurred_at, s.amount, s.product, s.channel order by s.line),
        ${importId}
      from import_stage s join import_map m on m.key_kind = s.key_kind and m.key = s.key
      where s.order_id is null
      ${onConflict} returning 1)
    select count(*)::int as n from ins`,
  );
  return withOrder + withoutOrder;
}
