// An import on the embedded store (PGlite) in committed chunks (issue 17). PGlite has one
// connection: an import in one transaction held it, and the desk, until the import ended. Here
// the file is staged in small COPYs into a temporary table kept for the session (each its own
// transaction) and validated whole before anything is written; then customers and purchases go
// in one transaction per chunk of customers (the same statements as the one-transaction import,
// import-steps.ts, over a chunk's rows), each tagged by the import's id; the desk's requests run
// between transactions. All or nothing as seen from outside:
// - the reports and the at-risk list read the per-customer summary (customer_value) and what is
//   computed from it; it is refreshed for the import's customers in one last transaction, and
//   until then a summary refreshed for another reason leaves out purchases of an import still
//   being applied (their upload's `purchases_after` is set: refresh-customer-value.ts);
// - a cancel, a failure or a crash undoes what was applied, by the import's id (import-undo.ts;
//   a crash when the job is retried at start-up), and the upload is kept until that is done.
// A chunk holds whole customers (a hash bucket range of the customer key), so the per-customer
// numbering of identical rows without an order id is the same as in one transaction; re-importing
// stays idempotent through purchases' unique (workspace_id, row_hash).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';
import type { ImportPhase } from '../kernel/domain-words.ts';
import { refreshCustomerValue } from './refresh-customer-value.ts';
import { stageFile } from './import-stage.ts';
import { writePurchases } from './import-steps.ts';
import { checkCancel, Rejected, type ImportOptions, type ImportReport } from './import-types.ts';
import { letRequestsRun, undoImport } from './import-undo.ts';

/** Rows per transaction by default: about a quarter of a second of the embedded store's time each. */
const CHUNK_ROWS = 5_000;
const BUCKET = sql.raw(`(hashtext(coalesce(key, '')) & 4095)`);

export interface ChunkSteps {
  /** the timed step just finished */
  step(name: string): void;
  phase(phase: ImportPhase): void;
}

export async function applyInChunks(
  db: Db,
  options: ImportOptions,
  report: ImportReport,
  importId: string,
  steps: ChunkSteps,
): Promise<void> {
  const suffix = importId.replace(/-/g, '');
  const stage = sql.raw(`import_stage_${suffix}`);
  const touched = sql.raw(`import_touched_${suffix}`);
  try {
    await stageFile(db, options, report, { table: `import_stage_${suffix}`, keep: true });
    steps.step('read, validate, stage');
    if (report.skipped > 0 && !options.skipBadRows) throw new Rejected();
    await db.execute(sql`create index on ${stage} (${BUCKET})`);
    await db.execute(sql`create temp table ${touched} (customer_id uuid) on commit preserve rows`);
    const chunks = await planChunks(db, stage, options.chunked?.chunkRows ?? CHUNK_ROWS);
    steps.phase('purchases');
    for (const [lo, hi] of chunks) {
      checkCancel(options.signal);
      await letRequestsRun();
      checkCancel(options.signal);
      const part = await applyChunk(db, options.workspaceId, importId, { stage, touched, lo, hi });
      report.customersCreated += part.customersCreated;
      report.customersMatched += part.customersMatched;
      report.imported += part.imported;
    }
    report.duplicates = Math.max(0, report.purchasesInFile - report.imported);
    steps.step(`customers and purchases, ${chunks.length} transactions`);
    checkCancel(options.signal);
    await letRequestsRun();
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      // The import is whole: its purchases count from this commit on (first, so the summary below
      // sees them), and nothing is left to undo.
      await tx.execute(sql`update import_uploads set purchases_after = null where import_id = ${importId}`);
      await tx.execute(sql`delete from import_created_customers where import_id = ${importId}`);
      await tx.execute(sql`create temp table import_map on commit drop as select distinct customer_id from ${touched}`);
      await refreshCustomerValue(tx, options.workspaceId, 'import_map');
    });
    steps.step('customer summary');
  } catch (error) {
    await undoImport(db, importId);
    throw error;
  } finally {
    await db.execute(sql`drop table if exists ${stage}, ${touched}`);
  }
}

/** Ranges of hash buckets of the customer key, each with about `chunkRows` staged rows. */
async function planChunks(db: Db, stage: ReturnType<typeof sql.raw>, chunkRows: number): Promise<[number, number][]> {
  const buckets = await queryRows<{ b: number; n: number }>(
    db,
    sql`select ${BUCKET} as b, count(*)::int as n from ${stage} group by 1 order by 1`,
  );
  const chunks: [number, number][] = [];
  let lo: number | null = null;
  let rows = 0;
  for (const { b, n } of buckets) {
    lo ??= Number(b);
    rows += Number(n);
    if (rows >= chunkRows) {
      chunks.push([lo, Number(b)]);
      lo = null;
      rows = 0;
    }
  }
  if (lo !== null) chunks.push([lo, 4095]);
  return chunks;
}

interface ChunkTables {
  stage: ReturnType<typeof sql.raw>;
  touched: ReturnType<typeof sql.raw>;
  lo: number;
  hi: number;
}

async function applyChunk(db: Db, workspaceId: string, importId: string, chunk: ChunkTables) {
  const part = { customersCreated: 0, customersMatched: 0, imported: 0, duplicates: 0, purchasesInFile: 0 };
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Before the first purchase: the mark its undo deletes above (kept by the next chunks).
    const [marked] = await queryRows<{ id: string }>(
      tx,
      sql`update import_uploads set purchases_after = coalesce(purchases_after, (select coalesce(max(id), 0) from purchases))
        where import_id = ${importId} returning import_id as id`,
    );
    if (!marked) throw new Error('An import applied in chunks needs its stored upload (import_uploads)');
    await tx.execute(sql`
      create temp table import_stage on commit drop as
      select * from ${chunk.stage} where ${BUCKET} between ${chunk.lo} and ${chunk.hi}`);
    await tx.execute(sql`analyze import_stage`);
    // PGlite has no autovacuum: without fresh statistics the customers this import added are
    // planned as none (nested loops), and each chunk took longer than the last (0.6 → 2.1 s per
    // 5,000 rows; 63 s against 8.7 s for 60,000 rows). ANALYZE samples, a few milliseconds.
    await tx.execute(sql`analyze customers`);
    await writePurchases(tx, workspaceId, importId, part as ImportReport, () => undefined);
    // The customers this transaction inserted (their row's xmin is its id), to undo them by the import's id.
    await tx.execute(sql`
      insert into import_created_customers (import_id, customer_id)
      select ${importId}, c.id from import_map m join customers c on c.id = m.customer_id
      where c.workspace_id = ${workspaceId} and c.xmin = pg_current_xact_id()::xid
      on conflict do nothing`);
    await tx.execute(
      sql`insert into ${chunk.touched} select customer_id from import_map where customer_id is not null`,
    );
  });
  return part;
}
