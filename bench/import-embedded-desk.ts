// Does the desk keep answering while a background import runs on the embedded store (issue 17)?
// Reproduce: flock /tmp/kept-bench.lock npx tsx bench/import-embedded-desk.ts [rows, default 200000] [chunk rows]
//   1. writes a CSV of `rows` purchases (one customer per 10 rows, an order id each);
//   2. imports it on a fresh PGlite (in memory) twice, each with a stored upload row: in one
//      transaction (the CLI's way, and the background job's before) and in committed chunks (the
//      job's way on PGlite);
//   3. meanwhile a `select 1` (what GET /api/health asks) falls due every 20 ms whatever happens
//      (open loop: a request arriving during a long hold waits for it, so a wait of 1 s counts as
//      the 50 requests it delays), and prints their latency from when each fell due (p50, p99,
//      max), the import's time, its steps, and the longest holds of the store with their
//      statement (bench/support/pglite-holds.ts), beside the load average.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateStore, openPglite, queryRows, type Db } from '../src/db/open-database.ts';
import { importTransactions } from '../src/retention/import-transactions.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';
import { watchHolds, type Hold } from './support/pglite-holds.ts';
import { writePurchaseCsv } from './support/purchase-csv.ts';

const ROWS = Number(process.argv[2] ?? 200_000);
const CHUNK_ROWS = process.argv[3] ? Number(process.argv[3]) : undefined;
const EVERY_MS = 20;
const FILE = path.join(os.tmpdir(), `kept_bench_embedded_${process.pid}.csv`);
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** `select 1` due every 20 ms from now on; each latency counted from when it fell due. */
function openLoopPinger(db: Db): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  const asked: Promise<unknown>[] = [];
  const start = performance.now();
  let k = 0;
  const ask = () => {
    const now = performance.now();
    for (let due = start + k * EVERY_MS; due <= now; due = start + ++k * EVERY_MS) {
      const from = due;
      asked.push(db.execute(sql`select 1`).then(() => latencies.push(performance.now() - from)));
    }
  };
  const timer = setInterval(ask, EVERY_MS / 2);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(asked);
      return latencies;
    },
  };
}

async function run(label: string, chunked: boolean): Promise<void> {
  const store = await openPglite(null);
  try {
    await migrateStore(store);
    const db = store.db as Db;
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
    const watch = watchHolds(store.pglite!);
    const pinger = openLoopPinger(db);
    const steps: string[] = [];
    const t0 = performance.now();
    const report = await importTransactions(db, {
      workspaceId: workspace.id,
      importId: row!.id,
      format: 'csv',
      source: 'bench.csv',
      input: fs.createReadStream(FILE),
      now: new Date('2025-01-01T00:00:00Z'),
      onStep: (name, seconds) => steps.push(`${name} ${seconds.toFixed(2)} s`),
      ...(chunked ? { chunked: CHUNK_ROWS ? { chunkRows: CHUNK_ROWS } : {} } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    const sorted = (await pinger.stop()).sort((a, b) => a - b);
    watch.stop();
    log(
      `${label}: ${seconds.toFixed(1)} s, ${report.imported} imported (${report.status}); select 1 asked ${sorted.length}×, ` +
        `p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p99 ${quantile(sorted, 0.99).toFixed(0)} ms, ` +
        `max ${sorted.at(-1)!.toFixed(0)} ms, over 200 ms ${sorted.filter((l) => l > 200).length}× (load ${load()})`,
    );
    log(`  steps: ${steps.join('; ')}`);
    describeHolds(watch.holds.filter((h) => h.slowestSql !== 'select 1'));
  } finally {
    await store.close();
  }
}

function describeHolds(holds: Hold[]): void {
  const ms = holds.map((h) => h.ms).sort((a, b) => a - b);
  log(
    `  the import's holds of the store: ${holds.length}, p50 ${quantile(ms, 0.5).toFixed(0)} ms, ` +
      `p99 ${quantile(ms, 0.99).toFixed(0)} ms, over 100 ms ${ms.filter((m) => m > 100).length}×, ` +
      `in all ${(ms.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`,
  );
  for (const h of [...holds].sort((a, b) => b.ms - a.ms).slice(0, 12)) {
    log(
      `  ${h.ms.toFixed(0).padStart(6)} ms at ${(h.at / 1000).toFixed(1)} s, ${h.calls} calls, slowest ` +
        `${h.slowestMs.toFixed(0)} ms: ${h.slowestSql}`,
    );
  }
}

async function main(): Promise<void> {
  await writePurchaseCsv(FILE, ROWS);
  try {
    log(`${ROWS.toLocaleString('en')} rows on PGlite (in memory); load average before: ${load()}`);
    if (!process.env['ONLY_CHUNKED']) await run('one-transaction', false);
    await run('committed-chunks', true);
  } finally {
    fs.rmSync(FILE, { force: true });
  }
}

await main();
