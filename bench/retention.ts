// Retention at scale on PostgreSQL. Reproduce: npx tsx bench/retention.ts [rows, default 10000000] [import rows, default rows]
//   (a) `kept import transactions` rows/s on a CSV of `import rows` lines, beside psql's \copy of the
//       same file into a bare table (the floor: no validation, no customers, no dedup);
//   (b) purchases simulated in SQL from BG/NBD + Gamma-Gamma (rows/10 customers, ≈ rows
//       purchases; simulate-purchases-sql.ts) → per-customer summary (SQL group by) →
//       BG/NBD + Pareto/NBD + Gamma-Gamma fits → CLV and risk for everyone;
//   (c) each dashboard query (cohorts, Pareto, complaint rate) at that size;
//   (d) the at-risk list's first page right after the scoring (from the saved head), a page past
//       the head (the scan it replaces) and the service-only scope.
// Databases are named kept_bench_retention_* and dropped at the end; the CSV is deleted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateStore, openPostgres, type Db } from '../src/db/open-database.ts';
import { importTransactions } from '../src/retention/import-transactions.ts';
import { bulkParts } from '../src/retention/customer-id-ranges.ts';
import { rebuildSummary } from '../src/retention/rebuild-retention.ts';
import { refreshRollups } from '../src/retention/refresh-rollups.ts';
import { refreshScores } from '../src/retention/refresh-scores.ts';
import { listAtRisk } from '../src/retention/customer-risk.ts';
import { cohortsReport } from '../src/retention/report-cohorts.ts';
import { complaintRateReport } from '../src/retention/report-complaint-rate.ts';
import { paretoReport } from '../src/retention/report-pareto.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';
import { simulatePurchases, TRUE_BGNBD, TRUE_GG } from './simulate-purchases-sql.ts';

const ROWS = Number(process.argv[2] ?? 10_000_000);
/** (a) can be run smaller than (b)/(c) when time is short: `bench/retention.ts 10000000 2000000` */
const IMPORT_ROWS = Number(process.argv[3] ?? ROWS);
const CUSTOMERS = Math.max(1, Math.floor(ROWS / 10));
const IMPORT_CUSTOMERS = Math.max(1, Math.floor(IMPORT_ROWS / 10));
const ADMIN_URL = process.env.KEPT_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `kept_bench_retention_${process.pid}`;
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const FILE = path.join(os.tmpdir(), `${NAME}.csv`);
const NOW = new Date('2025-01-01T00:00:00Z');

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const log = (s: string) => process.stdout.write(`${s}\n`);

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

