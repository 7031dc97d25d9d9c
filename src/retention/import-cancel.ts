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

interface Run {
  workspaceId: string;
  controller: AbortController;
  finished: Promise<void>;
  finish(): void;
}

const running = new Map<string, Run>();

export function startRun(workspaceId: string, importId: string): AbortSignal {
  let finish = () => undefined as void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const run: Run = { workspaceId, controller: new AbortController(), finished, finish };
  running.set(importId, run);
  return run.controller.signal;
}

/** Called once the import's final status is written. */
export function finishRun(importId: string): void {
  running.get(importId)?.finish();
  running.delete(importId);
}

/** Cancels a queued or running import of the workspace; 404 for another's, 409 once finished. */
export async function cancelImport(db: Db, workspaceId: string, importId: string): Promise<ImportView> {
  // Before any query: on PGlite the running import's transaction holds the only connection, so a
  // read would wait for the import to end. The answer is read once it has stopped.
  const run = running.get(importId);
  if (run && run.workspaceId === workspaceId) {
    run.controller.abort();
    await run.finished;
    return getImport(db, workspaceId, importId);
  }
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
  const now = await getImport(db, workspaceId, importId);
  if (now.status === 'running') {
    throw new KeptError('import.finished', 'This import runs on another server instance; cancel it there', {});
  }
  throw new KeptError('import.finished', `This import has already finished (${now.status})`, {});
}
