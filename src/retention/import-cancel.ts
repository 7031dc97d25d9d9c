// Cancelling an import (issue 17). A queued one is cancelled in the store. A running one through
// the AbortSignal of the process running it, checked between records, steps and chunks, after
// which what it wrote is rolled back (import-transactions.ts, import-chunks.ts). Any instance can
// cancel: the request is a flag on the import's upload row (`cancel_requested_at`), which the
// instance running the import polls and turns into its signal; the cancelling instance answers
// once the import has stopped. In the process running it, the signal is aborted at once.
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

// Per store handle, which stands for an instance (two apps in one test process are two instances).
const runsByStore = new WeakMap<Db, Map<string, Run>>();
function runsOf(db: Db): Map<string, Run> {
  let runs = runsByStore.get(db);
  if (!runs) runsByStore.set(db, (runs = new Map()));
  return runs;
}
const FLAG_POLL_MS = 250;
/** How long a cancel waits for an import running elsewhere to stop before answering its status. */
const WAIT_MS = 15_000;

export function startRun(db: Db, workspaceId: string, importId: string): AbortController {
  let finish = () => undefined as void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const run: Run = { workspaceId, controller: new AbortController(), finished, finish };
  runsOf(db).set(importId, run);
  return run.controller;
}

/** Called once the import's final status is written. */
export function finishRun(db: Db, importId: string): void {
  const runs = runsOf(db);
  runs.get(importId)?.finish();
  runs.delete(importId);
}

/** Polls the cancel flag of a running import (set by any instance) into its signal; returns the stop. */
export function watchCancelFlag(db: Db, importId: string, controller: AbortController): () => void {
  let asking = false;
  const timer = setInterval(() => {
    if (asking || controller.signal.aborted) return;
    asking = true;
    db.select({ at: importUploads.cancelRequestedAt })
      .from(importUploads)
      .where(eq(importUploads.importId, importId))
      .then(
        ([row]) => {
          if (row?.at) controller.abort();
        },
        () => undefined, // a lost poll is asked again
      )
      .finally(() => (asking = false));
  }, FLAG_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Cancels a queued or running import of the workspace; 404 for another's, 409 once finished. */
export async function cancelImport(db: Db, workspaceId: string, importId: string): Promise<ImportView> {
  // Before any query: on PGlite the running import's transaction holds the only connection, so a
  // read would wait for the import to end. The answer is read once it has stopped.
  const run = runsOf(db).get(importId);
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
    // Running on another instance (or left running by a stopped one, whose retried job undoes it).
    await db
      .update(importUploads)
      .set({ cancelRequestedAt: new Date() })
      .where(and(eq(importUploads.importId, importId), eq(importUploads.workspaceId, workspaceId)));
    return untilStopped(db, workspaceId, importId);
  }
  throw new KeptError('import.finished', `This import has already finished (${now.status})`, {});
}

async function untilStopped(db: Db, workspaceId: string, importId: string): Promise<ImportView> {
  const deadline = performance.now() + WAIT_MS;
  for (;;) {
    const view = await getImport(db, workspaceId, importId);
    if (view.status !== 'running' || performance.now() > deadline) return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
