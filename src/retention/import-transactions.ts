// Importing purchases: stream → validate → stage → match customers → insert, all in one
// transaction, so a malformed file imports nothing (unless bad rows are to be skipped) and a
// crash half-way leaves no half-import. Rows are validated in Node (each problem with its line)
// and staged in a temporary table with COPY (import-stage.ts, copy-stage.ts: COPY FROM STDIN on
// PostgreSQL, from a blob on PGlite), then customers and purchases are written with set-based SQL
// (import-steps.ts); the dashboard rollups are recomputed after the commit. Re-importing is
// idempotent through purchases' unique (workspace_id, row_hash). A background import on the
// embedded store is applied in committed chunks instead, all or nothing as seen from outside
// (import-chunks.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { imports } from '../db/schema-retention.ts';
import { KeptError } from '../errors/kept-error.ts';
import { ImportFileError } from './import-rows.ts';
import { hasOtherConnections } from './copy-stage.ts';
import { refreshCustomerValue } from './refresh-customer-value.ts';
import { refreshRollups } from './refresh-rollups.ts';
import { progressRecorder, type ProgressRecorder } from './import-progress.ts';
import { movesInto } from './import-status.ts';
import type { ImportPhase } from '../kernel/domain-words.ts';
import { stageFile } from './import-stage.ts';
import { writePurchases } from './import-steps.ts';
import { applyInChunks } from './import-chunks.ts';
import { Cancelled, checkCancel, Rejected, type ImportOptions, type ImportReport } from './import-types.ts';

export type { ImportOptions, ImportReport } from './import-types.ts';

async function addImportRow(db: Db, options: ImportOptions): Promise<string> {
  const [row] = await db
    .insert(imports)
    .values({
      workspaceId: options.workspaceId,
      format: options.format,
      source: options.source.slice(0, 300),
      status: 'running',
      createdBy: options.createdBy ?? null,
      startedAt: options.now,
      phase: 'reading',
      bytesTotal: options.sizeBytes ?? null,
    })
    .returning({ id: imports.id });
  return row!.id;
}

export async function importTransactions(db: Db, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  // A stream can fail before reading starts (a missing file fails while PostgreSQL opens the
  // transaction). Heard from the first moment, that error fails the import when staging begins;
  // unheard, it was an uncaught exception and the import waited forever on a stream that had ended.
  options.input.on('error', () => undefined);
  const importId = options.importId ?? (await addImportRow(db, options));
  const report: ImportReport = {
    importId,
    status: 'failed',
    format: options.format,
    source: options.source,
    rowsRead: 0,
    purchasesInFile: 0,
    imported: 0,
    duplicates: 0,
    skipped: 0,
    problems: [],
    customersCreated: 0,
    customersMatched: 0,
    seconds: 0,
    message: '',
  };
  // Applied in chunks, the import holds no transaction between them: its progress is written then.
  const progress = progressRecorder(db, importId, { betweenTransactions: Boolean(options.chunked) });
  const counted = { rows: 0, bytes: 0 };
  const staging: ImportOptions = {
    ...options,
    onProgress: (p) => {
      counted.rows = p.rows;
      counted.bytes = p.bytes;
      progress.counts(p.rows, p.bytes);
      options.onProgress?.(p);
    },
  };
  try {
    const timed = stepTimer(options.onStep, progress);
    const step = (name: string) => {
      timed(name);
      checkCancel(options.signal);
    };
    checkCancel(options.signal);
    if (options.chunked) {
      await applyInChunks(db, staging, report, importId, { step, phase: (p) => progress.phase(p) });
    } else {
      await db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        // The grouping of the file's customer keys and the summary's sort of its purchases spilled
        // to disk with the server's 4 MB (EXPLAIN ANALYZE at 1,000,000 rows: 23 and 44 MB). Only this
        // transaction gets more, and only on PostgreSQL: PGlite's memory is the server process's own.
        if (hasOtherConnections(tx)) await tx.execute(sql`set local work_mem = '64MB'`);
        await stageFile(tx, staging, report);
        step('read, validate, stage');
        if (report.skipped > 0 && !options.skipBadRows) throw new Rejected();
        await writePurchases(tx, options.workspaceId, importId, report, step);
        await refreshCustomerValue(tx, options.workspaceId, 'import_map');
        step('customer summary');
        checkCancel(options.signal);
      });
    }
    // The rollups scan every purchasing customer: after the commit, so the import's transaction
    // (the only connection on PGlite) is not held for them, and not at all when nothing changed.
    // A failure here leaves the purchases imported; the next import or score refresh redoes them.
    if (report.imported > 0) {
      progress.phase('rollups');
      const step = stepTimer(options.onStep);
      await refreshRollups(db, options.workspaceId, options.now);
      step('rollups (after the commit)');
    }
    report.status = 'done';
    report.message = `Imported ${report.imported} purchases (${report.duplicates} already there, ${report.skipped} rows skipped).`;
  } catch (error) {
    if (error instanceof ImportFileError) {
      report.problems = [
        { line: error.line, reason: error.message, ...(error.column ? { column: error.column } : {}) },
      ];
      report.message = `Nothing was imported: ${error.line > 0 ? `line ${error.line}: ` : ''}${error.message}`;
    } else if (error instanceof Cancelled) {
      report.status = 'cancelled';
      report.problems = [];
      report.imported = 0;
      report.message = 'Cancelled: nothing was imported.';
    } else if (error instanceof Rejected) {
      const first = report.problems[0]!;
      report.message = `Nothing was imported: ${report.skipped} bad row${report.skipped === 1 ? '' : 's'}, the first on line ${first.line}: ${first.reason}. Fix the file, or import the good rows with --skip-bad-rows.`;
    } else {
      await progress.flush();
      await db
        .update(imports)
        .set({
          status: 'failed',
          phase: null,
          rowsRead: counted.rows,
          bytesRead: counted.bytes,
          finishedAt: new Date(),
          report: { message: String((error as Error).message) },
        })
        .where(and(eq(imports.id, importId), inArray(imports.status, movesInto('failed'))));
      throw error;
    }
  }
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  await progress.flush();
  await db
    .update(imports)
    .set({
      status: report.status,
      phase: null,
      rowsRead: counted.rows,
      bytesRead: counted.bytes,
      report: report as never,
      finishedAt: new Date(),
    })
    .where(and(eq(imports.id, importId), inArray(imports.status, movesInto(report.status))));
  return report;
}

// The phase that follows each timed step, for the progress shown while an import runs.
const NEXT_PHASE: Record<string, ImportPhase> = {
  'read, validate, stage': 'customers',
  'customers (match, create)': 'purchases',
  'purchases (insert, dedup)': 'summary',
};
// Applied in chunks, customers and purchases go in together, chunk by chunk (import-chunks.ts).
const nextPhase = (step: string): ImportPhase | undefined =>
  NEXT_PHASE[step] ?? (step.startsWith('customers and purchases, ') ? 'summary' : undefined);

/** Reports the seconds since the previous call under the given step name, and the next phase. */
function stepTimer(onStep: ImportOptions['onStep'], progress?: ProgressRecorder): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStep?.(name, (now - last) / 1000);
    last = now;
    const next = nextPhase(name);
    if (next) progress?.phase(next);
  };
}

/** Raises the typed error for an import that was refused (the API answers 422 with the report). */
export function rejectionError(report: ImportReport): KeptError {
  const first = report.problems[0];
  return new KeptError(
    'import.invalid_row',
    report.message,
    first ? { line: first.line, ...(first.column ? { header: first.column } : {}) } : {},
  );
}
