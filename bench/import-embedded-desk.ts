// Does the desk keep answering while a background import runs on the embedded store (issue 17)?
// Reproduce: npx tsx bench/import-embedded-desk.ts [rows, default 200000]
//   1. writes a CSV of `rows` purchases (one customer per 10 rows, an order id each);
//   2. imports it into a fresh workspace on PGlite twice, in one transaction (as the background
//      job did before, and as the CLI does) and in committed chunks (the job now), each time with
//      a stored upload row, into its own workspace;
//   3. meanwhile asks the store `select 1` (what GET /api/health asks) 20 ms after each answer, and
//      prints the answers' latency from when each was due (p50, p99, max; the event loop's delay
//      included) and the import's time beside the load average.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateStore, openPglite, queryRows, type Db } from '../src/db/open-database.ts';
import { importTransactions } from '../src/retention/import-transactions.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';
import { writePurchaseCsv } from './support/purchase-csv.ts';

const ROWS = Number(process.argv[2] ?? 200_000);
const FILE = path.join(os.tmpdir(), `kept_bench_embedded_${process.pid}.csv`);
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function run(db: Db, label: string, chunked: boolean): Promise<void> {
  const { workspace } = await createWorkspace(db, {
    workspaceName: label,
    adminName: 'Bench',
    adminEmail: `${label}@bench.test`,
    password: 'bench-password-1',
    language: 'en',
    slug: label,
  });
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into imports (workspace_id, format, source, status) values (${workspace.id}, 'csv', 'bench', 'running')
      returning id`,
  );
  await db.execute(sql`insert into import_uploads (import_id, workspace_id, content, options)
    values (${row!.id}, ${workspace.id}, '\\x00', '{}')`);
  const latencies: number[] = [];
  let done = false;
  const pinger = (async () => {
    while (!done) {
      // From when the question was due, not when it could be sent: a transaction of PGlite's runs
      // on this thread, so a request waits for the event loop as well as for the connection.
      const due = performance.now() + 20;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await db.execute(sql`select 1`);
      latencies.push(performance.now() - due);
    }
  })();
  const t0 = performance.now();
  const report = await importTransactions(db, {
    workspaceId: workspace.id,
    importId: row!.id,
    format: 'csv',
    source: 'bench.csv',
    input: fs.createReadStream(FILE),
    now: new Date('2025-01-01T00:00:00Z'),
    ...(chunked ? { chunked: {} } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await pinger;
  const sorted = [...latencies].sort((a, b) => a - b);
  log(
    `${label}: ${seconds.toFixed(1)} s, ${report.imported} imported (${report.status}); select 1 answered ${sorted.length}×, ` +
      `p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p99 ${quantile(sorted, 0.99).toFixed(0)} ms, ` +
      `max ${sorted.at(-1)!.toFixed(0)} ms (load ${load()})`,
  );
}

async function main(): Promise<void> {
  await writePurchaseCsv(FILE, ROWS);
  const store = await openPglite(null);
  try {
    await migrateStore(store);
    log(`${ROWS.toLocaleString('en')} rows on PGlite (in memory); load average before: ${load()}`);
    await run(store.db as Db, 'one-transaction', false);
    await run(store.db as Db, 'committed-chunks', true);
  } finally {
    fs.rmSync(FILE, { force: true });
    await store.close();
  }
}

await main();
