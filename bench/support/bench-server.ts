/**
 * A Kept server for the benchmarks, started as a child process by bench/*.ts so the load
 * generator does not share the server's event loop. It is `startKept` (src/http/start-server.ts)
 * unrolled so that, before listening, it can add bench-only routes:
 *   POST /api/v1/bench/inbound-light  the same receiveCustomerMessage as POST /api/v1/cases and
 *                                     POST /api/v1/cases/:id/messages, answering { caseId, messageId }
 *                                     instead of the whole case detail;
 *   GET  /api/v1/bench/sql            statements sent to PostgreSQL since the last reset (with ?reset=1).
 * Env: DATABASE_URL or KEPT_DATA_DIR (as `kept serve`); KEPT_BENCH_PROBE=1 for the bare-insert route.
 * Prints one JSON line {"url","pid"} on stdout when listening; stops cleanly on SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { readConfig } from '../../src/config/kept-config.ts';
import { openStore } from '../../src/db/open-database.ts';
import { cases } from '../../src/db/schema.ts';
import { startJobs } from '../../src/jobs/start-jobs.ts';
import { JOB_DEFINITIONS } from '../../src/jobs/definitions/job-definitions.ts';
import type { DeskContext } from '../../src/jobs/desk-context.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { requireStaff } from '../../src/http/staff-auth.ts';
import { typed } from '../../src/http/route-kit.ts';
import { receiveCustomerMessage } from '../../src/cases/receive-customer-message.ts';
import { KeptError, notFound } from '../../src/errors/kept-error.ts';
import { receiveCustomerMessageMerged } from './receive-merged.ts';

// Statement counter (PostgreSQL only): wraps pg.Client#query, which both the app's pool and
// pg-boss go through. Keyed by the statement text with whitespace collapsed.
const statements = new Map<string, number>();
let counting = false;
if (process.env.BENCH_COUNT_SQL === '1') {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
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
const jobs = await startJobs(store);
// Workaround, not a fix (src/ is not ours to edit): startJobs calls boss.createQueue after
// boss.start(), and createQueue evicts the queue from pg-boss's cache. The first boss.send of
// each timer inside a transaction then looks the queue up through pg-boss's own connection;
// on PGlite (one connection) that waits for the very transaction that waits for it, and the
// server hangs for good (every POST /api/v1/cases). A harmless call that goes through
// getQueueCache, outside any transaction, fills the cache first. See docs/BENCHMARKS.md.
for (const definition of JOB_DEFINITIONS) await jobs.boss.deleteJob(definition.name, randomUUID());
const ctx: DeskContext = { db: store.db, timers: jobs.timers, now: () => new Date(), publicUrl: config.publicUrl };
const app = await buildApp({ ctx, store, config, jobsHealthy: jobs.healthy });

const inboundBody = z.strictObject({
  caseId: z.uuid().optional(),
  customer: z.strictObject({ name: z.string().min(1).max(200), email: z.email() }).optional(),
  channel: z.enum(['web', 'email', 'chat']).default('web'),
  body: z.string().trim().min(1).max(20_000),
  merged: z.boolean().default(false),
});
typed(app).post('/api/v1/bench/inbound-light', { schema: { hide: true, body: inboundBody } }, async (request, reply) => {
  const staff = requireStaff(request);
  const { caseId, channel, body, merged } = request.body;
  let customer: { id?: string; name?: string; email?: string };
  if (caseId && merged) {
    customer = {}; // the merged prototype reads the customer with the case, in the same statement
  } else if (caseId) {
    // What POST /cases/:id/messages needs from the case is only its customer: one small query
    // instead of the whole case detail.
    const [row] = await ctx.db
      .select({ customerId: cases.customerId })
      .from(cases)
      .where(and(eq(cases.workspaceId, staff.workspaceId), eq(cases.id, caseId)));
    if (!row) throw notFound('The case');
    customer = { id: row.customerId };
  } else if (request.body.customer) {
    customer = request.body.customer;
  } else {
    throw new KeptError('request.invalid', 'caseId or customer', { field: 'customer' });
  }
  const input = { workspaceId: staff.workspaceId, ...(caseId ? { caseId } : {}), customer, channel, body, loggedByUserId: caseId ? staff.userId : null };
  const result = merged ? await receiveCustomerMessageMerged(ctx, store, input) : await receiveCustomerMessage(ctx, input);
  return reply.status(201).send({ caseId: result.caseRow.id, messageId: result.messageId, reference: result.reference });
});

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
