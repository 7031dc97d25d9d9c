// An import on the embedded store (PGlite) in committed chunks (issue 17). PGlite has one
// connection: an import in one transaction held it, and the desk, until the import ended. Here
// the file is staged in small COPYs into a temporary table kept for the session (each its own
// transaction) and validated whole before anything is written; then customers and purchases go
// in one transaction per chunk of customers (the same statements as the one-transaction import,
// import-steps.ts, over a chunk's rows), each tagged by the import's id; the desk's requests run
// between transactions, so each is kept short (bench/import-embedded-desk.ts). All or nothing as
// seen from outside:
// - the reports and the at-risk list read the per-customer summary (customer_value) and what is
//   computed from it. Each chunk computes its customers' summaries (refresh-customer-value.ts)
//   into a copy of that table seen only inside its transaction, and keeps them; the last
//   transaction writes them all. That summary, recomputed there from every purchase of the
//   import's customers, was the 12 s wait of a 200,000-row import. Until then a summary
//   refreshed for another reason leaves out the purchases of an import still being applied
//   (their upload's `purchases_after` is set: refresh-customer-value.ts);
// - a cancel, a failure or a crash undoes what was applied, by the import's id (import-undo.ts;
//   a crash when the job is retried at start-up), and the upload is kept until that is done.
// The customers an import creates are visible (found by search, openable) from their chunk on:
// they are what the file says exist, no report counts them before the end, and an undo deletes
// them unless the desk has meanwhile given them a case or a message (then they are kept).
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

/**
 * Rows per transaction by default. A request waits for the transaction under way: 5,000 rows held
 * the store 300–600 ms at load 6–8, 1,500 rows p50 204–238 ms at load 4.5–13 (bench/import-embedded-desk.ts).
 */
const CHUNK_ROWS = 1_500;
const BUCKETS = 65_536;
const BUCKET_EXPRESSION = `(hashtext(coalesce(key, '')) & ${BUCKETS - 1})`;
const BUCKET = sql.raw(BUCKET_EXPRESSION);

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
  const summaries = sql.raw(`import_summaries_${suffix}`);
  try {
    // The chunks' index is built as the rows are staged: built afterwards, in one statement over
    // the whole file, it held the store 2 s at 200,000 rows (load 15).
    await stageFile(db, options, report, { table: `import_stage_${suffix}`, keep: true, index: BUCKET_EXPRESSION });
    steps.step('read, validate, stage');
    if (report.skipped > 0 && !options.skipBadRows) throw new Rejected();
    // With the chunk that computed each: a customer found by two keys (an external id and an
    // email) is in two chunks, and the later one's summary has both's purchases.
    await db.execute(sql`create temp table ${summaries} (like customer_value, chunk integer) on commit preserve rows`);
    const chunks = planChunks(report.purchasesInFile, options.chunked?.chunkRows ?? CHUNK_ROWS);
    steps.phase('purchases');
    let analyzedAt = -1;
    for (const [index, [lo, hi]] of chunks.entries()) {
      checkCancel(options.signal);
      await letRequestsRun();
      checkCancel(options.signal);
      // PGlite has no autovacuum: without fresh statistics the customers this import added are
      // planned as none (nested loops), and each chunk took longer than the last (0.6 → 2.1 s per
      // 5,000 rows). ANALYZE samples up to 30,000 rows, tens of ms: before the first chunk, then
      // each time the customers created have doubled, so estimates stay within 2× at few ANALYZEs.
      const analyze = analyzedAt < 0 || report.customersCreated > 2 * analyzedAt + 1_000;
      if (analyze) analyzedAt = report.customersCreated;
      const part = await applyChunk(db, options.workspaceId, importId, { stage, summaries, index, lo, hi, analyze });
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
      // The import is whole: its purchases count from this commit on, with its customers'
      // summaries, and nothing is left to undo.
      await tx.execute(sql`update import_uploads set purchases_after = null where import_id = ${importId}`);
      await tx.execute(sql`delete from import_created_customers where import_id = ${importId}`);
      await writeSummaries(tx, summaries);
    });
    steps.step('customer summary');
  } catch (error) {
    await undoImport(db, importId);
    throw error;
  } finally {
    await db.execute(sql`drop table if exists ${stage}, ${summaries}`);
  }
}

