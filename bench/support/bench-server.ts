/**
 * A Kept server for the benchmarks, started as a child process by bench/*.ts so the load
 * generator does not share the server's event loop. It is `startKept` (src/http/start-server.ts)
 * unrolled so that, before listening, it can add a bench-only route:
 *   GET  /api/v1/bench/sql            statements sent to PostgreSQL since the last reset (with ?reset=1).
 * Env: DATABASE_URL or KEPT_DATA_DIR (as `kept serve`); KEPT_BENCH_PROBE=1 for the bare-insert route;
 * KEPT_JOBS=on to work the background jobs (off by default: the benches time requests alone);
 * BENCH_EXPERIMENT_SQL: SQL run once after the migrations (an A/B of a schema change before writing its migration).
 * Prints one JSON line {"url","pid"} on stdout when listening; stops cleanly on SIGTERM.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { readConfig } from '../../src/config/kept-config.ts';
import { openStore } from '../../src/db/open-database.ts';
import { startJobs } from '../../src/jobs/start-jobs.ts';
import type { DeskContext } from '../../src/kernel/desk-context.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { requireStaff } from '../../src/http/staff-auth.ts';

// Statement counter (PostgreSQL only): wraps pg.Client#query, which both the app's pool and
// pg-boss go through. Keyed by the statement text with whitespace collapsed.
const statements = new Map<string, number>();
let counting = false;
if (process.env.BENCH_COUNT_SQL === '1') {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: unknown,
    ...args: unknown[]
  ) {
    if (counting) {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '?');
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 160);
      statements.set(key, (statements.get(key) ?? 0) + 1);
    }
    return original.apply(this, args);
  };
}

const config = readConfig(process.env, { port: 0, host: '127.0.0.1', runJobs: false, logLevel: 'warn' });
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (process.env.BENCH_EXPERIMENT_SQL) await store.db.execute(sql.raw(process.env.BENCH_EXPERIMENT_SQL));
const jobs = await startJobs(store);
const ctx: DeskContext = { db: store.db, timers: jobs.timers, now: () => new Date(), publicUrl: config.publicUrl };
const app = await buildApp({ ctx, store, config, jobsHealthy: jobs.healthy });
// Timers only fire when asked for (KEPT_JOBS=on): a bench that uploads an import needs its job run.
if (process.env.KEPT_JOBS === 'on') await jobs.work(ctx);

app.get('/api/v1/bench/sql', { schema: { hide: true } }, async (request) => {
  requireStaff(request);
  const query = request.query as { reset?: string; count?: string };
  const rows = [...statements.entries()].sort((a, b) => b[1] - a[1]).map(([sql, n]) => ({ n, sql }));
  if (query.reset === '1') statements.clear();
  if (query.count === 'on') counting = true;
  if (query.count === 'off') counting = false;
  return { rows, enabled: process.env.BENCH_COUNT_SQL === '1' };
});

const address = await app.listen({ host: config.host, port: 0 });
process.stdout.write(`${JSON.stringify({ url: address, pid: process.pid, store: store.kind })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  counting = false;
  try {
    await app.close();
    await jobs.stop();
    await store.close();
  } finally {
    process.exit(0);
  }
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// Spawned by a bench script with a stdin pipe: if the parent dies, the pipe closes and we stop too.
if (process.env.BENCH_WATCH_STDIN === '1') {
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}
