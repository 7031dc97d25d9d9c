import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { supportAddresses } from '../../db/schema-email.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { splitPlusAddress } from '../reply-address.ts';

export interface SupportAddressView {
  id: string;
  address: string;
  createdAt: string;
}

const present = (row: typeof supportAddresses.$inferSelect): SupportAddressView => ({
  id: row.id,
  address: row.address,
  createdAt: row.createdAt.toISOString(),
});

export async function listSupportAddresses(db: Db, workspaceId: string): Promise<SupportAddressView[]> {
  const rows = await db.select().from(supportAddresses).where(eq(supportAddresses.workspaceId, workspaceId)).orderBy(asc(supportAddresses.address));
  return rows.map(present);
}

/** Adds an address the workspace receives mail on; plus-addresses of it arrive too. */
export async function addSupportAddress(db: Db, workspaceId: string, address: string): Promise<SupportAddressView> {
  const split = splitPlusAddress(address);
  if (!split || split.tag !== null || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(split.base)) {
    throw new KeptError('email.invalid_address', 'A support address is a plain address such as support@example.com (no +tag)', { field: 'address' });
  }
  const [row] = await db.insert(supportAddresses).values({ workspaceId, address: split.base }).onConflictDoNothing().returning();
  if (!row) throw new KeptError('email.address_taken', `${split.base} already receives mail for a workspace`, { field: 'address' });
  return present(row);
}

export async function removeSupportAddress(db: Db, workspaceId: string, id: string): Promise<void> {
  const rows = await db
    .delete(supportAddresses)
    .where(and(eq(supportAddresses.workspaceId, workspaceId), eq(supportAddresses.id, id)))
    .returning({ id: supportAddresses.id });
  if (rows.length === 0) throw notFound('The support address');
}

/** The workspace a recipient address (or a plus-address of it) delivers to, or null. */
export async function workspaceForRecipient(db: Db, recipient: string): Promise<{ workspaceId: string; address: string } | null> {
  const split = splitPlusAddress(recipient);
  if (!split) return null;
  const [row] = await db
    .select({ workspaceId: supportAddresses.workspaceId, address: supportAddresses.address })
    .from(supportAddresses)
    .where(eq(supportAddresses.address, split.base));
  return row ?? null;
}
