/**
 * Surveys at scale (issue 15, "Speed and scale"): with 1,000,000 survey answers and 1,000,000
 * cases in PostgreSQL,
 *   - answering a survey through its signed one-click link (POST /api/v1/portal/survey/:token),
 *     each request a different survey, from a different customer address (X-Forwarded-For behind
 *     a trusted proxy, so the per-address rate limit applies as it would in production);
 *   - every survey and complaint report through its route (satisfaction by team, person, channel,
 *     language, kind and month; consistency per grouping; the perception gap; the complaints
 *     report, the complaint rate and the Lorenz curves);
 * beside GET /api/health (same HTTP stack, `select 1`) in the same run; then
 *   - 100,000 surveys through the outbox against 100,000 plain messages through the same outbox,
 *     in alternating windows, to a local SMTP sink (bench/support/survey-sends.ts).
 *
 *   npx tsx bench/surveys.ts
 *   BENCH_CASES=100000 BENCH_REQUESTS=20 BENCH_SEND_SECONDS=10 npx tsx bench/surveys.ts   (a quick look)
 *   BENCH_KEEP=1 …   keeps database kept_bench_surveys, to EXPLAIN (dropdb kept_bench_surveys after)
 *   BENCH_REUSE=1 …  measures again on the database a BENCH_KEEP=1 run left (after a change to the code)
 *   BENCH_SKIP_SENDS=1 / BENCH_SKIP_HTTP=1   one half only
 *   BENCH_REPORTS=complaint,Lorenz   only the reports whose names contain one of these words (an A/B in minutes)
 *
 * Env: BENCH_CASES (1,000,000; customers = cases / 4), BENCH_REQUESTS per probe (50), BENCH_SENDS
 * (100,000 in each backlog), BENCH_SEND_SECONDS per window (60; 0 = until the backlog is empty),
 * BENCH_ROUNDS (2). Seeded with SQL (bench/support/survey-seed.ts): 80% of the satisfaction
 * surveys are answered and every customer answered one NPS survey, so cases = 1,000,000 gives
 * 800,000 + 250,000 answers.
 */
import os from 'node:os';
import pg from 'pg';
import { openStore } from '../src/db/open-database.ts';
import { rebuildSurveyTallies, signSurveyToken } from '../src/surveys/index.ts';
import {
  HttpClient,
  dropDatabase,
  fmt,
  percentile,
  pgUrl,
  recreateDatabase,
  runLoad,
  setUpWorkspace,
  startBenchServer,
} from './support/bench-kit.ts';
import { seedSendBacklog, seedSurveys } from './support/survey-seed.ts';
import { measureSends, type SendWindow } from './support/survey-sends.ts';

const DB = process.env.BENCH_DB ?? 'kept_bench_surveys';
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const CUSTOMERS = Math.round(CASES / 4);
const AGENTS = 40;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const SENDS = Number(process.env.BENCH_SENDS ?? 100_000);
const SEND_SECONDS = Number(process.env.BENCH_SEND_SECONDS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REUSE = process.env.BENCH_REUSE === '1';
/** Per probe at most (a slow report gets fewer requests; its p99 is then its max). */
const PROBE_SECONDS = Number(process.env.BENCH_PROBE_SECONDS ?? 60);

/** The bench company's admin again (BENCH_REUSE): log in, and an API token for the client. */
async function logInAgain(baseUrl: string, admin: pg.Client): Promise<{ client: HttpClient; workspaceId: string }> {
  const anon = new HttpClient(baseUrl);
  const res = await anon.request('POST', '/api/v1/auth/login', {
    email: 'admin@bench.test',
    password: 'bench-password-123',
  });
  if (res.status !== 200) throw new Error(`login → ${res.status}: ${res.body}`);
  anon.headers = { cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]! };
  const { token } = await anon.json<{ token: string }>('POST', '/api/v1/tokens', { name: `bench-${Date.now()}` });
  anon.close();
  const [ws] = (await admin.query<{ id: string }>(`select id from workspaces where name = 'Bench Company'`)).rows;
  return { client: new HttpClient(baseUrl, { authorization: `Bearer ${token}` }, 2), workspaceId: ws!.id };
}

interface Probe {
  name: string;
  target: number;
  run: (i: number) => Promise<number>;
}

interface ProbeResult {
  name: string;
  target: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  firstError: string | null;
}

