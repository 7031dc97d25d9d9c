/**
 * Read latency with 1,000,000 messages in PostgreSQL: the unanswered queue, a customer's
 * timeline (typical and large histories) and a case, through the real HTTP API, beside
 * GET /api/health (same HTTP stack, `select 1`) measured in the same run. Also the server's
 * RSS under that load.
 *
 *   npx tsx bench/queue-latency.ts
 *   BENCH_REQUESTS=500 BENCH_MESSAGES=1000000 npx tsx bench/queue-latency.ts
 *
 * Data is generated with SQL (insert … select generate_series) straight into the schema after
 * migrations (openStore): 1 workspace, 20 agents, 50,000 customers, 200,000 cases, 5 messages
 * per case (inbound/outbound alternating; 4,000 open cases whose last message is unanswered),
 * one event per message plus case.opened/case.assigned per case. 20 "heavy" customers own
 * 100 cases (500 messages) each; the others about 4 cases (20 messages).
 * Database kept_bench_queue is created and dropped. The server is a child process.
 */
import os from 'node:os';
import pg from 'pg';
import { openStore } from '../src/db/open-database.ts';
import {
  dropDatabase,
  fmt,
  percentile,
  pgUrl,
  recreateDatabase,
  rssMiB,
  runLoad,
  setUpWorkspace,
  startBenchServer,
  type HttpClient,
} from './support/bench-kit.ts';

const DB = 'kept_bench_queue';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const PER_CASE = 5;
const CASES = Math.round(MESSAGES / PER_CASE);
const CUSTOMERS = Math.round(CASES / 4);
const HEAVY = 20; // customers with a large history
const HEAVY_CASES_EACH = 100;
const OPEN_EVERY = 50; // every 50th case is open with its last message unanswered
const AGENTS = 20;
const MIXED_CONCURRENCY = 8;

