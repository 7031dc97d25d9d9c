// Importing purchases: stream → validate → stage → match customers → insert, all in one
// transaction, so a malformed file imports nothing (unless bad rows are to be skipped) and a
// crash half-way leaves no half-import. Rows are validated in Node (each problem with its line)
// and staged in a temporary table with COPY (copy-stage.ts: COPY FROM STDIN on PostgreSQL, from
// a blob on PGlite), then customers and purchases are written with set-based SQL; the dashboard
// rollups are recomputed after the commit. Re-importing is idempotent through purchases' unique
// (workspace_id, row_hash).
import { Transform, type Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { imports } from '../db/schema-retention.ts';
import { KeptError } from '../errors/kept-error.ts';
import {
  ImportFileError,
  rowReaderFor,
  type CsvField,
  type ImportFormat,
  type RowProblem,
  type StagedPurchase,
} from './import-rows.ts';
import { copyText, hasOtherConnections, openCopy } from './copy-stage.ts';
import { readCsvRecords, readWhitespaceRecords } from './read-records.ts';
import { refreshCustomerValue } from './refresh-customer-value.ts';
import { refreshRollups } from './refresh-rollups.ts';
import { progressRecorder, type ProgressRecorder } from './import-progress.ts';
import { movesInto } from './import-status.ts';
import type { ImportPhase } from '../kernel/domain-words.ts';

export interface ImportOptions {
  workspaceId: string;
  format: ImportFormat;
  /** file name or "upload", for the report */
  source: string;
  input: Readable;
  map?: Partial<Record<CsvField, string>>;
  skipBadRows?: boolean;
  createdBy?: string | null;
  now: Date;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** the file's size in bytes when known, shown beside the bytes read */
  sizeBytes?: number;
  /** seconds spent in each step (read+stage, customers, purchases, summary, rollups): for profiling */
  onStep?: (step: string, seconds: number) => void;
  /** An `imports` row already moved to running (a background import, import-job.ts); else one is added. */
  importId?: string;
  /** Cancels the import between records and steps: rolled back, status cancelled, nothing imported. */
  signal?: AbortSignal;
}

export interface ImportReport {
  importId: string;
  status: 'done' | 'failed' | 'cancelled';
  format: ImportFormat;
  source: string;
  /** data records read (line items for Shopify) */
  rowsRead: number;
  /** purchases found in the file (orders for Shopify) */
  purchasesInFile: number;
  imported: number;
  /** purchases already imported before (same order id or row hash) */
  duplicates: number;
  skipped: number;
  /** the first 1,000 problems, with their lines */
  problems: RowProblem[];
  customersCreated: number;
  customersMatched: number;
  seconds: number;
  message: string;
}

const MAX_PROBLEMS = 1_000;
const READ_SLICE = 1 << 20;

class Rejected extends Error {}
class Cancelled extends Error {}

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}

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
  const progress = progressRecorder(db, importId);
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
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const timed = stepTimer(options.onStep, progress);
      const step = (name: string) => {
        timed(name);
        checkCancel(options.signal);
      };
      checkCancel(options.signal);
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

/** Reports the seconds since the previous call under the given step name, and the next phase. */
function stepTimer(onStep: ImportOptions['onStep'], progress?: ProgressRecorder): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStep?.(name, (now - last) / 1000);
    last = now;
    const next = NEXT_PHASE[name];
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

