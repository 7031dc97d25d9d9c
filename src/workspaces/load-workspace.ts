import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { workspaces } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

// Settings are read on every inbound message; a few seconds of staleness after an admin
// edits them is fine, a query per message is not. The cache is keyed by store so two
// stores in one process (tests) never see each other's rows.
const CACHE_MS = 5_000;
const cache = new WeakMap<object, Map<string, { row: WorkspaceRow; at: number }>>();

// A transaction's handle may read through its store's cache (shareWorkspaceCache).
const sharing = new WeakMap<object, object>();

/**
 * Lets `handle` (a transaction of `store`) use the store's cache: for a caller that opens many
 * short transactions which each load the workspace (e-mail processing, one per batch).
 */
export function shareWorkspaceCache(handle: Db, store: Db): void {
  sharing.set(handle, sharing.get(store) ?? store);
}

export async function loadWorkspace(db: Db, workspaceId: string, fresh = false): Promise<WorkspaceRow> {
  const key = sharing.get(db) ?? db;
  let perDb = cache.get(key);
  if (!perDb) cache.set(key, (perDb = new Map()));
  const hit = perDb.get(workspaceId);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.row;
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('The workspace');
  perDb.set(workspaceId, { row, at: Date.now() });
  return row;
}

export function forgetWorkspace(db: Db, workspaceId: string): void {
  cache.get(sharing.get(db) ?? db)?.delete(workspaceId);
}