async function measure(probes: Probe[], requests: number, warmUp: number): Promise<ProbeResult[]> {
  const out: ProbeResult[] = [];
  let offset = 0;
  for (const probe of probes) {
    // A warm-up that fails (a report beyond the client's 30 s) is counted by the measured requests.
    for (let i = 0; i < warmUp; i++) await probe.run(offset++).catch(() => 0);
    const base = offset;
    const result = await runLoad({
      concurrency: 1,
      count: requests,
      maxSeconds: PROBE_SECONDS,
      run: (i) => probe.run(base + i),
    });
    offset += requests;
    const l = result.latenciesMs;
    const r = {
      name: probe.name,
      target: probe.target,
      p50: percentile(l, 50),
      p99: percentile(l, 99),
      max: percentile(l, 100),
      requests: result.requests,
      errors: result.errors,
      firstError: result.firstError,
    };
    out.push(r);
    process.stderr.write(
      `  ${probe.name}: p50 ${fmt(r.p50, 1)} p99 ${fmt(r.p99, 1)} ms (${r.requests} requests, ${r.errors} errors${
        r.firstError ? `: ${r.firstError}` : ''
      })\n`,
    );
  }
  return out;
}

function reportProbes(client: HttpClient): Probe[] {
  const get = (path: string) => async () => {
    const res = await client.request('GET', path);
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${res.body.slice(0, 200)}`);
    return res.status;
  };
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const probes: Probe[] = [
    {
      name: 'survey report, last 90 days (all groupings, NPS, comments)',
      target: 300,
      run: get('/api/v1/surveys/report'),
    },
    {
      name: 'survey report, last 365 days',
      target: 300,
      run: get(`/api/v1/surveys/report?from=${encodeURIComponent(yearAgo)}`),
    },
  ];
  for (const by of ['owner', 'team', 'channel', 'language', 'caseKind', 'month'])
    probes.push({
      name: `consistency by ${by}, 90 days`,
      target: 300,
      run: get(`/api/v1/surveys/consistency?by=${by}`),
    });
  probes.push(
    { name: 'perception gap (4 quarters)', target: 300, run: get('/api/v1/surveys/perception') },
    { name: 'complaints report (12 months)', target: 300, run: get('/api/v1/retention/complaints') },
    { name: 'complaint rate (24 months)', target: 300, run: get('/api/v1/retention/complaint-rate') },
    { name: 'Lorenz curves (revenue, complaints)', target: 300, run: get('/api/v1/retention/pareto') },
  );
  const only = process.env.BENCH_REPORTS?.split(',').filter(Boolean);
  return only ? probes.filter((p) => only.some((word) => p.name.includes(word))) : probes;
}

async function answerProbes(serverUrl: string, admin: pg.Client, workspaceId: string): Promise<Probe[]> {
  const [ws] = (
    await admin.query<{ id: string; portal_secret: string }>(`select id, portal_secret from workspaces where id = $1`, [
      workspaceId,
    ])
  ).rows;
  // Unanswered surveys, far apart in the table: each request answers a different one.
  const { rows } = await admin.query<{ id: string }>(
    `select id from survey_requests where workspace_id = $1 and status = 'sent' and kind = 'satisfaction'
     order by md5(id::text) limit $2`,
    [workspaceId, 3 * (REQUESTS + 10)],
  );
  const tokens = rows.map((r) => signSurveyToken({ id: ws!.id, portalSecret: ws!.portal_secret }, r.id));
  const anon = new HttpClient(serverUrl, {}, 2);
  const from = (i: number) => ({ 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
  const token = (i: number) => {
    const t = tokens[i % tokens.length];
    if (!t) throw new Error('no survey left to answer');
    return t;
  };
  return [
    {
      name: 'survey page (GET, signed link)',
      target: 50,
      run: async (i) => (await anon.request('GET', `/api/v1/portal/survey/${token(i)}`, undefined, from(i))).status,
    },
    {
      name: 'answer a survey (POST score 1–5, a third of them low: complaint + follow-up)',
      target: 50,
      run: async (i) =>
        (await anon.request('POST', `/api/v1/portal/survey/${token(i)}`, { score: 1 + (i % 5) }, from(i))).status,
    },
    {
      name: 'revise the answer with a comment (POST)',
      target: 50,
      run: async (i) =>
        (
          await anon.request(
            'POST',
            `/api/v1/portal/survey/${token(i - REQUESTS - 10)}`,
            { score: 4, comment: 'Thank you, it works now.' },
            from(i),
          )
        ).status,
    },
  ];
}

function printProbeTable(title: string, results: ProbeResult[], base: ProbeResult) {
  console.log(`\n${title}\n`);
  console.log('| probe | p50 ms | p99 ms | max ms | target p99 | p99 ÷ health p99 | requests | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} | ${r.target ? `< ${r.target}` : '—'} | ${fmt(
        r.p99 / base.p99,
        1,
      )} | ${r.requests} | ${r.errors} |`,
    );
}