async function stageFile(tx: Db, options: ImportOptions, report: ImportReport): Promise<void> {
  // Counted on the way through, and only once reading starts: a 'data' listener attached
  // earlier would set the stream flowing while the transaction is still being opened.
  if (options.input.errored) throw options.input.errored;
  let bytes = 0;
  const counted = options.input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        // A stored upload comes as one buffer (37 MB for 1,000,000 rows): split whole, it was
        // one synchronous pass that held the server's event loop. In slices, the loop below yields
        // between them (after each COPY write), and requests are answered in between.
        for (let at = 0; at < chunk.length; at += READ_SLICE) this.push(chunk.subarray(at, at + READ_SLICE));
        done();
      },
    }),
  );
  options.input.on('error', (error) => counted.destroy(error));
  const bytesRead = () => bytes;
  await tx.execute(sql`
    create temp table import_stage (
      line integer, key_kind text, key text, name text, order_id text,
      occurred_at timestamptz, amount numeric(14,2), product text, channel text
    ) on commit drop`);
  const reader = rowReaderFor(options.format, options.map);
  const records = options.format === 'cdnow' ? readWhitespaceRecords(counted) : readCsvRecords(counted);
  const copy = openCopy(tx, 'import_stage', STAGE_COLUMNS);
  // Rows go to COPY in chunks of ~256 kB: parsing goes on while the server stores the last chunk.
  let chunk = '';
  let headerSeen = options.format === 'cdnow';
  let lastProgress = 0;
  try {
    for await (const record of records) {
      checkCancel(options.signal);
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
          // COPY's write resolves without waiting for the network (the socket buffers), so this
          // loop never left the event loop: a health check waited 9.3 s, the whole staging of
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
  await tx.execute(sql`analyze import_stage`);
  options.onProgress?.({ rows: report.rowsRead, bytes: bytesRead() });
}

const STAGE_COLUMNS = ['line', 'key_kind', 'key', 'name', 'order_id', 'occurred_at', 'amount', 'product', 'channel'];

function stageLine(p: StagedPurchase): string {
  return `${p.line}\t${p.keyKind}\t${copyText(p.key)}\t${copyText(p.name)}\t${copyText(p.orderId)}\t${p.occurredAt}\t${p.amount}\t${copyText(p.product)}\t${copyText(p.channel)}\n`;
}

async function count(tx: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [r] = await queryRows<{ n: number }>(tx, query);
  return Number(r?.n ?? 0);
}

async function writePurchases(
  tx: Db,
  workspaceId: string,
  importId: string,
  report: ImportReport,
  step: (name: string) => void,
): Promise<void> {
  // One row per customer key in the file; the first name written for it wins.
  await tx.execute(sql`
    create temp table import_map on commit drop as
    select key_kind, key, min(name) as name, null::uuid as customer_id from import_stage group by key_kind, key`);
  const keys = await count(tx, sql`select count(*)::int as n from import_map`);
  report.customersCreated =
    (await count(
      tx,
      sql`
      with ins as (
        insert into customers (workspace_id, name, external_id)
        select ${workspaceId}, coalesce(m.name, m.key), m.key from import_map m
        where m.key_kind = 'external'
          and not exists (select 1 from customers c where c.workspace_id = ${workspaceId} and c.external_id = m.key)
        on conflict do nothing returning 1)
      select count(*)::int as n from ins`,
    )) +
    (await count(
      tx,
      sql`
      with ins as (
        insert into customers (workspace_id, name, email)
        select ${workspaceId}, coalesce(m.name, m.key), m.key from import_map m
        where m.key_kind = 'email'
          and not exists (select 1 from customers c where c.workspace_id = ${workspaceId} and c.email = m.key)
        on conflict do nothing returning 1)
      select count(*)::int as n from ins`,
    ));
  report.customersMatched = keys - report.customersCreated;
  await tx.execute(sql`
    update import_map m set customer_id = c.id from customers c
    where m.key_kind = 'external' and c.workspace_id = ${workspaceId} and c.external_id = m.key`);
  await tx.execute(sql`
    update import_map m set customer_id = c.id from customers c
    where m.key_kind = 'email' and c.workspace_id = ${workspaceId} and c.email = m.key`);
  await tx.execute(sql`create index on import_map (key_kind, key)`);
  await tx.execute(sql`analyze import_map`);
  step('customers (match, create)');
  // Lock the customers written to as a foreign key would (none is declared: it cost 35% of the
  // insert), so a customer cannot be deleted under the purchases being added.
  await tx.execute(sql`
    with locked as (
      select 1 from customers c where c.workspace_id = ${workspaceId}
        and c.id in (select customer_id from import_map) for key share of c)
    select count(*) from locked`);
  // A plain insert first: ON CONFLICT checks every row speculatively (27% of the insert). A file
  // that repeats an order id, or a re-import, breaks the unique key; then the savepoint is
  // rolled back and the rows go in again, skipping those already there.
  let inserted: number;
  try {
    inserted = await (tx.transaction(async (sp) =>
      insertPurchases(sp as unknown as Db, workspaceId, importId, false),
    ) as Promise<number>);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    inserted = await insertPurchases(tx, workspaceId, importId, true);
  }
  step('purchases (insert, dedup)');
  report.imported = inserted;
  report.duplicates = Math.max(0, report.purchasesInFile - report.imported);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

async function insertPurchases(tx: Db, workspaceId: string, importId: string, skipExisting: boolean): Promise<number> {
  const onConflict = skipExisting ? sql`on conflict (workspace_id, row_hash) do nothing` : sql``;
  const withOrder = await count(
    tx,
    sql`
    with ins as (
      insert into purchases (workspace_id, customer_id, order_id, occurred_at, amount, product, channel, row_hash, import_id)
      select ${workspaceId}, m.customer_id, s.order_id, s.occurred_at, s.amount, s.product, s.channel, 'o:' || s.order_id, ${importId}
      from import_stage s join import_map m on m.key_kind = s.key_kind and m.key = s.key
      where s.order_id is not null
      ${onConflict} returning 1)
    select count(*)::int as n from ins`,
  );
  // Without an order id a purchase is identified by its content and its occurrence among
  // identical rows, so two identical purchases on one day stay two, and a re-import adds none.
  const withoutOrder = await count(
    tx,
    sql`
    with ins as (
      insert into purchases (workspace_id, customer_id, order_id, occurred_at, amount, product, channel, row_hash, import_id)
      select ${workspaceId}, m.customer_id, null, s.occurred_at, s.amount, s.product, s.channel,
        'h:' || md5(s.key_kind || ':' || s.key || '|' || extract(epoch from s.occurred_at)::text || '|' || s.amount::text || '|' ||
          coalesce(s.product, '') || '|' || coalesce(s.channel, ''))
          || ':' || row_number() over (partition by s.key_kind, s.key, s.occurred_at, s.amount, s.product, s.channel order by s.line),
        ${importId}
      from import_stage s join import_map m on m.key_kind = s.key_kind and m.key = s.key
      where s.order_id is null
      ${onConflict} returning 1)
    select count(*)::int as n from ins`,
  );
  return withOrder + withoutOrder;
}