/** A streaming generator: customers buy every ~36 days over two years, as text, with backpressure. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write('customer_id,date,amount,order_id,channel\n');
  const base = Date.UTC(2023, 0, 1) / 86_400_000;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const c = i % IMPORT_CUSTOMERS;
    const k = Math.floor(i / IMPORT_CUSTOMERS);
    const day = base + ((c * 7) % 365) + k * 36;
    chunk += `c${c},${new Date(day * 86_400_000).toISOString().slice(0, 10)},${((c * 31 + k * 17) % 9000) / 100 + 5},o${i},${c % 3 === 0 ? 'store' : 'web'}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${NAME} with (force)`);
  await admin(`create database ${NAME}`);
  const store = await openPostgres(URL);
  try {
    await migrateStore(store);
    const db = store.db as Db;
    const ws = async (slug: string) =>
      (
        await createWorkspace(db, {
          workspaceName: slug,
          adminName: 'Bench',
          adminEmail: `${slug}@bench.test`,
          password: 'bench-password-1',
          language: 'en',
          slug,
        })
      ).workspace.id;

    // (a) Import against COPY.
    let t0 = performance.now();
    await writeCsv(FILE, IMPORT_ROWS);
    log(
      `wrote ${IMPORT_ROWS.toLocaleString('en')} rows (${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB) in ${seconds(t0).toFixed(1)} s`,
    );
    await store.pool!.query(
      'create unlogged table bench_copy (customer_id text, date date, amount numeric, order_id text, channel text)',
    );
    t0 = performance.now();
    execFileSync('psql', [URL, '-q', '-c', `\\copy bench_copy from '${FILE}' csv header`], { stdio: 'inherit' });
    const copy = seconds(t0);
    log(`(a) psql \\copy: ${copy.toFixed(1)} s = ${Math.round(IMPORT_ROWS / copy).toLocaleString('en')} rows/s`);
    await store.pool!.query('drop table bench_copy');
    const importWs = await ws('bench-import');
    t0 = performance.now();
    const report = await importTransactions(db, {
      workspaceId: importWs,
      format: 'csv',
      source: 'bench.csv',
      input: fs.createReadStream(FILE),
      now: NOW,
      onStep: (step, s) => log(`    import step: ${step} ${s.toFixed(1)} s`),
    });
    const imp = seconds(t0);
    log(
      `(a) kept import: ${imp.toFixed(1)} s = ${Math.round(IMPORT_ROWS / imp).toLocaleString('en')} rows/s (${report.imported} imported, ${report.customersCreated} customers; ${(imp / copy).toFixed(1)}× COPY)`,
    );
    fs.rmSync(FILE, { force: true });

    // (b) From purchases in the database to CLV and risk for every customer.
    const w = await ws('bench-clv');
    t0 = performance.now();
    const generated = await simulatePurchases(store.pool!, w, CUSTOMERS);
    log(
      `(b) simulated ${generated.toLocaleString('en')} purchases for ${CUSTOMERS.toLocaleString('en')} customers in SQL in ${seconds(t0).toFixed(1)} s (not timed below)`,
    );
    log(`    true parameters: BG/NBD ${JSON.stringify(TRUE_BGNBD)}; Gamma-Gamma ${JSON.stringify(TRUE_GG)}`);
    const start = performance.now();
    t0 = performance.now();
    await rebuildSummary(db, w, bulkParts(db)); // as `kept retention rebuild` does
    const summary = seconds(t0);
    t0 = performance.now();
    const fit = await refreshScores(db, w, NOW);
    const scoring = seconds(t0);
    const total = seconds(start);
    log(
      `(b) full summary rebuild in SQL ${summary.toFixed(1)} s; scores ${fit.seconds.total.toFixed(1)} s (groups ${fit.seconds.groups}, fits ${fit.seconds.fit}, per-group scoring ${fit.seconds.score}, writing CLV+risk ${fit.seconds.write}); ${fit.groups.toLocaleString('en')} distinct (x, t_x, T)`,
    );
    log(
      `(b) scoring as the job runs it after an import (summary already maintained by the import; incl. early-churn and CLV rollups) ${scoring.toFixed(1)} s`,
    );
    log(
      `(b) END TO END with a full summary rebuild ${total.toFixed(1)} s for ${fit.customers.toLocaleString('en')} customers (target ≤ 30 s)`,
    );
    log(
      `    BG/NBD ${JSON.stringify(fit.bgnbd.params)}; Pareto/NBD ${JSON.stringify(fit.paretoNbd.params)}; Gamma-Gamma ${JSON.stringify(fit.gammaGamma.params)}`,
    );
    // Each fit's time from the start of the fits and its evaluations: a slow "fits" names its model.
    log(
      `    fits: ${Object.entries(fit.fits)
        .map(([model, f]) => `${model} ${f.seconds} s / ${f.evaluations ?? '–'} evaluations`)
        .join('; ')}`,
    );

    // Bytes per row on disk, heap and indexes: what SCALING.md extrapolates storage from.
    for (const table of ['purchases', 'customer_value', 'customer_scores']) {
      const { rows } = await store.pool!.query<{ bytes: string; n: string }>(
        `select pg_total_relation_size('${table}') as bytes, (select count(*) from ${table}) as n`,
      );
      const { bytes, n } = rows[0]!;
      log(
        `    ${table}: ${(Number(bytes) / 1e9).toFixed(2)} GB for ${Number(n).toLocaleString('en')} rows = ${Math.round(Number(bytes) / Math.max(1, Number(n)))} bytes a row`,
      );
    }

    // (d) The at-risk list right after the scoring, as a user opening the screen sees it: the
    // first page from the head the scoring saved, against the scan it replaces (same run).
    for (const [name, run] of [
      ['first page (head), first load', () => listAtRisk(db, w, { limit: 50, offset: 0, minRisk: 20 })],
      ['first page (head), again', () => listAtRisk(db, w, { limit: 50, offset: 0, minRisk: 20 })],
      ['page 30 (beyond the head: scan and top-N)', () => listAtRisk(db, w, { limit: 50, offset: 1_500, minRisk: 20 })],
      ['service risk only', () => listAtRisk(db, w, { limit: 50, offset: 0, minRisk: 20, scope: 'service-only' })],
    ] as const) {
      t0 = performance.now();
      const page = await run();
      log(
        `(d) at-risk ${name}: ${(seconds(t0) * 1000).toFixed(0)} ms (target < 1,000 ms; ${page.total.toLocaleString('en')} at risk)`,
      );
    }

    // (c) Dashboards at that size.
    t0 = performance.now();
    await refreshRollups(db, w, NOW);
    log(
      `(c) rollups (cohort cells, yearly churn, activity spans, Lorenz, early churn) ${seconds(t0).toFixed(1)} s, once per import/refresh`,
    );
    for (const [name, run] of [
      ['cohorts', () => cohortsReport(db, w, 'gap', NOW)],
      ['pareto', () => paretoReport(db, w)],
      ['complaint rate', () => complaintRateReport(db, w, NOW)],
    ] as const) {
      await run();
      t0 = performance.now();
      await run();
      log(`(c) ${name}: ${(seconds(t0) * 1000).toFixed(0)} ms (target ≤ 1,000 ms)`);
    }
  } finally {
    await store.close();
    fs.rmSync(FILE, { force: true });
    await admin(`drop database if exists ${NAME} with (force)`);
  }
}

await main();
