// The import's Node side alone (issue 17): reading, validating and staging a purchase file with
// COPY (stageFile), against psql's \copy of the same file, in the same run; and how late the
// process answers while it runs. Reproduce: npx tsx bench/import-stage.ts [rows, default 1000000]
//   1. writes a CSV of `rows` purchases (bench/support/purchase-csv.ts) and times `psql \copy` of it
//      into a bare unlogged table (the baseline);
//   2. stages it BENCH_ROUNDS times (default 2) in a transaction rolled back, from the file held in
//      memory as a background import holds its stored upload, with the reader chosen by
//      BENCH_STAGE_READER (auto | worker | thread);
//   3. meanwhile asks `select 1` every 20 ms on the pool, open loop (each answer timed from when it
//      was due, as an outside client would see it), and prints p50/p99/max against the same probe
//      with nothing staging, and the event loop's longest delay.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { migrateStore, openPostgres, queryRows, type Db } from '../src/db/open-database.ts';
import { stageFile } from '../src/retention/import-stage.ts';
import type { ImportReport } from '../src/retention/import-types.ts';
import { dropDatabase, fmt, percentile, pgUrl, recreateDatabase } from './support/bench-kit.ts';
import { writePurchaseCsv } from './support/purchase-csv.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const READER = (process.env.BENCH_STAGE_READER ?? 'auto') as 'auto' | 'worker' | 'thread';
const NAME = `kept_bench_stage_${process.pid}`;
const FILE = path.join(os.tmpdir(), `${NAME}.csv`);
const INTERVAL_MS = 20;

const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

class RolledBack extends Error {}

/** `select 1` every INTERVAL_MS, each timed from when it was due, until stop() is called. */
function probe(pool: { query(text: string): Promise<unknown> }) {
  const ms: number[] = [];
  const started = performance.now();
  let due = started;
  let stopped = false;
  const pending: Promise<void>[] = [];
  const loop = (async () => {
    while (!stopped) {
      const at = due;
      pending.push(pool.query('select 1').then(() => void ms.push(performance.now() - at)));
      due += INTERVAL_MS;
      // Requests that fell due while the loop was held are sent at once, as an outside client's would be waiting.
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await Promise.all(pending);
      return `${ms.length} asked, p50 ${fmt(percentile(ms, 50), 1)} ms, p99 ${fmt(percentile(ms, 99), 1)} ms, max ${fmt(Math.max(...ms), 1)} ms`;
    },
  };
}

function* pieces(content: Buffer): Generator<Buffer> {
  for (let at = 0; at < content.length; at += 1 << 16) yield content.subarray(at, at + (1 << 16));
}

async function main(): Promise<void> {
  await recreateDatabase(NAME);
  const store = await openPostgres(pgUrl(NAME));
  try {
    await migrateStore(store);
    const db = store.db as Db;
    await writePurchaseCsv(FILE, ROWS);
    const content = fs.readFileSync(FILE);
    log(`${ROWS.toLocaleString('en')} rows (${(content.length / 1e6).toFixed(0)} MB); reader ${READER}`);
    await store.pool!.query('create unlogged table bench_copy (c text, d date, a numeric, o text, ch text)');
    log(`load average before: ${load()}`);
    const quiet = probe(store.pool!);
    await new Promise((r) => setTimeout(r, 5000));
    log(`select 1, nothing staging (5 s): ${await quiet.stop()}`);
    for (let round = 1; round <= ROUNDS; round++) {
      await store.pool!.query('truncate bench_copy');
      let t0 = performance.now();
      execFileSync('psql', [pgUrl(NAME), '-q', '-c', `\\copy bench_copy from '${FILE}' csv header`]);
      const copy = (performance.now() - t0) / 1000;
      const report = { rowsRead: 0, purchasesInFile: 0, skipped: 0, problems: [] } as unknown as ImportReport;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const busy = probe(store.pool!);
      t0 = performance.now();
      let staged = 0;
      await db
        .transaction(async (tx) => {
          await stageFile(
            tx as unknown as Db,
            {
              workspaceId: '00000000-0000-0000-0000-000000000000',
              format: 'csv',
              source: 'bench.csv',
              input: Readable.from(pieces(content)),
              now: new Date(),
              sizeBytes: content.length,
              ...(READER === 'auto' ? {} : { reader: READER }),
            },
            report,
          );
          staged = (
            await queryRows<{ n: number }>(tx as unknown as Db, sql`select count(*)::int as n from import_stage`)
          )[0]!.n;
          throw new RolledBack();
        })
        .catch((error) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      const stage = (performance.now() - t0) / 1000;
      delay.disable();
      log(
        `round ${round}: \\copy ${copy.toFixed(2)} s; stage ${stage.toFixed(2)} s (${staged} rows staged, ` +
          `${report.rowsRead} read) = ${(stage / copy).toFixed(1)}× \\copy (load ${load()})`,
      );
      log(`  select 1 while staging: ${await busy.stop()}; event loop delay max ${(delay.max / 1e6).toFixed(0)} ms`);
    }
  } finally {
    fs.rmSync(FILE, { force: true });
    await store.close();
    await dropDatabase(NAME);
  }
}

await main();
