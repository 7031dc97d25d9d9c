// Purchase import speed against psql's \copy of the same file, in the same run (issue 17 part 1).
// Reproduce: npx tsx bench/import-speed.ts [rows, default 1000000]
//   1. writes a CSV of `rows` purchases (one customer per 10 rows, an order id each);
//   2. times `psql \copy` of it into a bare unlogged table (the baseline);
//   3. the floor of the schema (KEPT_BENCH_FLOOR=0 skips it): the same purchases with their
//      customer ids and row_hash resolved, written into an empty table shaped and indexed like
//      `purchases` (logged, its keys) by COPY, by INSERT … SELECT from a temporary table in file
//      order, and sorted by the (workspace, customer, time) index (bench/support/purchase-floor.ts);
//   4. times `importTransactions` of it into a fresh workspace on PostgreSQL, with its steps;
//   5. prints the ratios, and the load average beside them (the machine is shared).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateStore, openPostgres, type Db } from '../src/db/open-database.ts';
import { importTransactions } from '../src/retention/import-transactions.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';
import { writePurchaseCsv } from './support/purchase-csv.ts';
import { measureFloor } from './support/purchase-floor.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const ADMIN_URL = process.env.KEPT_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `kept_bench_import_${process.pid}`;
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const FILE = path.join(os.tmpdir(), `${NAME}.csv`);
const NOW = new Date('2025-01-01T00:00:00Z');

const AUTO_EXPLAIN = {
  'auto_explain.log_min_duration': `'300ms'`,
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_wal': 'on',
  'auto_explain.log_nested_statements': 'on',
};

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${NAME} with (force)`);
  await admin(`create database ${NAME}`);
  // KEPT_BENCH_EXPLAIN=1: every statement over 300 ms goes to the server's log with its plan,
  // timings, buffers and WAL (auto_explain), for the per-statement figures of the import's steps.
  if (process.env.KEPT_BENCH_EXPLAIN) {
    await admin(`alter database ${NAME} set session_preload_libraries = 'auto_explain'`);
    for (const [name, value] of Object.entries(AUTO_EXPLAIN))
      await admin(`alter database ${NAME} set ${name} = ${value}`);
  }
  const store = await openPostgres(URL);
  try {
    await migrateStore(store);
    const db = store.db as Db;
    const { workspace } = await createWorkspace(db, {
      workspaceName: 'bench-import',
      adminName: 'Bench',
      adminEmail: 'bench-import@bench.test',
      password: 'bench-password-1',
      language: 'en',
      slug: 'bench-import',
    });
    let t0 = performance.now();
    await writePurchaseCsv(FILE, ROWS);
    log(
      `wrote ${ROWS.toLocaleString('en')} rows (${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB) in ${seconds(t0).toFixed(1)} s`,
    );
    await store.pool!.query(
      'create unlogged table bench_copy (customer_id text, date date, amount numeric, order_id text, channel text)',
    );
    log(`load average before: ${load()}`);
    t0 = performance.now();
    execFileSync('psql', [URL, '-q', '-c', `\\copy bench_copy from '${FILE}' csv header`], { stdio: 'inherit' });
    const copy = seconds(t0);
    log(`psql \\copy: ${copy.toFixed(2)} s (load ${load()})`);
    if (process.env.KEPT_BENCH_FLOOR !== '0') {
      for (const f of await measureFloor(store.pool!, URL, workspace.id)) {
        log(`floor: ${f.name}: ${f.seconds.toFixed(2)} s = ${(f.seconds / copy).toFixed(1)}× \\copy (load ${f.load})`);
      }
    }
    await store.pool!.query('drop table bench_copy');
    t0 = performance.now();
    const report = await importTransactions(db, {
      workspaceId: workspace.id,
      format: 'csv',
      source: 'bench.csv',
      input: fs.createReadStream(FILE),
      now: NOW,
      onStep: (step, s) => log(`    import step: ${step} ${s.toFixed(2)} s`),
    });
    const imp = seconds(t0);
    log(
      `kept import: ${imp.toFixed(2)} s (${report.imported} imported, ${report.customersCreated} customers, status ${report.status}) = ${(imp / copy).toFixed(1)}× \\copy (load ${load()})`,
    );
  } finally {
    fs.rmSync(FILE, { force: true });
    await store.close();
    if (!process.env.KEPT_BENCH_KEEP) await admin(`drop database if exists ${NAME} with (force)`);
  }
}

await main();
