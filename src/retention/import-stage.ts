// Reading, validating and staging a purchase file: records are read from the stream, validated
// (import-rows.ts, every problem with its line) and the valid rows staged with COPY
// (copy-stage.ts) in a temporary table. In the import's transaction (dropped at its commit), or,
// applied in chunks on the embedded store, kept for the session and written in small COPYs, each
// its own transaction, so the desk's requests run between them (import-chunks.ts).
import { Transform } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { ImportFileError, rowReaderFor, type StagedPurchase } from './import-rows.ts';
import { copyText, openCopy } from './copy-stage.ts';
import { readCsvRecords, readWhitespaceRecords } from './read-records.ts';
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
const READ_SLICE = 1 << 20;

export async function stageFile(
  tx: Db,
  options: ImportOptions,
  report: ImportReport,
  into: StageTable = IN_TRANSACTION,
): Promise<void> {
  // Counted on the way through, and only once reading starts: a 'data' listener attached
  // earlier would set the stream flowing while the transaction is still being opened.
  if (options.input.errored) throw options.input.errored;
  let bytes = 0;
  const counted = options.input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        // A stored upload can come as one buffer (37 MB for 1,000,000 rows): split whole, it was
        // one synchronous pass that held the server's event loop. In slices, the loop below yields.
        for (let at = 0; at < chunk.length; at += READ_SLICE) this.push(chunk.subarray(at, at + READ_SLICE));
        done();
      },
    }),
  );
  options.input.on('error', (error) => counted.destroy(error));
  const bytesRead = () => bytes;
  await tx.execute(sql`
    create temp table ${sql.raw(into.table)} (
      line integer, key_kind text, key text, name text, order_id text,
      occurred_at timestamptz, amount numeric(14,2), product text, channel text
    ) ${sql.raw(into.keep ? 'on commit preserve rows' : 'on commit drop')}`);
  if (into.index) await tx.execute(sql.raw(`create index on ${into.table} (${into.index})`));
  const reader = rowReaderFor(options.format, options.map);
  const records = options.format === 'cdnow' ? readWhitespaceRecords(counted) : readCsvRecords(counted);
  const copy = openCopy(tx, into.table, STAGE_COLUMNS, into.keep ? { pgliteChunkBytes: KEPT_COPY_BYTES } : {});
  // Rows go to COPY in chunks of ~256 kB: parsing goes on while the server stores the last chunk.
  let chunk = '';
  let headerSeen = options.format === 'cdnow';
  let lastProgress = 0;
  let lastYield = performance.now();
  try {
    for await (const record of records) {
      checkCancel(options.signal);
      // The records of a stored upload come without I/O between them: now and then the event
      // loop is let go, so requests (and a cancel) are served while a large file is read.
      if ((record.line & 1023) === 0 && performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (!headerSeen) {
        reader.header(record.fields);
        headerSeen = true;
        continue;
      }
      report.rowsRead++;
      const result = reader.row(record.fields, record.line);
      if (result.kind === 'purchase') {
        report.purchasesInFile++;
        // After the first bad row of a file that will be refused, only keep validating.
        if (report.skipped > 0 && !options.skipBadRows) continue;
        chunk += stageLine(result.purchase);
        if (chunk.length >= 1 << 18) {
          await copy.write(chunk);
          chunk = '';
          // COPY's write resolves without waiting for the network (the socket buffers), so the
          // loop never left the event loop: a health check waited 9.3 s through the staging of
          // 1,000,000 rows. One turn per 256 kB lets the server answer in between.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      } else if (result.kind === 'problem') {
        report.skipped++;
        if (report.problems.length < MAX_PROBLEMS) report.problems.push(result.problem);
      }
      if (options.onProgress && report.rowsRead - lastProgress >= 10_000) {
        lastProgress = report.rowsRead;
        options.onProgress({ rows: report.rowsRead, bytes: bytesRead() });
      }
    }
    if (!headerSeen) throw new ImportFileError(1, 'the file is empty; expected a header line');
    if (chunk !== '' && !(report.skipped > 0 && !options.skipBadRows)) await copy.write(chunk);
    await copy.end();
  } catch (error) {
    copy.abort(error as Error);
    throw error;
  }
  // Temporary tables are never analyzed by autovacuum: without statistics the joins below are
  // planned for a handful of rows.
  await tx.execute(sql`analyze ${sql.raw(into.table)}`);
  options.onProgress?.({ rows: report.rowsRead, bytes: bytesRead() });
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

function stageLine(p: StagedPurchase): string {
  return `${p.line}\t${p.keyKind}\t${copyText(p.key)}\t${copyText(p.name)}\t${copyText(p.orderId)}\t${p.occurredAt}\t${p.amount}\t${copyText(p.product)}\t${copyText(p.channel)}\n`;
}
