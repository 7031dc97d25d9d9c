// Cancelling an import (issue 17). A queued one is cancelled in the store; a running one through
// the AbortSignal of the process running it, checked between records and steps, after which its
// transaction is rolled back (import-transactions.ts). The signals live in this process: with
// several instances on PostgreSQL, a running import is cancelled only from the instance running it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { importUploads, imports } from '../db/schema-retention.ts';
import { KeptError } from '../errors/kept-error.ts';
import type { ImportView } from '../contract/retention-types.ts';
import { getImport } from './get-import.ts';

const running = new Map<string, AbortController>();

export function startRun(importId: string): AbortSignal {
  const controller = new AbortController();
  running.set(importId, controller);
  return controller.signal;
}

export function finishRun(importId: string): void {
  running.delete(importId);
}

/** Cancels a queued or running import of the workspace; 404 for another's, 409 once finished. */
export async function cancelImport(db: Db, workspaceId: string, importId: string): Promise<ImportView> {
  const found = await getImport(db, workspaceId, importId);
  if (found.status === 'queued') {
    const [cancelled] = await db
      .update(imports)
      .set({
        status: 'cancelled',
        finishedAt: new Date(),
        report: { message: 'Cancelled before it started: nothing was imported.' },
      })
      .where(and(eq(imports.id, importId), eq(imports.status, 'queued')))
      .returning({ id: imports.id });
    if (cancelled) {
      await db.delete(importUploads).where(eq(importUploads.importId, importId));
      return getImport(db, workspaceId, importId);
    }
  }
  const controller = running.get(importId);
  if (controller) {
    controller.abort();
    return { ...(await getImport(db, workspaceId, importId)) };
  }
  const now = await getImport(db, workspaceId, importId);
  if (now.status === 'running') {
    throw new KeptError('import.finished', 'This import runs on another server instance; cancel it there', {});
  }
  throw new KeptError('import.finished', `This import has already finished (${now.status})`, {});
}
