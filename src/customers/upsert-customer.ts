// A customer keyed by their address is created at most once per workspace, however many
// first messages from them arrive at once (issue 20). Two intakes that both found no customer
// race to insert one: the unique key `customers_workspace_email_key` makes the second insert
// wait for the first transaction, and `on conflict do nothing` then lets it take the row the
// first one committed instead of failing (which, inside a batch transaction, would roll the
// whole batch back and mark its messages failed).
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { customers } from '../db/schema.ts';
import type { CustomerRow } from './customer-identity.ts';

export interface UpsertedCustomer {
  customer: CustomerRow;
  /** The row version (xmin) as this statement left or found it. */
  version: string;
  /** False when a concurrent (or earlier) intake had already created the customer. */
  created: boolean;
}

/**
 * Inserts `row` unless its workspace already has a customer with its address, and returns the
 * customer that holds the address either way. `row.email` must be set (normalized).
 * Two statements at most: under READ COMMITTED the second one sees the twin committed meanwhile.
 */
export async function upsertCustomerByEmail(db: Db, row: CustomerRow): Promise<UpsertedCustomer> {
  if (!row.email) throw new Error('upsertCustomerByEmail: the customer has no address');
  const columns = { ...getTableColumns(customers), version: sql<string>`xmin::text` };
  const [inserted] = await db
    .insert(customers)
    .values(row)
    .onConflictDoNothing({ target: [customers.workspaceId, customers.email] })
    .returning(columns);
  if (inserted) return split(inserted, true);
  const [existing] = await db
    .select(columns)
    .from(customers)
    .where(and(eq(customers.workspaceId, row.workspaceId), eq(customers.email, row.email)));
  if (!existing) throw new Error('upsertCustomerByEmail: the conflicting customer is gone');
  return split(existing, false);
}

function split({ version, ...customer }: CustomerRow & { version: string }, created: boolean): UpsertedCustomer {
  return { customer, version, created };
}
