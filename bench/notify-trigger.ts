/**
 * What the live desk's NOTIFY trigger on `events` (issue 16) costs intake, on PostgreSQL: one server, one
 * database, the same workload (inbound messages through the API with `Prefer: return=minimal`, 1/3 new
 * cases, 2/3 threaded), in short rounds that alternate the trigger on and off (ALTER TABLE … DISABLE
 * TRIGGER, between rounds, order swapped each round), so the load other work puts on the machine hits both
 * alike. The server keeps its LISTEN connection in both (as an instance does); with the trigger off it
 * simply hears nothing. Figures: messages/s and CPU ms per message of the server and of the database's
 * backends (the LISTEN connection's included), per round and as the median of paired ratios.
 *
 *   npx tsx bench/notify-trigger.ts
 *   BENCH_ROUNDS=8 BENCH_COUNT=600 BENCH_CONCURRENCY=32 BENCH_VARIANTS=on,off,… npx tsx bench/notify-trigger.ts
 *   BENCH_SQL_GROUP=8 BENCH_SQL_STATEMENTS=400 BENCH_SQL_ROUNDS=12 …  # the trigger alone, statements straight to SQL
 *
 * BENCH_VARIANTS may name other triggers created by BENCH_EXPERIMENT_SQL (each variant enables only the
 * trigger of its name; `off` none, `on` events_notify): a candidate cheaper notice, measured in the same run.
 * Database kept_bench_notify (created, dropped).
 */
import os from 'node:os';
import pg from 'pg';
import {
  cpuSnapshot,
  cpuSpent,
  dropDatabase,
  fmt,
  median,
  pgUrl,
  recreateDatabase,
  runLoad,
  setUpWorkspace,
  startBenchServer,
  type HttpClient,
} from './support/bench-kit.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const COUNT = Number(process.env.BENCH_COUNT ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'on,off').split(',');
const DATABASE = 'kept_bench_notify';
const SQL_GROUP = Number(process.env.BENCH_SQL_GROUP ?? 8);
const SQL_STATEMENTS = Number(process.env.BENCH_SQL_STATEMENTS ?? 400);
const SQL_ROUNDS = Number(process.env.BENCH_SQL_ROUNDS ?? 12);
const CUSTOMERS = 2_000;
const MINIMAL = { prefer: 'return=minimal' };
const BODY = 'Hello, my order #4411 has not arrived yet and the tracking page has not changed for five days.';

interface Sample {
  perSecond: number;
  server: number;
  backends: number;
  errors: number;
}

/** One message of the mix: every third opens a case, the others thread onto an open one. */
async function send(client: HttpClient, cases: string[], i: number): Promise<number> {
  const rand = Math.floor(Math.random() * 1e9);
  if (i % 3 === 0 || cases.length === 0) {
    const k = rand % CUSTOMERS;
    const res = await client.request(
      'POST',
      '/api/v1/cases',
      { customer: { name: `Customer ${k}`, email: `customer${k}@bench.test` }, channel: 'web', body: BODY },
      MINIMAL,
    );
    if (res.status === 201) cases.push((JSON.parse(res.body) as { caseId: string }).caseId);
    return res.status;
  }
  const res = await client.request(
    'POST',
    `/api/v1/cases/${cases[rand % cases.length]!}/messages`,
    { direction: 'inbound', channel: 'web', body: BODY },
    MINIMAL,
  );
  return res.status;
}

