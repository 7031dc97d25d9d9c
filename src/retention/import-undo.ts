// Undoing an import applied in committed chunks (import-chunks.ts) that did not finish: cancelled,
// failed, or stopped with its process (then undone when its job is retried at start-up). What it
// wrote is found by its id: its purchases carry it (above the purchase id noted on its upload
// before the first chunk), and the customers it created are listed in import_created_customers.
// Until this has run the purchases stay hidden from the summary (refresh-customer-value.ts), and
// the upload, which holds the mark, is kept.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';

const BATCH = 5_000;

/**
 * Lets the event loop serve requests between statements on the embedded store's one connection:
 * through its timers, then its I/O (a request read now queues its query before the import's next
 * one). setImmediate alone resumed before the timers' turn when called from one: a timer that fell
 * due during a transaction then waited for the next transaction too.
 */
export const letRequestsRun = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, query);
  return Number(row?.n ?? 0);
}

/** Deletes what the import applied, in bounded statements; a no-op for an import that applied nothing. */
export async function undoImport(db: Db, importId: string): Promise<void> {
  const [upload] = await queryRows<{ workspace_id: string; purchases_after: string | number | null }>(
    db,
    sql`select workspace_id, purchases_after from import_uploads where import_id = ${importId}`,
  );
  if (!upload || upload.purchases_after === null) return;
  const workspaceId = upload.workspace_id;
  const after = String(upload.purchases_after);
  while (
    (await count(
      db,
      sql`
      with gone as (
        delete from purchases where id in (
          select id from purchases where id > ${after}::bigint and workspace_id = ${workspaceId} and import_id = ${importId}
          order by id limit ${BATCH})
        returning 1)
      select count(*)::int as n from gone`,
    )) > 0
  ) {
    await letRequestsRun();
  }
  while ((await deleteCreatedCustomers(db, workspaceId, importId)) > 0) await letRequestsRun();
  await db.execute(sql`update import_uploads set purchases_after = null where import_id = ${importId}`);
}

/**
 * One batch of the customers the import created, deleted unless something holds them now (a
 * purchase of another import, or a case opened for one meanwhile: that customer is kept).
 */
async function deleteCreatedCustomers(db: Db, workspaceId: string, importId: string): Promise<number> {
  try {
    return await count(
      db,
      sql`
      with batch as (
        delete from import_created_customers where import_id = ${importId} and customer_id in (
          select customer_id from import_created_customers where import_id = ${importId} limit ${BATCH})
        returning customer_id),
      gone as (
        delete from customers c using batch b
        where c.id = b.customer_id and c.workspace_id = ${workspaceId}
          and not exists (select 1 from purchases p where p.workspace_id = c.workspace_id and p.customer_id = c.id)
        returning 1)
      select (select count(*) from batch)::int as n`,
    );
  } catch {
    // A customer of the batch is referenced (a case, a message): one at a time, keeping those.
    const batch = await queryRows<{ customer_id: string }>(
      db,
      sql`select customer_id from import_created_customers where import_id = ${importId} limit ${BATCH}`,
    );
    for (const { customer_id: customerId } of batch) {
      await db
        .execute(
          sql`delete from customers c where c.id = ${customerId} and c.workspace_id = ${workspaceId}
            and not exists (select 1 from purchases p where p.workspace_id = c.workspace_id and p.customer_id = c.id)`,
        )
        .catch(() => undefined);
      await db.execute(
        sql`delete from import_created_customers where import_id = ${importId} and customer_id = ${customerId}`,
      );
    }
    return batch.length;
  }
}
