/**
 * Where a survey answer spends its time (issue 15), on the database a `BENCH_KEEP=1` run of
 * bench/surveys.ts left: `answerSurvey` called in process (no HTTP, so the machine's load on the
 * server's event loop is out of the figure), with pg-boss's real timers, on random unanswered
 * satisfaction surveys, scores 1–5 in turn; every round trip is timed by wrapping `pg.Client#query`.
 * Prints the answers' p50/p90/p99 for low (1–2: complaint + follow-up) and good scores, the round
 * trips of a few answers, and each statement's p50/p99. Run it from two checkouts for an A/B.
 *
 *   BENCH_DB=kept_bench_surveys BENCH_ANSWERS=200 npx tsx bench/survey-answer-steps.ts
 */
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
const query = pg.Client.prototype.query as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
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

const store = await openPostgres(url);
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
  const answers = { low: [] as number[], good: [] as number[] };
  const steps = new Map<string, number[]>();
  for (const [i, row] of rows.entries()) {
    const score = 1 + (i % 5);
    trips = [];
    const t0 = performance.now();
    await answerSurvey(ctx, signSurveyToken({ id: ws.id, portalSecret: ws.portal_secret }, row.id), { score });
    const ms = performance.now() - t0;
    if (i < WARM_UP) continue;
    answers[score <= 2 ? 'low' : 'good'].push(ms);
    for (const [text, t] of trips) steps.set(text, [...(steps.get(text) ?? []), t]);
    if (i < WARM_UP + 5)
      console.log(
        `score ${score}, ${trips.length} round trips:`,
        trips.map(([s, t]) => `${s} ${fmt(t, 1)}`).join(' | '),
      );
  }
  trips = null;
  const p = (ms: number[], q: number) => fmt(percentile(ms, q), 1);
  for (const [kind, ms] of Object.entries(answers))
    console.log(`${kind} scores: ${ms.length} answers, p50 ${p(ms, 50)} p90 ${p(ms, 90)} p99 ${p(ms, 99)} ms`);
  for (const [text, ms] of steps)
    console.log(
      `  ${text.padEnd(48)} ×${ms.length} p50 ${fmt(percentile(ms, 50), 2)} p99 ${fmt(percentile(ms, 99), 2)} ms`,
    );
} finally {
  await admin.end();
  await jobs.stop();
  await store.close();
}
process.exit(0);