await recreateDatabase(DATABASE);
const server = await startBenchServer({ DATABASE_URL: pgUrl(DATABASE) });
const admin = new pg.Client({ connectionString: pgUrl(DATABASE) });
// Counts, after the rounds (a second listener would add its backend's CPU to them), the NOTIFYs a message makes.
const listener = new pg.Client({ connectionString: pgUrl(DATABASE) });
let heard = 0;
try {
  await admin.connect();
  const { client } = await setUpWorkspace(server.url, CONCURRENCY * 2);
  for (let i = 0; i < 12; i++) {
    await client.json('POST', '/api/v1/users', {
      name: `Agent ${i}`,
      email: `agent${i}@bench.test`,
      password: 'bench-password-123',
      role: 'agent',
      languages: ['en'],
      capacity: 1_000,
    });
  }
  const triggers = (
    await admin.query<{ tgname: string }>(
      `select tgname from pg_trigger where tgrelid = 'events'::regclass and not tgisinternal`,
    )
  ).rows.map((r) => r.tgname);
  const nameOf = (variant: string) => (variant === 'on' ? 'events_notify' : variant);
  const use = async (variant: string) => {
    for (const t of triggers) {
      const on = variant !== 'off' && t === nameOf(variant);
      await admin.query(`ALTER TABLE events ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${pg.escapeIdentifier(t)}`);
    }
  };
  const cases: string[] = [];
  process.stderr.write('warm-up…\n');
  await runLoad({ concurrency: CONCURRENCY, count: COUNT, maxSeconds: 60, run: (i) => send(client, cases, i) });
  const samples = Object.fromEntries(VARIANTS.map((v) => [v, [] as Sample[]]));
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 0 ? [...VARIANTS].reverse() : VARIANTS;
    for (const variant of order) {
      await use(variant);
      const before = cpuSnapshot(server.pid, DATABASE);
      const load = await runLoad({
        concurrency: CONCURRENCY,
        count: COUNT,
        maxSeconds: 60,
        run: (i) => send(client, cases, i),
      });
      // Let the last notifications arrive before counting the CPU that handled them.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const spent = cpuSpent(before, cpuSnapshot(server.pid, DATABASE), DATABASE);
      const sample: Sample = {
        perSecond: load.perSecond,
        server: spent.server / load.requests,
        backends: spent.backends / load.requests,
        errors: load.errors,
      };
      samples[variant]!.push(sample);
      process.stderr.write(
        `round ${round} ${variant.padEnd(16)} ${fmt(sample.perSecond)}/s  server ${fmt(sample.server, 2)} ms  ` +
          `backends ${fmt(sample.backends, 2)} ms  errors ${load.errors}  ` +
          `(load ${os.loadavg()[0]!.toFixed(1)})\n`,
      );
    }
  }
  const notifies: Record<string, number> = {};
  await listener.connect();
  listener.on('notification', () => heard++);
  await listener.query('LISTEN kept_changes');
  for (const variant of VARIANTS) {
    await use(variant);
    heard = 0;
    const n = 300;
    const load = await runLoad({
      concurrency: CONCURRENCY,
      count: n,
      maxSeconds: 60,
      run: (i) => send(client, cases, i),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    notifies[variant] = heard / load.requests;
  }
  console.log(
    `\nNOTIFY trigger A/B — ${new Date().toISOString()} — ${os.cpus().length} CPUs, node ${process.version}, ` +
      `${CONCURRENCY} clients, ${COUNT} messages a round, ${ROUNDS} alternating rounds, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    '\n| variant | messages/s (median) | server ms/msg | backends ms/msg | together | NOTIFYs/msg | ' +
      'rate ÷ off (paired median) | together ÷ off (paired median) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const off = samples.off ?? [];
  for (const variant of VARIANTS) {
    const s = samples[variant]!;
    const m = (f: (x: Sample) => number) => median(s.map(f));
    const paired = (f: (x: Sample) => number) => (off.length ? median(s.map((x, i) => f(x) / f(off[i]!))) : NaN);
    console.log(
      `| ${variant} | ${fmt(m((x) => x.perSecond))} | ${fmt(
        m((x) => x.server),
        2,
      )} | ${fmt(
        m((x) => x.backends),
        2,
      )} | ` +
        `${fmt(
          m((x) => x.server + x.backends),
          2,
        )} | ${fmt(notifies[variant] ?? NaN, 2)} | ` +
        `${fmt(
          paired((x) => x.perSecond),
          3,
        )} | ${fmt(
          paired((x) => x.server + x.backends),
          3,
        )} |`,
    );
  }
  // The trigger alone: intake-like statements straight into events (GROUP cases of this run × two event types
  // each, one statement a transaction, as a group commit writes them), the trigger on and off in alternating
  // rounds; CPU of the database's backends (this connection, the server's LISTEN) and of the server (which
  // parses and announces what it hears), per message.
  const sample = await admin.query<{ workspace_id: string; id: string; customer_id: string }>(
    'select workspace_id, id, customer_id from cases limit $1',
    [SQL_GROUP],
  );
  const rows = sample.rows.flatMap((r) =>
    ['message.received', 'case.assigned'].map((type) => [r.workspace_id, r.id, r.customer_id, type] as const),
  );
  const insert = {
    text:
      'insert into events (workspace_id, case_id, customer_id, type, data) ' +
      "select w, c, cu, t, '{}'::jsonb from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) as x(w, c, cu, t)",
    values: [0, 1, 2, 3].map((k) => rows.map((r) => r[k])),
  };
  const statementSamples = Object.fromEntries(VARIANTS.map((v) => [v, [] as Array<{ cpu: number; wall: number }>]));
  for (let round = 1; round <= SQL_ROUNDS; round++) {
    for (const variant of round % 2 === 0 ? [...VARIANTS].reverse() : VARIANTS) {
      await use(variant);
      const before = cpuSnapshot(server.pid, DATABASE);
      const started = process.hrtime.bigint();
      for (let i = 0; i < SQL_STATEMENTS; i++) await admin.query(insert);
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const spent = cpuSpent(before, cpuSnapshot(server.pid, DATABASE), DATABASE);
      const messages = SQL_STATEMENTS * sample.rows.length;
      statementSamples[variant]!.push({ cpu: (spent.server + spent.backends) / messages, wall: wall / SQL_STATEMENTS });
    }
  }
  console.log(
    `\nThe trigger alone: ${SQL_STATEMENTS} statements a round of ${sample.rows.length} messages (2 events each), ` +
      `${SQL_ROUNDS} alternating rounds; CPU = server + the database's backends, per message`,
  );
  console.log('\n| variant | CPU µs/msg (median) | ms per statement (median) | CPU ÷ off (paired median) |');
  console.log('|---|---:|---:|---:|');
  const offStatements = statementSamples.off ?? [];
  for (const variant of VARIANTS) {
    const s = statementSamples[variant]!;
    const paired = offStatements.length ? median(s.map((x, i) => x.cpu / offStatements[i]!.cpu)) : NaN;
    console.log(
      `| ${variant} | ${fmt(median(s.map((x) => x.cpu)) * 1000)} | ${fmt(median(s.map((x) => x.wall)), 2)} | ${fmt(paired, 3)} |`,
    );
  }
  client.close();
} finally {
  await listener.end().catch(() => undefined);
  await admin.end().catch(() => undefined);
  await server.stop();
  await dropDatabase(DATABASE);
}
process.exit(0);
