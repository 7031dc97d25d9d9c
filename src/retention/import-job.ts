// A web upload's import, run in the background (issue 17): the route stores the file with a
// queued `imports` row and queues this job; the job claims the row (queued → running), reads the
// stored file, and deletes it when the import has finished. On the embedded store the import is
// applied in committed chunks, so the desk keeps answering (import-chunks.ts). A job found with its
// import already running is a retry after its process stopped mid-way: in one transaction, that
// rolled back with the process; in chunks, what was applied is undone by the import's id here. It
// is failed with that said, and the file kept out of the way.
import { Readable } from 'node:stream';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { importUploads, imports } from '../db/schema-retention.ts';
import { defineJob } from '../kernel/job-definition.ts';
import { IMPORT_JOB, TIMER } from '../kernel/job-names.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import type { CsvField } from './import-rows.ts';
import { importTransactions } from './import-transactions.ts';
import { movesInto } from './import-status.ts';
import { finishRun, startRun, watchCancelFlag } from './import-cancel.ts';
import { hasOtherConnections } from './copy-stage.ts';
import { undoImport } from './import-undo.ts';

export const STOPPED_MESSAGE = 'The server stopped while this import ran; nothing was imported. Upload the file again.';

export async function runStoredImport(ctx: DeskContext, workspaceId: string, importId: string): Promise<void> {
  // Registered before the claim, so a cancel arriving as it starts finds it (import-cancel.ts).
  const controller = startRun(ctx.db, workspaceId, importId);
  // A cancel asked on another instance reaches this one through the upload's flag.
  const stopWatching = watchCancelFlag(ctx.db, importId, controller);
  try {
    await claimAndRun(ctx, workspaceId, importId, controller.signal);
  } finally {
    stopWatching();
    finishRun(ctx.db, importId);
  }
}

async function claimAndRun(ctx: DeskContext, workspaceId: string, importId: string, signal: AbortSignal) {
  const db = ctx.db;
  const [claimed] = await db
    .update(imports)
    .set({ status: 'running', startedAt: ctx.now(), phase: 'reading' })
    .where(and(eq(imports.id, importId), eq(imports.workspaceId, workspaceId), eq(imports.status, 'queued')))
    .returning({ format: imports.format, source: imports.source, createdBy: imports.createdBy });
  if (!claimed) {
    await failStopped(db, importId);
    return;
  }
  const [upload] = await db
    .select({
      options: importUploads.options,
      size: sql<number>`octet_length(${importUploads.content})`.mapWith(Number),
    })
    .from(importUploads)
    .where(eq(importUploads.importId, importId));
  if (!upload) {
    await markFailed(db, importId, 'The uploaded file is missing; nothing was imported.');
    return;
  }
  try {
    const report = await importTransactions(db, {
      workspaceId,
      importId,
      format: claimed.format,
      source: claimed.source,
      input: Readable.from(storedPieces(db, importId, upload.size)),
      map: upload.options.map as Partial<Record<CsvField, string>> | undefined,
      skipBadRows: upload.options.skipBadRows ?? false,
      createdBy: claimed.createdBy,
      now: ctx.now(),
      sizeBytes: upload.size,
      signal,
      // PGlite's one connection: an import in one transaction would hold the desk until it ended.
      ...(hasOtherConnections(db) ? {} : { chunked: {} }),
    });
    if (report.status === 'done' && report.imported > 0) {
      const refresh = { name: TIMER.retentionRefreshScores, payload: { workspaceId }, startAfter: ctx.now() } as const;
      await ctx.timers.schedule(db, refresh);
    }
  } finally {
    await deleteUpload(db, importId);
  }
}

/** The stored file, once nothing applied is left to undo (the upload holds the undo's mark). */
async function deleteUpload(db: Db, importId: string): Promise<void> {
  await db.delete(importUploads).where(and(eq(importUploads.importId, importId), isNull(importUploads.purchasesAfter)));
}

/**
 * The stored file in pieces, each fetched when the import wants it: the bytes read (the progress
 * shown) move as it is read, and the server never decodes the whole file at once (37 MB of bytea
 * for 1,000,000 rows travel as 74 MB of hex, one string and one buffer, held the event loop).
 */
async function* storedPieces(db: Db, importId: string, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < size; at += STORED_PIECE) {
    const [row] = await db
      .select({
        piece: sql`substring(${importUploads.content} from ${at + 1} for ${STORED_PIECE})`.mapWith(
          importUploads.content,
        ),
      })
      .from(importUploads)
      .where(eq(importUploads.importId, importId));
    if (!row) throw new Error('The uploaded file went missing while it was read');
    yield Buffer.from(row.piece.buffer, row.piece.byteOffset, row.piece.byteLength);
  }
}

/** 4 MB: a compressed file is decompressed from its start for each piece, so not too many of them. */
const STORED_PIECE = 4 << 20;

/** A retried job whose import was left running: its process stopped, and its transaction with it. */
async function failStopped(db: Db, importId: string): Promise<void> {
  const [row] = await db.select({ status: imports.status }).from(imports).where(eq(imports.id, importId));
  if (row?.status !== 'running') return;
  await undoImport(db, importId);
  await markFailed(db, importId, STOPPED_MESSAGE);
  await deleteUpload(db, importId);
}

async function markFailed(db: Db, importId: string, message: string): Promise<void> {
  await db
    .update(imports)
    .set({ status: 'failed', phase: null, finishedAt: new Date(), report: { message } })
    .where(and(eq(imports.id, importId), inArray(imports.status, movesInto('failed'))));
}

export const IMPORT_JOB_DEFINITIONS = [
  defineJob(IMPORT_JOB.run, (ctx, p) => runStoredImport(ctx, p.workspaceId, p.importId)),
];