function printSends(windows: SendWindow[]) {
  console.log(
    `\nSends: ${fmt(SENDS)} plain messages and ${fmt(SENDS)} scheduled surveys waiting; windows of ${
      SEND_SECONDS || 'until empty'
    } s, alternating\n`,
  );
  console.log('| round | plain msg/s | surveys/s | ratio (target ≥ 0.8) | surveys skipped |');
  console.log('|---:|---:|---:|---:|---:|');
  for (let r = 0; r < windows.length / 2; r++) {
    const plain = windows[2 * r]!;
    const survey = windows[2 * r + 1]!;
    console.log(
      `| ${r + 1} | ${fmt(plain.perSecond, 1)} (${fmt(plain.sent)} in ${fmt(plain.seconds, 0)} s) | ${fmt(
        survey.perSecond,
        1,
      )} (${fmt(survey.sent)} in ${fmt(survey.seconds, 0)} s) | ${fmt(survey.perSecond / plain.perSecond, 2)} | ${survey.skipped} |`,
    );
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ');
const t0 = Date.now();
if (!REUSE) await recreateDatabase(DB);
const url = pgUrl(DB);
let server: Awaited<ReturnType<typeof startBenchServer>> | null = null;
const admin = new pg.Client({ connectionString: url });
try {
  const store = await openStore({ databaseUrl: url, dataDir: null });
  await store.close();
  server = await startBenchServer({ DATABASE_URL: url, KEPT_TRUST_PROXY: 'true' });
  await admin.connect();
  let seedSeconds = 0;
  let session: { client: HttpClient; workspaceId: string };
  if (REUSE) session = await logInAgain(server.url, admin);
  else {
    session = await setUpWorkspace(server.url, 2);
    process.stderr.write(`seeding ${fmt(CASES)} cases… (load ${load()})\n`);
    const g0 = Date.now();
    const now = new Date();
    const size = { cases: CASES, customers: CUSTOMERS, agents: AGENTS, teams: 5, answeredShare: 0.8, days: 730 };
    await seedSurveys(admin, session.workspaceId, size, now);
    await seedSendBacklog(admin, session.workspaceId, SENDS, CASES, AGENTS, now);
    // The seed writes the facts; the reports' daily tally is derived from them as a migration back-fills it.
    const tallyStore = await openStore({ databaseUrl: url, dataDir: null });
    const r0 = Date.now();
    await rebuildSurveyTallies(tallyStore.db, session.workspaceId);
    process.stderr.write(`  survey tally rebuilt in ${fmt((Date.now() - r0) / 1000)} s\n`);
    await tallyStore.close();
    seedSeconds = (Date.now() - g0) / 1000;
  }
  const { client, workspaceId } = session;
  const counts = (
    await admin.query<{ answers: string; cases: string; events: string }>(
      `select (select count(*) from events where type = 'survey.answered') as answers,
              (select count(*) from cases) as cases, (select count(*) from events) as events`,
    )
  ).rows[0]!;
  console.log(
    `\nSurveys — ${new Date().toISOString()} — ${os.cpus().length} CPUs, node ${process.version}; ${fmt(
      Number(counts.cases),
    )} cases, ${fmt(Number(counts.answers))} survey answers, ${fmt(Number(counts.events))} events; seeded in ${fmt(
      seedSeconds,
    )} s`,
  );
  if (process.env.BENCH_SKIP_HTTP !== '1') {
    const health: Probe = {
      name: 'GET /api/health (baseline)',
      target: 0,
      run: async () => (await client.request('GET', '/api/health')).status,
    };
    process.stderr.write(`measuring answers (load ${load()})…\n`);
    const answers = await measure([health, ...(await answerProbes(server.url, admin, workspaceId))], REQUESTS, 10);
    printProbeTable(`Answering, load ${load()} (concurrency 1, 10 warm-up)`, answers, answers[0]!);
    process.stderr.write(`measuring reports (load ${load()})…\n`);
    const reports = await measure([health, ...reportProbes(client)], REQUESTS, 1);
    printProbeTable(`Reports, load ${load()} (concurrency 1, 1 warm-up)`, reports, reports[0]!);
  }
  client.close();
  await server.stop();
  server = null;
  if (process.env.BENCH_SKIP_SENDS !== '1') {
    process.stderr.write(`measuring sends (load ${load()})…\n`);
    const windows = await measureSends({ databaseUrl: url, workspaceId, seconds: SEND_SECONDS, rounds: ROUNDS });
    printSends(windows);
    console.log(`load after the sends ${load()}`);
  }
  console.log(`\ntotal ${fmt((Date.now() - t0) / 1000)} s`);
} finally {
  await admin.end().catch(() => undefined);
  await server?.stop();
  if (process.env.BENCH_KEEP !== '1' && !REUSE) await dropDatabase(DB);
}
process.exit(0);
