import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { supportAddresses } from '../../db/schema-email.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { splitPlusAddress } from '../reply-address.ts';
import type { SupportAddressView } from '../../contract/route-response-types.ts';

const present = (row: typeof supportAddresses.$inferSelect): SupportAddressView => ({
  id: row.id,
  address: row.address,
  createdAt: row.createdAt.toISOString(),
});

export async function listSupportAddresses(db: Db, workspaceId: string): Promise<SupportAddressView[]> {
  const rows = await db
    .select()
    .from(supportAddresses)
    .where(eq(supportAddresses.workspaceId, workspaceId))
    .orderBy(asc(supportAddresses.address));
  return rows.map(present);
}

/** Adds an address the workspace receives mail on; plus-addresses of it arrive too. */
export async function addSupportAddress(db: Db, workspaceId: string, address: string): Promise<SupportAddressView> {
  const split = splitPlusAddress(address);
  if (!split || split.tag !== null || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(split.base)) {
    throw new KeptError(
      'email.invalid_address',
      'A support address is a plain address such as support@example.com (no +tag)',
      { field: 'address' },
    );
  }
  const [row] = await db
    .insert(supportAddresses)
    .values({ workspaceId, address: split.base })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw new KeptError('email.address_taken', `${split.base} already receives mail for a workspace`, {
      field: 'address',
    });
  addressesChanged++;
  return present(row);
}

export async function removeSupportAddress(db: Db, workspaceId: string, id: string): Promise<void> {
  const rows = await db
    .delete(supportAddresses)
    .where(and(eq(supportAddresses.workspaceId, workspaceId), eq(supportAddresses.id, id)))
    .returning({ id: supportAddresses.id });
  addressesChanged++;
  if (rows.length === 0) throw notFound('The support address');
}

// RCPT TO asks this for every message, so found addresses are cached per process and per
// store. Only hits are cached: an address just added (here or by another instance) works at
// once, and an unknown recipient is never refused (a permanent 550) from stale memory. A change
// made in this process empties the cache at once; one made by another Kept instance on the
// same database is seen within RECIPIENT_CACHE_TTL_MS (until then mail to an address removed
// there is still accepted and stored, as it was a moment before the removal).
export const RECIPIENT_CACHE_TTL_MS = 30_000;
const RECIPIENT_CACHE_MAX = 10_000;
type Route = { workspaceId: string; address: string };
const recipientCache = new WeakMap<Db, Map<string, { route: Route; at: number; generation: number }>>();
let addressesChanged = 0;

/** The workspace a recipient address (or a plus-address of it) delivers to, or null. */
export async function workspaceForRecipient(
  db: Db,
  recipient: string,
  nowMs: number = Date.now(),
): Promise<Route | null> {
  const split = splitPlusAddress(recipient);
  if (!split) return null;
  let cache = recipientCache.get(db);
  const cached = cache?.get(split.base);
  if (cached && cached.generation === addressesChanged && nowMs - cached.at < RECIPIENT_CACHE_TTL_MS)
    return cached.route;
  const generation = addressesChanged;
  const [row] = await db
    .select({ workspaceId: supportAddresses.workspaceId, address: supportAddresses.address })
    .from(supportAddresses)
    .where(eq(supportAddresses.address, split.base));
  if (!row) {
    cache?.delete(split.base);
    return null;
  }
  if (!cache) recipientCache.set(db, (cache = new Map()));
  if (cache.size >= RECIPIENT_CACHE_MAX) cache.clear();
  // A change made while the select ran leaves this answer uncached (the generation moved on).
  cache.set(split.base, { route: row, at: nowMs, generation });
  return row;
}