const caseId = (i: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const customerId = (i: string) => `('00000000-0000-4000-9000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const messageId = (n: string) => `('00000000-0000-4000-a000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const agentId = (i: string) => `('00000000-0000-4000-b000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
// Case i → its customer: the first HEAVY*HEAVY_CASES_EACH cases belong to the heavy customers.
const customerOfCase = (i: string) =>
  `(case when ${i} <= ${HEAVY * HEAVY_CASES_EACH} then ((${i} - 1) % ${HEAVY}) + 1 else ${HEAVY + 1} + ((${i}::bigint * 7919) % ${CUSTOMERS - HEAVY}) end)`;

async function generate(client: pg.Client, workspaceId: string): Promise<void> {
  const step = async (label: string, text: string) => {
    const t0 = performance.now();
    const res = await client.query(text);
    process.stderr.write(`  ${label}: ${res.rowCount ?? ''} rows in ${fmt((performance.now() - t0) / 1000, 1)} s\n`);
  };
  await client.query(`set synchronous_commit = off`);
  await step(
    'users',
    `insert into users (id, workspace_id, email, name, role, password_hash, languages, capacity)
     select ${agentId('g')}, '${workspaceId}', 'agent' || g || '@bench.test', 'Agent ' || g, 'agent', 'x', array[(array['en','en','ar','ru','he'])[1 + g % 5]], 1000
     from generate_series(1, ${AGENTS}) g`,
  );
  await step(
    'customers',
    `insert into customers (id, workspace_id, name, email, language, created_at)
     select ${customerId('g')}, '${workspaceId}', 'Customer ' || g, 'customer' || g || '@bench.test', (array['en','en','en','ar','ru','he'])[1 + g % 6],
            now() - interval '800 days'
     from generate_series(1, ${CUSTOMERS}) g`,
  );
  // Case i opened (CASES - i) * 5 minutes ago: the newest cases are the open ones' neighbours.
  await step(
    'cases',
    `insert into cases (id, workspace_id, customer_id, subject, status, channel, language, owner_id, last_customer_message_at, last_acknowledged_at, created_at, updated_at)
     select ${caseId('g')}, '${workspaceId}', ${customerId(customerOfCase('g'))}, 'Order problem ' || g,
            case when g % ${OPEN_EVERY} = 0 then 'open' else 'closed' end, 'email', 'en', ${agentId(`(1 + g % ${AGENTS})`)},
            now() - (${CASES} - g) * interval '5 minutes' + interval '120 minutes', now() - (${CASES} - g) * interval '5 minutes',
            now() - (${CASES} - g) * interval '5 minutes', now() - (${CASES} - g) * interval '5 minutes' + interval '121 minutes'
     from generate_series(1, ${CASES}) g`,
  );
  // Message n = (case - 1) * PER_CASE + j + 1; j even = inbound, odd = outbound (the answer).
  await step(
    'messages',
    `insert into messages (id, workspace_id, case_id, customer_id, direction, channel, body, language, author_user_id, answered_at, created_at)
     select ${messageId(`((c - 1) * ${PER_CASE} + j + 1)`)}, '${workspaceId}', ${caseId('c')}, ${customerId(customerOfCase('c'))},
            case when j % 2 = 0 then 'inbound' else 'outbound' end, 'email',
            case when j % 2 = 0 then 'Hello, my order ' || c || ' has not arrived yet and the tracking page has not changed for days. Could you check where it is? Message ' || j
                 else 'Thank you for waiting. Your parcel ' || c || ' left our warehouse yesterday; you will have it by Friday. Answer ' || j end,
            'en', case when j % 2 = 1 then ${agentId(`(1 + c % ${AGENTS})`)} end,
            case when j % 2 = 0 and not (c % ${OPEN_EVERY} = 0 and j = ${PER_CASE - 1}) then now() - (${CASES} - c) * interval '5 minutes' + (j * 30 + 20) * interval '1 minute' end,
            now() - (${CASES} - c) * interval '5 minutes' + j * interval '30 minutes'
     from generate_series(1, ${CASES}) c, generate_series(0, ${PER_CASE - 1}) j`,
  );
  await step(
    'events (cases)',
    `insert into events (workspace_id, case_id, customer_id, type, actor_user_id, data, occurred_at)
     select '${workspaceId}', ${caseId('c')}, ${customerId(customerOfCase('c'))}, t.type, null,
            case when t.k = 0 then jsonb_build_object('channel', 'email', 'subject', 'Order problem ' || c)
                 else jsonb_build_object('toUserId', ${agentId(`(1 + c % ${AGENTS})`)}, 'reason', 'intake') end,
            now() - (${CASES} - c) * interval '5 minutes'
     from generate_series(1, ${CASES}) c, (values (0, 'case.opened'), (1, 'case.assigned')) t(k, type)`,
  );
  await step(
    'events (messages)',
    `insert into events (workspace_id, case_id, customer_id, type, actor_user_id, data, occurred_at)
     select '${workspaceId}', ${caseId('c')}, ${customerId(customerOfCase('c'))},
            case when j % 2 = 0 then 'message.received' else 'message.sent' end,
            case when j % 2 = 1 then ${agentId(`(1 + c % ${AGENTS})`)} end,
            jsonb_build_object('messageId', ${messageId(`((c - 1) * ${PER_CASE} + j + 1)`)}, 'channel', 'email'),
            now() - (${CASES} - c) * interval '5 minutes' + j * interval '30 minutes'
     from generate_series(1, ${CASES}) c, generate_series(0, ${PER_CASE - 1}) j`,
  );
  await step('analyze', 'analyze');
}

interface Endpoint {
  name: string;
  path: () => string;
}

async function measure(client: HttpClient, endpoints: Endpoint[], requests: number) {
  const out: Array<{
    name: string;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    errors: number;
    bytes: number;
  }> = [];
  for (const e of endpoints) {
    // 20 warm-up requests, then `requests` one after another (concurrency 1: latency, not queueing).
    for (let i = 0; i < 20; i++) await client.request('GET', e.path());
    let bytes = 0;
    const result = await runLoad({
      concurrency: 1,
      count: requests,
      maxSeconds: 120,
      run: async () => {
        const res = await client.request('GET', e.path());
        bytes += res.body.length;
        return res.status;
      },
    });
    const l = result.latenciesMs;
    out.push({
      name: e.name,
      p50: percentile(l, 50),
      p95: percentile(l, 95),
      p99: percentile(l, 99),
      max: percentile(l, 100),
      errors: result.errors,
      bytes: bytes / Math.max(1, result.requests),
    });
    process.stderr.write(
      `  ${e.name}: p50 ${fmt(percentile(l, 50), 1)} p99 ${fmt(percentile(l, 99), 1)} ms (${result.requests} requests, ${result.errors} errors)\n`,
    );
  }
  return out;
}

async function explain(client: pg.Client, label: string, text: string, params: unknown[]): Promise<string> {
  const res = await client.query(`explain (analyze, buffers, costs off) ${text}`, params);
  const plan = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  return `-- ${label}\n${plan}`;
}

const t0 = Date.now();
await recreateDatabase(DB);
const url = pgUrl(DB);
let server: Awaited<ReturnType<typeof startBenchServer>> | null = null;
const admin = new pg.Client({ connectionString: url });
try {
  // Migrations through the app's own path.
  const store = await openStore({ databaseUrl: url, dataDir: null });
  await store.close();
  server = await startBenchServer({ DATABASE_URL: url });
  const { client, workspaceId } = await setUpWorkspace(server.url, MIXED_CONCURRENCY * 2);
  await admin.connect();
  process.stderr.write(`generating ${fmt(MESSAGES)} messages…\n`);
  const g0 = Date.now();
  await generate(admin, workspaceId);
  const generateSeconds = (Date.now() - g0) / 1000;
  const counts = (
    await admin.query(
      `select (select count(*) from messages)::int as messages, (select count(*) from cases)::int as cases, (select count(*) from customers)::int as customers,
            (select count(*) from events)::int as events,
            (select count(*) from messages where direction = 'inbound' and internal = false and answered_at is null)::int as unanswered,
            pg_size_pretty(pg_database_size(current_database())) as size`,
    )
  ).rows[0] as Record<string, number | string>;
  process.stderr.write(`  ${JSON.stringify(counts)}\n`);

  const heavyCustomer = () =>
    `00000000-0000-4000-9000-${(1 + Math.floor(Math.random() * HEAVY)).toString(16).padStart(12, '0')}`;
  const typicalCustomer = () =>
    `00000000-0000-4000-9000-${(HEAVY + 1 + Math.floor(Math.random() * (CUSTOMERS - HEAVY))).toString(16).padStart(12, '0')}`;
  const anyCase = () =>
    `00000000-0000-4000-8000-${(1 + Math.floor(Math.random() * CASES)).toString(16).padStart(12, '0')}`;
  const endpoints: Endpoint[] = [
    { name: 'GET /api/health (baseline)', path: () => '/api/health' },
    { name: 'GET /api/v1/queues/unanswered', path: () => '/api/v1/queues/unanswered' },
    {
      name: 'GET /api/v1/customers/:id (typical, ~4 cases/20 msgs)',
      path: () => `/api/v1/customers/${typicalCustomer()}`,
    },
    {
      name: `GET /api/v1/customers/:id (large, ${HEAVY_CASES_EACH} cases/${HEAVY_CASES_EACH * PER_CASE} msgs)`,
      path: () => `/api/v1/customers/${heavyCustomer()}`,
    },
    { name: 'GET /api/v1/cases/:id', path: () => `/api/v1/cases/${anyCase()}` },
  ];
  process.stderr.write('measuring (concurrency 1)…\n');
  const rssBefore = rssMiB(server.pid);
  const results = await measure(client, endpoints, REQUESTS);

  // Mixed load: all endpoints at once, MIXED_CONCURRENCY clients, sampling the server's RSS.
  process.stderr.write(`mixed load (concurrency ${MIXED_CONCURRENCY})…\n`);
  let rssMax = 0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMiB(server!.pid) ?? 0)), 100);
  const mixed = await runLoad({
    concurrency: MIXED_CONCURRENCY,
    count: REQUESTS * 2,
    maxSeconds: 120,
    run: async (i) => (await client.request('GET', endpoints[1 + (i % (endpoints.length - 1))]!.path())).status,
  });
  clearInterval(sampler);
  const rssAfter = rssMiB(server.pid);

  // The plans behind the slow ones (the statements getCustomerDetail / listUnanswered send).
  const plans = [
    await explain(
      admin,
      'customer timeline: messages of a customer (getCustomerDetail)',
      `select * from messages where customer_id = $1 order by created_at`,
      [heavyCustomer()],
    ),
    await explain(
      admin,
      'customer timeline: messages of a typical customer',
      `select * from messages where customer_id = $1 order by created_at`,
      [typicalCustomer()],
    ),
    await explain(
      admin,
      'unanswered queue count (listUnanswered)',
      `select count(*)::int from messages m join cases c on c.id = m.case_id where m.workspace_id = $1 and m.direction = 'inbound' and m.internal = false and m.answered_at is null`,
      [workspaceId],
    ),
    await explain(
      admin,
      'unanswered queue page (listUnanswered)',
      `select m.id, left(m.body, 160) from messages m join cases c on c.id = m.case_id join customers cu on cu.id = m.customer_id left join users o on o.id = c.owner_id
       where m.workspace_id = $1 and m.direction = 'inbound' and m.internal = false and m.answered_at is null order by m.created_at limit 200`,
      [workspaceId],
    ),
  ];

  // What the missing index would give: add it in this bench database only and measure again.
  process.stderr.write('with index messages(customer_id, created_at)…\n');
  await admin.query('create index messages_customer_bench_idx on messages (customer_id, created_at)');
  await admin.query('analyze messages');
  const withIndex = await measure(
    client,
    endpoints.filter((e) => e.name.includes('customers')),
    REQUESTS,
  );
  plans.push(
    await explain(
      admin,
      'customer timeline with messages(customer_id, created_at)',
      `select * from messages where customer_id = $1 order by created_at`,
      [heavyCustomer()],
    ),
  );
  client.close();

  const base = results[0]!;
  console.log(
    `\nQueue latency — ${new Date().toISOString()} — ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`,
  );
  console.log(
    `store: ${JSON.stringify(counts)}; generated in ${fmt(generateSeconds, 0)} s; ${REQUESTS} requests per endpoint, concurrency 1, after 20 warm-up`,
  );
  console.log(
    '\n| endpoint | p50 ms | p95 ms | p99 ms | max ms | p99 ÷ health p99 | avg response | errors | p99 < 50 ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  const row = (r: (typeof results)[number], suffix = '') =>
    console.log(
      `| ${r.name}${suffix} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} | ${fmt(r.p99 / base.p99, 1)} | ${fmt(r.bytes / 1024, 1)} KiB | ${r.errors} | ${r.p99 < 50 ? 'yes' : 'NO'} |`,
    );
  for (const r of results) row(r);
  for (const r of withIndex) row(r, ' — with messages(customer_id) index');
  console.log(
    `\nMixed (4 endpoints round-robin, concurrency ${MIXED_CONCURRENCY}): ${fmt(mixed.perSecond)} req/s, p50 ${fmt(percentile(mixed.latenciesMs, 50), 1)} ms, p99 ${fmt(percentile(mixed.latenciesMs, 99), 1)} ms, errors ${mixed.errors}`,
  );
  console.log(
    `Server RSS: ${fmt(rssBefore ?? NaN)} MiB idle after setup → max ${fmt(rssMax)} MiB under mixed load → ${fmt(rssAfter ?? NaN)} MiB after`,
  );
  console.log(`\n${plans.join('\n\n')}`);
  console.log(`\ntotal ${fmt((Date.now() - t0) / 1000)} s`);
} finally {
  await admin.end().catch(() => undefined);
  await server?.stop();
  await dropDatabase(DB);
}
process.exit(0);
