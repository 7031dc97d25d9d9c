/**
 * Issue 4, "Speed": the inbound message rate through the API with capability quoting on
 * against off, with a history of 1,000,000 closed cases in PostgreSQL (target: on ≥ 0.9 × off).
 *
 *   npx tsx bench/quote-intake.ts
 *   BENCH_HISTORY=200000 BENCH_COUNT=800 BENCH_ROUNDS=3 npx tsx bench/quote-intake.ts
 *
 * The history is generated with SQL (`insert … select generate_series`): 1,000,000 closed
 * cases and, derived from them, 1,000,000 first-answer durations plus 1,000,000 resolutions
 * in `promise_durations` across channels, languages and priorities. The load is
 * POST /api/v1/cases (new case → acknowledgement → quote) and threaded messages, the same
 * mix and client code as bench/inbound-messages.ts (bench/support/bench-kit.ts). "off" and
 * "on" are the workspace setting `quoteFromCapability`, switched between interleaved rounds.
 * Database kept_bench_quote (created, dropped).
 */
import pg from 'pg';
import {
  dropDatabase,
  fmt,
  median,
  percentile,
  pgUrl,
  recreateDatabase,
  runLoad,
  setUpWorkspace,
  startBenchServer,
} from './support/bench-kit.ts';

const HISTORY = Number(process.env.BENCH_HISTORY ?? 1_000_000);
const COUNT = Number(process.env.BENCH_COUNT ?? 1_200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DB = 'kept_bench_quote';

async function seedHistory(url: string, workspaceId: string, adminId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    await client.query(
      `insert into customers (workspace_id, name, email) values ($1, 'History Customer', 'history@bench.test') on conflict do nothing`,
      [workspaceId],
    );
    const { rows } = await client.query<{ id: string }>(
      `select id from customers where workspace_id = $1 and email = 'history@bench.test'`,
      [workspaceId],
    );
    const customerId = rows[0]!.id;
    await client.query(
      `insert into cases (workspace_id, customer_id, subject, status, channel, language, priority, owner_id, created_at, updated_at)
       select $1, $2, 'History ' || g, 'closed',
              (array['email','web','portal','chat','phone'])[1 + g % 5], (array['en','ar','he','ru'])[1 + g % 4], (array['normal','high','low'])[1 + g % 3],
              $3, now() - ((g % 170) || ' days')::interval, now() - ((g % 170) || ' days')::interval
       from generate_series(1, $4::int) g`,
      [workspaceId, customerId, adminId, HISTORY],
    );
    // Derived facts of those closed cases: how long the first answer and the resolution took.
    await client.query(
      `insert into promise_durations (workspace_id, kind, channel, language, priority, started_at, completed_at, minutes)
       select $1, k.kind, (array['email','web','portal','chat','phone'])[1 + g % 5], (array['en','ar','he','ru'])[1 + g % 4], (array['normal','high','low'])[1 + g % 3],
              now() - ((g % 170) || ' days')::interval,
              now() - ((g % 170) || ' days')::interval + (m || ' minutes')::interval, m
       from generate_series(1, $2::int) g
       cross join lateral (values ('first_response', (5 + (g::bigint * 7919) % 600)::int), ('resolution', (60 + (g::bigint * 104729) % 7200)::int)) as k(kind, m)`,
      [workspaceId, HISTORY],
    );
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return (performance.now() - t0) / 1000;
}

async function main() {
  await recreateDatabase(DB);
  const url = pgUrl(DB);
  const server = await startBenchServer({ DATABASE_URL: url });
  try {
    const { client, workspaceId, adminId } = await setUpWorkspace(server.url);
    const seeded = await seedHistory(url, workspaceId, adminId);
    console.log(
      `history: ${fmt(HISTORY)} closed cases, ${fmt(HISTORY * 2)} durations, generated in ${fmt(seeded, 1)} s`,
    );
    const cases: string[] = [];
    const send = async (i: number) => {
      if (i % 3 === 0 || cases.length === 0) {
        const k = Math.floor(Math.random() * 2000);
        const res = await client.request('POST', '/api/v1/cases', {
          customer: { name: `Customer ${k}`, email: `c${k}@bench.test` },
          channel: 'web',
          body: `Hello, my order ${i} has not arrived yet. Could you check?`,
        });
        if (res.status === 201) cases.push((JSON.parse(res.body) as { case: { id: string } }).case.id);
        return res.status;
      }
      const id = cases[Math.floor(Math.random() * cases.length)]!;
      return (
        await client.request('POST', `/api/v1/cases/${id}/messages`, {
          direction: 'inbound',
          channel: 'web',
          body: `Any news? (${i})`,
        })
      ).status;
    };
    const setQuoting = (on: boolean) => client.request('PUT', '/api/v1/settings', { quoteFromCapability: on });
    // Warm-up both ways (JIT, caches, the quote's first read of the history).
    for (const on of [false, true]) {
      await setQuoting(on);
      await new Promise((r) => setTimeout(r, 5_200)); // the settings cache (5 s)
      await runLoad({ concurrency: CONCURRENCY, count: 200, maxSeconds: 30, run: send });
    }
    const rates: Record<'off' | 'on', number[]> = { off: [], on: [] };
    const lat: Record<'off' | 'on', number[]> = { off: [], on: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        await setQuoting(mode === 'on');
        await new Promise((r) => setTimeout(r, 5_200));
        const r = await runLoad({ concurrency: CONCURRENCY, count: COUNT, maxSeconds: 60, run: send });
        if (r.errors) throw new Error(`${mode}: ${r.errors} errors, first: ${r.firstError}`);
        rates[mode].push(r.perSecond);
        lat[mode].push(...r.latenciesMs);
        console.log(
          `round ${round + 1} ${mode}: ${fmt(r.perSecond, 1)} msg/s (p50 ${fmt(median(r.latenciesMs), 1)} ms, p95 ${fmt(percentile(r.latenciesMs, 95), 1)} ms)`,
        );
      }
    }
    const off = median(rates.off);
    const on = median(rates.on);
    console.log(
      `\nquoting off: ${fmt(off, 1)} msg/s · on: ${fmt(on, 1)} msg/s · ratio on/off ${fmt(on / off, 3)} (target ≥ 0.9)`,
    );
    console.log(
      `latency p50/p95 off ${fmt(median(lat.off), 1)}/${fmt(percentile(lat.off, 95), 1)} ms · on ${fmt(median(lat.on), 1)}/${fmt(percentile(lat.on, 95), 1)} ms`,
    );
    // The quote's own query, cold (no cache), against the full history:
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const t0 = performance.now();
    const { rows } = await c.query(
      `explain (analyze, format json) select channel, language, priority, team_id, category, minutes, business_minutes from promise_durations where workspace_id = $1 and kind = 'first_response' and completed_at > now() - interval '180 days' order by completed_at desc limit 5000`,
      [workspaceId],
    );
    await c.end();
    const plan = (
      rows[0] as {
        'QUERY PLAN': Array<{
          'Execution Time': number;
          Plan: { 'Node Type': string; Plans?: Array<{ 'Node Type': string; 'Index Name'?: string }> };
        }>;
      }
    )['QUERY PLAN'][0]!;
    console.log(
      `cold quote read (5,000 of ${fmt(HISTORY)} first answers): ${fmt(plan['Execution Time'], 2)} ms, plan ${plan.Plan['Node Type']} → ${plan.Plan.Plans?.map((p) => `${p['Node Type']} ${p['Index Name'] ?? ''}`).join(', ')} (round trip ${fmt(performance.now() - t0, 1)} ms)`,
    );
    client.close();
  } finally {
    await server.stop();
    await dropDatabase(DB);
  }
}

await main();
