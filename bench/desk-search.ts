/**
 * Desk search with 1,000,000 messages in PostgreSQL (issue 16): `GET /api/v1/cases?view=all&q=…` and
 * `GET /api/v1/customers?q=…` through the real HTTP API, for a mix of what agents type (a reference, an
 * order number, a name, an e-mail, a phone, a rare word, a common word, two words, Arabic, Hebrew and
 * Russian words, a search with filters), beside GET /api/health (same HTTP stack, `select 1`) in the
 * same run.
 *
 *   npx tsx bench/desk-search.ts
 *   BENCH_REQUESTS=200 BENCH_MESSAGES=1000000 npx tsx bench/desk-search.ts
 *   BENCH_KEEP=1 BENCH_REQUESTS=5 npx tsx bench/desk-search.ts   (keeps the database, to EXPLAIN)
 *
 * Data is generated with SQL (insert … select generate_series) after the migrations: 1 workspace,
 * 20 agents, 50,000 customers, 200,000 cases, 5 messages per case in the case's language (English,
 * Arabic, Hebrew, Russian in turn), each naming the case's order number; words drawn from small
 * vocabularies so that some are in most messages and some in few. The search words are computed as
 * rows are inserted (generated columns); their GIN indexes are dropped before and built after (as a
 * restore would). Database kept_bench_search is created and
 * dropped; the server is a child process.
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
  runLoad,
  setUpWorkspace,
  startBenchServer,
  type HttpClient,
} from './support/bench-kit.ts';

const DB = 'kept_bench_search';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const PER_CASE = 5;
const CASES = Math.round(MESSAGES / PER_CASE);
const CUSTOMERS = Math.round(CASES / 4);
const AGENTS = 20;

const caseId = (i: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const customerId = (i: string) => `('00000000-0000-4000-9000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const agentId = (i: string) => `('00000000-0000-4000-b000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const customerOfCase = (i: string) => `(1 + (${i}::bigint * 7919) % ${CUSTOMERS})`;
const LANGUAGES = ['en', 'ar', 'he', 'ru'];
// Per language: words in every message of the language, and a vocabulary of 40 words drawn per message.
const COMMON = {
  en: 'Hello, my order',
  ar: 'مرحبا، طلبي رقم',
  he: 'שלום, ההזמנה שלי מספר',
  ru: 'Здравствуйте, мой заказ',
};
const VOCABULARY = {
  en: 'laptop phone charger screen battery refund invoice parcel courier warehouse delivery repair broken missing late damaged cable keyboard mouse printer tablet camera speaker headphones monitor router adapter warranty receipt voucher discount subscription account password address payment card bank transfer label box',
  ar: 'حاسوب هاتف شاحن شاشة بطارية استرداد فاتورة طرد مندوب مستودع توصيل إصلاح مكسور مفقود متأخر تالف كابل لوحة فأرة طابعة جهاز كاميرا سماعة سماعات شاشة موجه محول ضمان إيصال قسيمة خصم اشتراك حساب كلمة عنوان دفع بطاقة بنك تحويل ملصق',
  he: 'מחשב טלפון מטען מסך סוללה החזר חשבונית חבילה שליח מחסן משלוח תיקון שבור חסר מאוחר פגום כבל מקלדת עכבר מדפסת טאבלט מצלמה רמקול אוזניות צג נתב מתאם אחריות קבלה שובר הנחה מנוי חשבון סיסמה כתובת תשלום כרטיס בנק העברה תווית',
  ru: 'ноутбук телефон зарядка экран батарея возврат счёт посылка курьер склад доставка ремонт сломан пропал опоздание повреждён кабель клавиатура мышь принтер планшет камера колонка наушники монитор роутер адаптер гарантия чек купон скидка подписка аккаунт пароль адрес оплата карта банк перевод этикетка',
};
const vocabularyArray = (lang: keyof typeof VOCABULARY) =>
  `array[${VOCABULARY[lang]
    .split(' ')
    .map((w) => `'${w}'`)
    .join(',')}]`;
// The message's text in the case's language: the common words, the order number, then three drawn words.
const bodyOf = (c: string, j: string) =>
  `case ${c} % 4 ${LANGUAGES.map((lang, i) => {
    const l = lang as keyof typeof VOCABULARY;
    const pick = (salt: number) => `(${vocabularyArray(l)})[1 + ((${c} * ${salt} + ${j} * 31) % 40)]`;
    return `when ${i} then '${COMMON[l]} ' || (10000 + ${c}) || ' ' || ${pick(7)} || ' ' || ${pick(13)} || ' ' || ${pick(101)}`;
  }).join(' ')} end`;

async function generate(client: pg.Client, workspaceId: string): Promise<void> {
  const step = async (label: string, text: string) => {
    const t0 = performance.now();
    const res = await client.query(text);
    process.stderr.write(`  ${label}: ${res.rowCount ?? ''} rows in ${fmt((performance.now() - t0) / 1000, 1)} s\n`);
  };
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  await step('drop search indexes', 'drop index messages_search_idx, cases_search_idx, customers_search_idx');
  await step(
    'users',
    `insert into users (id, workspace_id, email, name, role, password_hash, languages, capacity)
     select ${agentId('g')}, '${workspaceId}', 'agent' || g || '@bench.test', 'Agent ' || g, 'agent', 'x', array['en'], 1000
     from generate_series(1, ${AGENTS}) g`,
  );
  await step(
    'customers',
    `insert into customers (id, workspace_id, name, email, phone, language, created_at)
     select ${customerId('g')}, '${workspaceId}', 'Customer ' || g, 'customer' || g || '@bench.test',
            '+1 505 ' || lpad((g % 1000)::text, 3, '0') || ' ' || lpad(g::text, 5, '0'), 'en', now() - interval '800 days'
     from generate_series(1, ${CUSTOMERS}) g`,
  );
  await step(
    'cases',
    `insert into cases (id, workspace_id, customer_id, subject, status, channel, language, owner_id, created_at, updated_at)
     select ${caseId('g')}, '${workspaceId}', ${customerId(customerOfCase('g'))}, 'Order ' || (10000 + g),
            case when g % 50 = 0 then 'open' else 'closed' end, 'email', (array['en','ar','he','ru'])[1 + g % 4],
            ${agentId(`(1 + g % ${AGENTS})`)}, now() - (${CASES} - g) * interval '5 minutes',
            now() - (${CASES} - g) * interval '5 minutes' + interval '1 hour'
     from generate_series(1, ${CASES}) g`,
  );
  await step(
    'messages',
    `insert into messages (workspace_id, case_id, customer_id, direction, channel, body, language, created_at)
     select '${workspaceId}', ${caseId('c')}, ${customerId(customerOfCase('c'))},
            case when j % 2 = 0 then 'inbound' else 'outbound' end, 'email', ${bodyOf('c', 'j')},
            (array['en','ar','he','ru'])[1 + c % 4], now() - (${CASES} - c) * interval '5 minutes' + j * interval '30 minutes'
     from generate_series(1, ${CASES}) c, generate_series(0, ${PER_CASE - 1}) j`,
  );
  await step('messages_search_idx', 'create index messages_search_idx on messages using gin (search_vector)');
  await step('cases_search_idx', 'create index cases_search_idx on cases using gin (search_vector)');
  await step('customers_search_idx', 'create index customers_search_idx on customers using gin (search_vector)');
  await step('analyze', 'analyze');
}

interface Probe {
  name: string;
  path: () => string;
}

async function measure(client: HttpClient, probes: Probe[], requests: number) {
  const out: Array<{ name: string; p50: number; p99: number; max: number; errors: number; found: number }> = [];
  for (const probe of probes) {
    for (let i = 0; i < 10; i++) await client.request('GET', probe.path());
    let found = 0;
    const result = await runLoad({
      concurrency: 1,
      count: requests,
      maxSeconds: 120,
      run: async () => {
        const res = await client.request('GET', probe.path());
        const body = JSON.parse(res.body) as { cases?: unknown[]; customers?: unknown[] };
        found += (body.cases ?? body.customers ?? []).length;
        return res.status;
      },
    });
    const l = result.latenciesMs;
    out.push({
      name: probe.name,
      p50: percentile(l, 50),
      p99: percentile(l, 99),
      max: percentile(l, 100),
      errors: result.errors,
      found: found / Math.max(1, result.requests),
    });
    process.stderr.write(`  ${probe.name}: p50 ${fmt(percentile(l, 50), 1)} p99 ${fmt(percentile(l, 99), 1)} ms\n`);
  }
  return out;
}

const t0 = Date.now();
await recreateDatabase(DB);
const url = pgUrl(DB);
let server: Awaited<ReturnType<typeof startBenchServer>> | null = null;
const admin = new pg.Client({ connectionString: url });
try {
  const store = await openStore({ databaseUrl: url, dataDir: null });
  await store.close();
  server = await startBenchServer({ DATABASE_URL: url });
  const { client, workspaceId } = await setUpWorkspace(server.url, 2);
  await admin.connect();
  process.stderr.write(`generating ${fmt(MESSAGES)} messages…\n`);
  const g0 = Date.now();
  await generate(admin, workspaceId);
  const generateSeconds = (Date.now() - g0) / 1000;
  const size = (await admin.query(`select pg_size_pretty(pg_relation_size('messages_search_idx')) as idx`)).rows[0];
  const number = (base: number) => base + 1 + Math.floor(Math.random() * (CASES - 1));
  const any = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const words = (lang: keyof typeof VOCABULARY) => VOCABULARY[lang].split(' ');
  const cases = (q: string, more = '') => `/api/v1/cases?view=all&q=${encodeURIComponent(q)}${more}`;
  const probes: Probe[] = [
    { name: 'GET /api/health (baseline)', path: () => '/api/health' },
    { name: 'reference (K-n)', path: () => cases(`K-${number(0)}`) },
    { name: 'order number', path: () => cases(String(number(10000))) },
    { name: 'customer name', path: () => cases(`Customer ${1 + Math.floor(Math.random() * CUSTOMERS)}`) },
    { name: 'customer e-mail', path: () => cases(`customer${1 + Math.floor(Math.random() * CUSTOMERS)}@bench.test`) },
    { name: 'English word (1 in 13 messages)', path: () => cases(any(words('en'))) },
    { name: 'common word ("order", 1 in 4 messages)', path: () => cases('order') },
    { name: 'two English words', path: () => cases(`${any(words('en'))} ${any(words('en'))}`) },
    { name: 'Arabic word, other letter forms', path: () => cases(any(words('ar')).replace(/ا/g, 'أ')) },
    { name: 'Hebrew word', path: () => cases(any(words('he'))) },
    { name: 'Russian word, another ending', path: () => cases(`${any(words('ru'))}ами`) },
    { name: 'word + status=open + sort=waiting', path: () => cases(any(words('en')), '&status=open&sort=waiting') },
    { name: 'customer list, name', path: () => `/api/v1/customers?q=Customer%20${number(0) % CUSTOMERS}` },
    { name: 'customer list, order number', path: () => `/api/v1/customers?q=${number(10000)}` },
  ];
  process.stderr.write('measuring (concurrency 1)…\n');
  const results = await measure(client, probes, REQUESTS);
  client.close();
  const base = results[0]!;
  const searches = results.slice(1);
  const worst = Math.max(...searches.map((r) => r.p99));
  console.log(
    `\nDesk search — ${new Date().toISOString()} — ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')}, node ${process.version}`,
  );
  console.log(
    `${fmt(MESSAGES)} messages, ${fmt(CASES)} cases, ${fmt(CUSTOMERS)} customers; generated and indexed in ${fmt(generateSeconds, 0)} s; messages_search_idx ${String(size?.idx)}; ${REQUESTS} requests per probe, concurrency 1, after 10 warm-up`,
  );
  console.log('\n| probe | p50 ms | p99 ms | max ms | p99 ÷ health p99 | rows found (mean) | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} | ${fmt(r.p99 / base.p99, 1)} | ${fmt(r.found, 1)} | ${r.errors} |`,
    );
  }
  console.log(`\nworst search p99 ${fmt(worst, 1)} ms (target < 100 ms: ${worst < 100 ? 'met' : 'NOT met'})`);
  console.log(`total ${fmt((Date.now() - t0) / 1000)} s`);
} finally {
  await admin.end().catch(() => undefined);
  await server?.stop();
  // BENCH_KEEP=1 leaves the database for EXPLAIN (drop it by hand: dropdb kept_bench_search).
  if (process.env.BENCH_KEEP !== '1') await dropDatabase(DB);
}
process.exit(0);