/**
 * Ranges of hash buckets of the customer key, each with about `chunkRows` of the file's rows when
 * the keys hash evenly (a customer's rows stay together, so one with many rows makes its chunk
 * larger). Reckoned, not counted: a count per bucket was one more statement over the whole file.
 */
export function planChunks(rows: number, chunkRows: number): [number, number][] {
  const width = Math.max(1, Math.floor((BUCKETS * chunkRows) / Math.max(1, rows)));
  const chunks: [number, number][] = [];
  for (let lo = 0; lo < BUCKETS; lo += width) chunks.push([lo, Math.min(BUCKETS, lo + width) - 1]);
  return chunks;
}

interface ChunkTables {
  stage: ReturnType<typeof sql.raw>;
  summaries: ReturnType<typeof sql.raw>;
  index: number;
  lo: number;
  hi: number;
  /** whether to ANALYZE customers first */
  analyze: boolean;
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
    if (chunk.analyze) await tx.execute(sql`analyze customers`);
    await writePurchases(tx, workspaceId, importId, part as ImportReport, () => undefined);
    // The customers this transaction inserted (their row's xmin is its id), to undo them by the import's id.
    await tx.execute(sql`
      insert into import_created_customers (import_id, customer_id)
      select ${importId}, c.id from import_map m join customers c on c.id = m.customer_id
      where c.workspace_id = ${workspaceId} and c.xmin = pg_current_xact_id()::xid
      on conflict do nothing`);
    await summarize(tx, workspaceId, importId, chunk);
  });
  return part;
}

/**
 * The summaries of the chunk's customers (import_map), with this import's purchases, kept in
 * `summaries` for the last transaction. refresh-customer-value.ts writes to customer_value and
 * leaves out pending imports (import_uploads): here both names are taken by temporary tables of
 * this transaction (a temporary table hides a table of the same name), dropped before it commits,
 * so no other statement ever sees them.
 */
async function summarize(tx: Db, workspaceId: string, importId: string, chunk: ChunkTables) {
  await tx.execute(sql`create temp table customer_value (like public.customer_value including indexes)`);
  await tx.execute(sql`
    create temp table import_uploads as select import_id, workspace_id, purchases_after
    from public.import_uploads where import_id <> ${importId}`);
  await refreshCustomerValue(tx, workspaceId, 'import_map', { analyze: false });
  await tx.execute(sql`insert into ${chunk.summaries} select *, ${chunk.index}::int from pg_temp.customer_value`);
  await tx.execute(sql`drop table pg_temp.customer_value, pg_temp.import_uploads`);
}

/** The import's summaries into customer_value, where they changed; then fresh statistics for the reports. */
async function writeSummaries(tx: Db, summaries: ReturnType<typeof sql.raw>) {
  const columns = sql.raw(SUMMARY_COLUMNS.join(', '));
  const excluded = sql.raw(SUMMARY_COLUMNS.map((c) => `excluded.${c}`).join(', '));
  const current = sql.raw(SUMMARY_COLUMNS.map((c) => `v.${c}`).join(', '));
  await tx.execute(sql`
    insert into customer_value as v (workspace_id, customer_id, ${columns})
    select distinct on (customer_id) workspace_id, customer_id, ${columns} from ${summaries} s
    -- not for a customer deleted meanwhile (with their purchases)
    where exists (select 1 from customers c where c.id = s.customer_id)
    order by customer_id, chunk desc
    on conflict (workspace_id, customer_id) do update set (${columns}) = (${excluded})
    where (${current}) is distinct from (${excluded})`);
  await tx.execute(sql`analyze customer_value`);
}

const SUMMARY_COLUMNS = [
  'first_day',
  'second_day',
  'last_day',
  'purchase_days',
  'orders',
  'revenue',
  'repeat_revenue',
  'acquisition_channel',
  'acquisition_product',
  'months',
];
