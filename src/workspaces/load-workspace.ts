import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { workspaces } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';
import { onChange } from '../kernel/change-notice.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

// Settings are read on every inbound message; a few seconds of staleness after an admin
// edits them is fine, a query per message is not. One cache for the process, keyed by the
// workspace's id (a random uuid, so two stores in one process — tests — never share a key),
// so that every transaction reads through it too.
const CACHE_MS = 5_000;
const cache = new Map<string, { row: WorkspaceRow; at: number }>();

export async function loadWorkspace(db: Db, workspaceId: string, fresh = false): Promise<WorkspaceRow> {
  const hit = cache.get(workspaceId);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.row;
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('The workspace');
  cache.set(workspaceId, { row, at: Date.now() });
  return row;
}

/**
 * The workspace a signed link names, or `invalid` thrown: a link to a workspace that does not
 * exist is as invalid as a forged one (portal sessions, survey links), and says nothing more.
 */
export async function loadLinkedWorkspace(db: Db, workspaceId: string, invalid: Error): Promise<WorkspaceRow> {
  try {
    return await loadWorkspace(db, workspaceId);
  } catch {
    throw invalid;
  }
}

export function forgetWorkspace(workspaceId: string): void {
  cache.delete(workspaceId);
}

onChange((change) => {
  if (change.kind === 'settings') forgetWorkspace(change.workspaceId);
});
