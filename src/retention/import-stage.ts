// Reading, validating and staging a purchase file: records are read from the stream, validated
// (import-rows.ts, every problem with its line) and the valid rows staged with COPY
// (copy-stage.ts) in a temporary table. In the import's transaction (dropped at its commit), or,
// applied in chunks on the embedded store, kept for the session and written in small COPYs, each
// its own transaction, so the desk's requests run between them (import-chunks.ts).
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { openCopy, type CopySink } from './copy-stage.ts';
import type { StagePart } from './stage-encoder.ts';
import { chooseReader, openStageReader } from './stage-reader.ts';
import { checkCancel, MAX_PROBLEMS, type ImportOptions, type ImportReport } from './import-types.ts';

/** The staging table: its name, and whether it outlives the transaction (kept for the session). */
export interface StageTable {
  table: string;
  keep: boolean;
  /** an index expression, built as the rows arrive rather than afterwards in one statement */
  index?: string;
}

const IN_TRANSACTION: StageTable = { table: 'import_stage', keep: false };
/** ~10,000 rows per COPY when the table is kept: each COPY holds the embedded store's connection. */
const KEPT_COPY_BYTES = 1 << 19;
const YIELD_EVERY_MS = 20;
/** The most bytes of the file read at once (about 1,700 rows), and pieces read ahead of COPY on a worker. */
const MAX_PIECE = 1 << 16;
const WORKER_AHEAD = 8;
/** COPY text per write on PostgreSQL. */
const COPY_PIECE = 1 << 18;

export async function stageFile(
  tx: Db,
  options: ImportOptions,
  report: ImportReport,
  into: StageTable = IN_TRANSACTION,
): Promise<void> {
  if (options.input.errored) throw options.input.errored;
  const on = options.reader ?? chooseReader(options.sizeBytes);
  // Started first: the worker loads (tsx, the encoder) while the staging table is made.
  const reader = openStageReader(
    {
      format: options.format,
      ...(options.map ? { map: options.map } : {}),
      skipBadRows: Boolean(options.skipBadRows),
      pieceBytes: into.keep ? KEPT_COPY_BYTES / 2 : COPY_PIECE,
    },
    on,
  );
  let copy: CopySink | undefined;
  let bytes = 0;
  let lastProgress = 0;
  let lastYield = performance.now();
  const take = async (part: StagePart) => {
    checkCancel(options.signal);
    report.rowsRead = part.rowsRead;
    report.purchasesInFile = part.purchasesInFile;
    report.skipped = part.skipped;
    for (const p of part.problems) if (report.problems.length < MAX_PROBLEMS) report.problems.push(p);
    for (const piece of part.copy) {
      await copy!.write(piece);
      // COPY's write resolves without waiting for the network (the socket buffers): read in this
      // thread, the loop would never leave the event loop. A turn per piece lets requests in.
      if (reader.on === 'thread') await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (options.onProgress && report.rowsRead - lastProgress >= 10_000) {
      lastProgress = report.rowsRead;
      options.onProgress({ rows: report.rowsRead, bytes });
    }
  };
  try {
    await tx.execute(sql`
      create temp table ${sql.raw(into.table)} (
        line integer, key_kind text, key text, name text, order_id text,
        occurred_at timestamptz, amount numeric(14,2), product text, channel text
      ) ${sql.raw(into.keep ? 'on commit preserve rows' : 'on commit drop')}`);
    if (into.index) await tx.execute(sql.raw(`create index on ${into.table} (${into.index})`));
    copy = openCopy(tx, into.table, STAGE_COLUMNS, into.keep ? { pgliteChunkBytes: KEPT_COPY_BYTES } : {});
    // The file's pieces go to the reader as they come; their COPY text is written in order as
    // each answer arrives (a piece's rows are counted without waiting for the next piece), with
    // at most AHEAD pieces unanswered or unwritten.
    const window: Promise<void>[] = [];
    let written: Promise<void> = Promise.resolve();
    const queue = (part: Promise<StagePart>) => {
      // Awaited below, in order: heard here so a failure is never an unhandled rejection meanwhile.
      part.catch(() => undefined);
      written = written.then(() => part).then(take);
      written.catch(() => undefined);
      window.push(written);
    };
    const ahead = reader.on === 'worker' ? WORKER_AHEAD : 1;
    for await (const piece of pieces(options.input, MAX_PIECE)) {
      checkCancel(options.signal);
      bytes += piece.length;
      queue(reader.push(piece));
      if (window.length > ahead) await window.shift();
      // In this thread the records of a stored upload come without I/O between them: now and
      // then the event loop is let go, so requests (and a cancel) are served while it is read.
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    queue(reader.end());
    await written;
    await copy.end();
  } catch (error) {
    copy?.abort(error as Error);
    throw error;
  } finally {
    reader.close();
  }
  // Temporary tables are never analyzed by autovacuum: without statistics the joins below are
  // planned for a handful of rows.
  await tx.execute(sql`analyze ${sql.raw(into.table)}`);
  options.onProgress?.({ rows: report.rowsRead, bytes });
}

/** The input's chunks, each at most `size` bytes. */
async function* pieces(input: Readable, size: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) {
    const buffer: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
  }
}

export const STAGE_COLUMNS = [
  'line',
  'key_kind',
  'key',
  'name',
  'order_id',
  'occurred_at',
  'amount',
  'product',
  'channel',
];
