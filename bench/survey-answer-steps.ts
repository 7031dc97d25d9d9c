/**
 * Where a survey answer spends its time (issue 15), on the database a `BENCH_KEEP=1` run of
 * bench/surveys.ts left: `answerSurvey` called in process (no HTTP, so the machine's load on the
 * server's event loop is out of the figure), with pg-boss's real timers, on random unanswered
 * satisfaction surveys, scores 1–5 in turn; every round trip is timed by wrapping `pg.Client#query` and the pool's.
 * Prints the answers' p50/p90/p99 for low (1–2: complaint + follow-up) and good scores, the round
 * trips of a few answers, and each statement's p50/p99; beside them a bare `select 1` after each
 * answer, the same run's baseline. BENCH_AB=<another checkout> answers every other survey with that
 * checkout's answerSurvey, in this process: an A/B in one run, alternating answer by answer.
 *
 *   BENCH_DB=kept_bench_surveys BENCH_ANSWERS=200 npx tsx bench/survey-answer-steps.ts
 *   BENCH_AB=../kept-main BENCH_ANSWERS=400 npx tsx bench/survey-answer-steps.ts
 */
import { sql } from 'drizzle-orm';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../src/db/open-database.ts';
import { startJobs } from '../src/jobs/start-jobs.ts';
import { answerSurvey, signSurveyToken } from '../src/surveys/index.ts';
import { fmt, percentile, pgUrl } from './support/bench-kit.ts';

const url = pgUrl(process.env.BENCH_DB ?? 'kept_bench_surveys');
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 200);
const WARM_UP = 10;

/** The round trips of the answer being timed: [the statement's first words, ms]. */
let trips: Array<[string, number]> | null = null;
type Query = (...args: unknown[]) => unknown;
/**
 * Times the promised queries of a pg.Client (a transaction's) and of the store's pool (a statement
 * outside one); the pool's own call of a client's query takes a callback, so none is counted twice.
 */
function timeQueries(proto: { query: Query }) {
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string } | undefined;
    const text = (typeof q === 'string' ? q : (q?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 48);
    const t0 = performance.now();
    const result = query.apply(this, args);
    const log = trips;
    if (!log || !(result instanceof Promise)) return result;
    return result.then((value: unknown) => {
      log.push([text, performance.now() - t0]);
      return value;
    });
  };
}
timeQueries(pg.Client.prototype as unknown as { query: Query });

const store = await openPostgres(url);
timeQueries((store.db as unknown as { $client: { query: Query } }).$client);
const jobs = await startJobs(store);
const admin = new pg.Client({ connectionString: url });
await admin.connect();
try {
  const [ws] = (
    await admin.query<{ id: string; portal_secret: string }>(
      `select id, portal_secret from workspaces where name = 'Bench Company'`,
    )
  ).rows;
  if (!ws) throw new Error('no bench company: seed with bench/surveys.ts and BENCH_KEEP=1 first');
  const { rows } = await admin.query<{ id: string }>(
    `select id from survey_requests where workspace_id = $1 and status = 'sent' and kind = 'satisfaction'
     order by md5(id::text || 'steps') limit $2`,
    [ws.id, ANSWERS + WARM_UP],
  );
  const ctx = { db: store.db, timers: jobs.timers, now: () => new Date(), publicUrl: '' };
  // BENCH_AB: another checkout's answerSurvey, in this process on the same store, every other answer.
  const sides: Array<[string, typeof answerSurvey]> = [['this checkout', answerSurvey]];
  if (process.env.BENCH_AB) {
    const other = (await import(path.resolve(process.env.BENCH_AB, 'src/surveys/index.ts'))) as {
      answerSurvey: typeof answerSurvey;
    };
    sides.push([process.env.BENCH_AB, other.answerSurvey]);
  }
  const answers = new Map<string, number[]>();
  const record = (key: string, ms: number) => answers.set(key, [...(answers.get(key) ?? []), ms]);
  const steps = new Map<string, number[]>();
  for (const [i, row] of rows.entries()) {
    const [side, answer] = sides[i % sides.length]!;
    const score = 1 + (Math.floor(i / sides.length) % 5);
    const log: Array<[string, number]> = (trips = []);
    const t0 = performance.now();
    await answer(ctx, signSurveyToken({ id: ws.id, portalSecret: ws.portal_secret }, row.id), { score });
    const ms = performance.now() - t0;
    trips = null;
    // The same-run baseline: one bare round trip on the store's pool after each answer.
    const b0 = performance.now();
    await store.db.execute(sql`select 1`);
    const bare = performance.now() - b0;
    if (i < WARM_UP) continue;
    record('select 1 (baseline)', bare);
    record(`${side}: ${score <= 2 ? 'low' : 'good'} scores`, ms);
    record(`${side}: all scores`, ms);
    for (const [text, t] of log) steps.set(`${side}: ${text}`, [...(steps.get(`${side}: ${text}`) ?? []), t]);
    if (i < WARM_UP + 2 * sides.length)
      console.log(
        `${side}, score ${score}, ${log.length} round trips:`,
        log.map(([s, t]) => `${s} ${fmt(t, 1)}`).join(' | '),
      );
  }
  const p = (ms: number[], q: number) => fmt(percentile(ms, q), 1);
  console.log(
    `load ${os
      .loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')}`,
  );
  for (const [kind, ms] of answers)
    console.log(`${kind}: ${ms.length} answers, p50 ${p(ms, 50)} p90 ${p(ms, 90)} p99 ${p(ms, 99)} ms`);
  for (const [text, ms] of steps)
    console.log(
      `  ${text.padEnd(64)} ×${ms.length} p50 ${fmt(percentile(ms, 50), 2)} p99 ${fmt(percentile(ms, 99), 2)} ms`,
    );
} finally {
  await admin.end();
  await jobs.stop();
  await store.close();
}
process.exit(0);
