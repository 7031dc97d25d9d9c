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

export async function loadWorkspace(db: Db, workspaceId: string, fresh = false): Promise<WorkspaceRow> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(workspaceId);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.row;
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('The workspace');
  perDb.set(workspaceId, { row, at: Date.now() });
  return row;
}

export function forgetWorkspace(db: Db, workspaceId: string): void {
  cache.get(db)?.delete(workspaceId);
}
