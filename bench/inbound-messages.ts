/**
 * Inbound messages through the API into a case, on PGlite and on PostgreSQL, each beside the
 * bare single-row INSERT route (POST /api/v1/bench/probe) measured in the same run, with the
 * same HTTP stack, the same auth (API token) and the same concurrency — at each of several
 * concurrencies (default 16 and 64 keep-alive clients), because a closed loop of few clients
 * measures latency, not capacity: at 16, intake's group commit leaves cores idle while each
 * client waits for its statement, where the probe already fills both cores. The target is
 * judged at capacity (each route's best rate over the concurrencies), and reported at each.
 *
 *   npx tsx bench/inbound-messages.ts            # both stores
 *   BENCH_STORES=postgres npx tsx bench/inbound-messages.ts
 *   BENCH_CONCURRENCY=16,32 BENCH_ROUNDS=3 ...   # clients; a list measures each
 *   BENCH_COMPARE_ROOT=/tmp/kept-before ...   # also a server from another checkout, interleaved (PostgreSQL)
 *   BENCH_COMPARE_SQL='DROP TRIGGER …' ...    # also a server of this tree with that SQL run after the migrations,
 *                                             # interleaved (PostgreSQL): an A/B of a schema change in one run
 *   BENCH_KEEP_DB=1 ...                       # keep kept_bench_inbound afterwards, to look at its rows
 *
 * Mix: every third message opens a case for a customer (a returning customer most of the
 * time: 2,000 e-mail addresses), the other two thread onto an existing case of that customer.
 * Variants measured, interleaved in rounds so drift (other users of the CPU) hits all alike:
 *   probe  — bare INSERT route (the baseline);
 *   api    — POST /api/v1/cases and POST /api/v1/cases/:id/messages as they are (each answers the whole case detail);
 *   minimal — the same routes with `Prefer: return=minimal` (a small body): the pipeline figure the target is judged on;
 * The server runs in a child process (bench/support/bench-server.ts); the load generator is this process.
 * PostgreSQL: database kept_bench_inbound (created, dropped). PGlite: a temp dir (removed).
 */
import fs from 'node:fs';
import os from 'node:os';
import {
  dropDatabase,
  fmt,
  median,
  percentile,
  pgUrl,
  recreateDatabase,
  cpuSnapshot,
  cpuSpent,
  type CpuSpent,
  rssMiB,
  runLoad,
  walBytes,
  setUpWorkspace,
  startBenchServer,
  tempDataDir,
  type HttpClient,
  type LoadResult,
} from './support/bench-kit.ts';
import { BODIES, languageOf } from './support/inbound-bodies.ts';
import { countStatements, type StatementProfile } from './support/statement-profile.ts';

const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '16,64').split(',').map(Number);
const CONCURRENCY = CONCURRENCIES[0]!;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STORES = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const MAX_SECONDS_PER_PHASE = 45;
const CUSTOMERS = 2_000;
// BENCH_SCALE shrinks or grows every count (a quick try: BENCH_SCALE=0.2).
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const COUNTS = {
  pglite: { probe: Math.round(1_500 * SCALE), mix: Math.round(450 * SCALE) },
  postgres: { probe: Math.round(6_000 * SCALE), mix: Math.round(1_500 * SCALE) },
};
const ALL_VARIANTS = ['probe', 'api', 'minimal'] as const;
type Variant = (typeof ALL_VARIANTS)[number];
const DEFAULT_VARIANTS: Variant[] = ['probe', 'api', 'minimal'];
const VARIANTS = (process.env.BENCH_VARIANTS ? process.env.BENCH_VARIANTS.split(',') : DEFAULT_VARIANTS) as Variant[];
/** A variant at one concurrency: what a round measures, in this order. */
interface Phase {
  variant: Variant;
  concurrency: number;
  key: string;
}
const phaseKey = (variant: Variant, concurrency: number) => `${variant}@${concurrency}`;
const PHASES: Phase[] = CONCURRENCIES.flatMap((concurrency) =>
  VARIANTS.map((variant) => ({ variant, concurrency, key: phaseKey(variant, concurrency) })),
);
/** More clients finish a phase sooner; more messages keep it about as long. */
const phaseCount = (count: number, concurrency: number) => Math.round(count * Math.max(1, concurrency / 32));
const MINIMAL = { prefer: 'return=minimal' };
const WARM_UP = process.env.BENCH_WARMUP !== '0';

interface Workload {
  client: HttpClient;
  /** Open cases of this run, with their customer, to thread onto. */
  cases: Array<{ id: string; k: number }>;
  seq: number;
}

function pick<T>(items: T[], n: number): T {
  return items[n % items.length]!;
}

/** One message of the mix: every third opens a case, the others thread onto an existing case. */
async function sendMix(w: Workload, variant: Exclude<Variant, 'probe'>, i: number): Promise<number> {
  const n = w.seq++;
  const rand = Math.floor(Math.random() * 1e9);
  if (i % 3 === 0 || w.cases.length === 0) {
    const k = rand % CUSTOMERS;
    const customer = { name: `Customer ${k}`, email: `customer${k}@bench.test` };
    const body = pick(BODIES[languageOf(k)]!, n);
    const res = await w.client.request(
      'POST',
      '/api/v1/cases',
      { customer, channel: 'web', body },
      variant === 'minimal' ? MINIMAL : {},
    );
    if (res.status === 201) {
      const id =
        variant === 'api'
          ? (JSON.parse(res.body) as { case: { id: string } }).case.id
          : (JSON.parse(res.body) as { caseId: string }).caseId;
      w.cases.push({ id, k });
    }
    return res.status;
  }
  const target = w.cases[rand % w.cases.length]!;
  const body = pick(BODIES[languageOf(target.k)]!, n + 1);
  const res = await w.client.request(
    'POST',
    `/api/v1/cases/${target.id}/messages`,
    { direction: 'inbound', channel: 'web', body },
    variant === 'minimal' ? MINIMAL : {},
  );
  return res.status;
}

async function runVariant(
  w: Workload,
  variant: Variant,
  count: number,
  concurrency = CONCURRENCY,
): Promise<LoadResult> {
  if (variant === 'probe') {
    return runLoad({
      concurrency,
      count,
      maxSeconds: MAX_SECONDS_PER_PHASE,
      run: async (i) =>
        (await w.client.request('POST', '/api/v1/bench/probe', { body: `probe ${i} ${pick(BODIES.en!, i)}` })).status,
    });
  }
  return runLoad({ concurrency, count, maxSeconds: MAX_SECONDS_PER_PHASE, run: (i) => sendMix(w, variant, i) });
}

/** Statements PostgreSQL receives per message (concurrency 1, counted in the server's pg client). */
const profileStatements = (w: Workload, variant: Exclude<Variant, 'probe'> | 'probe'): Promise<StatementProfile> =>
  countStatements(w.client, variant, {
    probe: async (n) => void (await runVariant(w, 'probe', n, 1)),
    newCase: () => sendMix(w, variant as Exclude<Variant, 'probe'>, 0),
    threaded: () => sendMix(w, variant as Exclude<Variant, 'probe'>, 1),
  });

/** CPU ms per request of one phase: the server, PostgreSQL's processes, the load generator; and WAL bytes per request. */
type CpuPerRequest = { server: number; postgres: number; backends: number; client: number; wal: number };

interface StoreResult {
  /** The store, and for a compared checkout its path. */
  store: string;
  /** By phase key (variant@concurrency). */
  rounds: Record<string, LoadResult[]>;
  cpu: Record<string, CpuPerRequest[]>;
  profiles: StatementProfile[];
  rssMiB: number | null;
}

interface Target {
  label: string;
  /** the PostgreSQL database (its backends' CPU is counted apart from the rest of the server) */
  database: string | null;
  server: Awaited<ReturnType<typeof startBenchServer>>;
  w: Workload;
  result: StoreResult;
  cleanup(): Promise<void>;
}

/** A server (of this tree, or of `root`) on a fresh store, with staff, warmed up. */
async function prepareTarget(
  store: 'pglite' | 'postgres',
  label: string,
  dbName: string,
  root?: string,
  extraEnv: Record<string, string> = {},
): Promise<Target> {
  const counts = COUNTS[store];
  let dataDir: string | null = null;
  const env: Record<string, string> = { ...extraEnv };
  if (store === 'postgres') {
    await recreateDatabase(dbName);
    env.DATABASE_URL = pgUrl(dbName);
    env.BENCH_COUNT_SQL = '1';
  } else {
    dataDir = tempDataDir('inbound');
    env.KEPT_DATA_DIR = dataDir;
    env.DATABASE_URL = '';
  }
  let server: Awaited<ReturnType<typeof startBenchServer>> | null = null;
  const cleanup = async () => {
    await server?.stop();
    if (store === 'postgres' && !process.env.BENCH_KEEP_DB) await dropDatabase(dbName);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startBenchServer(env, root);
    const { client } = await setUpWorkspace(server.url, Math.max(...CONCURRENCIES) * 2);
    // Staff to own the cases (capacity is at most 1,000 open cases each; English is 70% of the
    // mix): room for every case a run opens (up to ~12,000 in 8 rounds at 16 and 64 clients).
    for (const [i, language] of [...Array<string>(12).fill('en'), 'ar', 'ar', 'ru', 'ru', 'he', 'he'].entries()) {
      await client.json('POST', '/api/v1/users', {
        name: `Agent ${i}`,
        email: `agent${i}@bench.test`,
        password: 'bench-password-123',
        role: 'agent',
        languages: [language],
        capacity: 1_000,
      });
    }
    const w: Workload = { client, cases: [], seq: 0 };
    // Warm-up: JIT, pools, caches; and a first set of cases to thread onto.
    process.stderr.write(`[${label}] warm-up…\n`);
    if (WARM_UP) {
      await runVariant(w, 'probe', Math.round(counts.probe / 5));
      await runVariant(w, VARIANTS.includes('minimal') ? 'minimal' : 'api', Math.round(counts.mix / 2));
      for (const v of VARIANTS) if (v !== 'probe') await runVariant(w, v, Math.round(counts.mix / 5));
    }
    const rounds = Object.fromEntries(PHASES.map((p) => [p.key, [] as LoadResult[]])) as Record<string, LoadResult[]>;
    const cpu = Object.fromEntries(PHASES.map((p) => [p.key, [] as CpuPerRequest[]])) as Record<
      string,
      CpuPerRequest[]
    >;
    return {
      label,
      database: store === 'postgres' ? dbName : null,
      server,
      w,
      result: { store: label, rounds, cpu, profiles: [], rssMiB: null },
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * One store's rounds. With BENCH_COMPARE_ROOT (another checkout, e.g. the commit before a
 * change, with its node_modules) a second server from that tree runs the same workload on its
 * own database, interleaved round by round with this tree's: a before/after in one run.
 */
async function benchStore(store: 'pglite' | 'postgres'): Promise<StoreResult[]> {
  const counts = COUNTS[store];
  const targets: Target[] = [];
  try {
    targets.push(await prepareTarget(store, store, 'kept_bench_inbound'));
    const compareRoot = process.env.BENCH_COMPARE_ROOT;
    if (compareRoot && store === 'postgres')
      targets.push(await prepareTarget(store, `${store} @ ${compareRoot}`, 'kept_bench_inbound_compare', compareRoot));
    const compareSql = process.env.BENCH_COMPARE_SQL;
    if (compareSql && store === 'postgres')
      targets.push(
        await prepareTarget(store, `${store} + ${compareSql}`, 'kept_bench_inbound_compare_sql', undefined, {
          BENCH_EXPERIMENT_SQL: compareSql,
        }),
      );
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which tree goes first, so neither always measures right after the other's load.
      for (const target of round % 2 === 0 ? [...targets].reverse() : targets) {
        const { server, w, result: r } = target;
        const database = target.database ?? undefined;
        for (const { variant, concurrency, key } of PHASES) {
          const walBefore = store === 'postgres' ? await walBytes() : NaN;
          const before = cpuSnapshot(server.pid, database);
          const result = await runVariant(
            w,
            variant,
            phaseCount(variant === 'probe' ? counts.probe : counts.mix, concurrency),
            concurrency,
          );
          const after = cpuSnapshot(server.pid, database);
          const wal = store === 'postgres' ? ((await walBytes()) - walBefore) / result.requests : NaN;
          r.rounds[key]!.push(result);
          const spent = cpuSpent(before, after, database);
          const per = (k: keyof CpuSpent) => spent[k] / result.requests;
          r.cpu[key]!.push({
            server: per('server'),
            postgres: per('postgres'),
            backends: per('backends'),
            client: per('client'),
            wal,
          });
          r.rssMiB = Math.max(r.rssMiB ?? 0, rssMiB(server.pid) ?? 0);
          process.stderr.write(
            `[${target.label}] round ${round} ${variant.padEnd(7)} ×${String(concurrency).padEnd(3)} ${fmt(result.perSecond)}/s  (${result.requests} in ${fmt(result.seconds, 1)} s, errors ${result.errors}${result.firstError ? `: ${result.firstError}` : ''}, p50 ${fmt(percentile(result.latenciesMs, 50), 1)} ms, p99 ${fmt(percentile(result.latenciesMs, 99), 1)} ms)\n`,
          );
        }
      }
    }
    if (store === 'postgres') {
      for (const variant of VARIANTS) targets[0]!.result.profiles.push(await profileStatements(targets[0]!.w, variant));
    }
    for (const target of targets) target.w.client.close();
    return targets.map((t) => t.result);
  } finally {
    for (const target of targets) await target.cleanup();
  }
}

/** Rates per round of a variant at one concurrency, or at its best concurrency in each round (its capacity). */
function rates(r: StoreResult, variant: Variant, concurrency: number | 'capacity'): number[] {
  if (concurrency !== 'capacity') return (r.rounds[phaseKey(variant, concurrency)] ?? []).map((x) => x.perSecond);
  return Array.from({ length: ROUNDS }, (_, i) =>
    Math.max(...CONCURRENCIES.map((c) => r.rounds[phaseKey(variant, c)]?.[i]?.perSecond ?? NaN)),
  );
}

/**
 * The ratio to the probe two ways: of the medians, and the median of each round's own ratio
 * (variant ÷ the probe of the same round). When the load from other work changes during a
 * run, the medians of the two columns can come from rounds under different load; a round's
 * probe and variant ran seconds apart.
 */
function ratios(
  r: StoreResult,
  variant: Variant,
  concurrency: number | 'capacity',
): { medians: number; perRound: number } {
  const v = rates(r, variant, concurrency);
  const p = rates(r, 'probe', concurrency);
  return { medians: median(v) / median(p), perRound: median(v.map((x, i) => x / (p[i] ?? NaN))) };
}

const results: StoreResult[] = [];
for (const store of STORES) results.push(...(await benchStore(store)));

console.log(
  `\nInbound messages — ${new Date().toISOString()} — ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`,
);
console.log(
  `concurrency ${CONCURRENCIES.join(' and ')} keep-alive clients; ${ROUNDS} interleaved rounds; median of rounds; mix = 1/3 new cases, 2/3 threaded`,
);
console.log(
  '\n| store | variant | clients | messages/s (median) | rounds | p50 ms | p99 ms | errors | ratio to bare insert | ratio per round (median) |',
);
console.log('|---|---|---:|---:|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  for (const { variant, concurrency, key } of PHASES) {
    const runs = r.rounds[key] ?? [];
    if (runs.length === 0) continue;
    const lat = runs.flatMap((x) => x.latenciesMs);
    const errors = runs.reduce((s, x) => s + x.errors, 0);
    const ratio = variant === 'probe' ? null : ratios(r, variant, concurrency);
    console.log(
      `| ${r.store} | ${variant === 'probe' ? 'bare INSERT (baseline)' : variant} | ${concurrency} | ${fmt(median(runs.map((x) => x.perSecond)))} | ${runs.map((x) => fmt(x.perSecond)).join(' / ')} | ${fmt(percentile(lat, 50), 1)} | ${fmt(percentile(lat, 99), 1)} | ${errors} | ${ratio ? fmt(ratio.medians, 2) : '1'} | ${ratio ? fmt(ratio.perRound, 2) : ''} |`,
    );
  }
  console.log(`| ${r.store} | server RSS (max seen) | | ${fmt(r.rssMiB ?? NaN)} MiB | | | | | | |`);
}
console.log(
  '\nCPU per request, ms (median of rounds; "postgres" counts every postgres process on the machine, other work included; "its backends" the connections to the database under test only):',
);
console.log(
  '| store | variant | clients | server | postgres | its backends | load generator | total | server + its backends | WAL bytes / request |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  for (const { variant, concurrency, key } of PHASES) {
    const runs = r.cpu[key] ?? [];
    if (runs.length === 0) continue;
    const m = (k: keyof CpuPerRequest) => median(runs.map((x) => x[k]));
    console.log(
      `| ${r.store} | ${variant} | ${concurrency} | ${fmt(m('server'), 2)} | ${fmt(m('postgres'), 2)} | ${fmt(m('backends'), 2)} | ${fmt(m('client'), 2)} | ${fmt(median(runs.map((x) => x.server + x.postgres + x.client)), 2)} | ${fmt(median(runs.map((x) => x.server + x.backends)), 2)} | ${fmt(m('wal'))} |`,
    );
  }
}
for (const r of results) {
  for (const p of r.profiles) {
    console.log(
      `\n[${r.store}] ${p.variant}: ${fmt(p.perMessage, 1)} statements per message (new case ${fmt(p.perNewCase, 1)}, threaded ${fmt(p.perThreaded, 1)})`,
    );
    for (const row of p.top.slice(0, 40))
      console.log(`  ${fmt(row.perMessage, 2).padStart(6)}  ${row.sql.slice(0, 150)}`);
  }
}
for (const r of results.filter(
  (x) => x.store.startsWith('postgres') && VARIANTS.includes('minimal') && VARIANTS.includes('probe'),
)) {
  const at = (c: number | 'capacity') => {
    const { medians, perRound } = ratios(r, 'minimal', c);
    return `${c === 'capacity' ? 'at capacity' : `at ${c} clients`} ${fmt(medians, 2)} (medians), ${fmt(perRound, 2)} (per round)`;
  };
  const capacity = ratios(r, 'minimal', 'capacity');
  console.log(
    `\nTarget [${r.store}] (PostgreSQL, API route with Prefer: return=minimal ≥ 0.5 × bare insert, judged at capacity): ${[...CONCURRENCIES.map(at), ...(CONCURRENCIES.length > 1 ? [at('capacity')] : [])].join('; ')} → ${Math.min(capacity.medians, capacity.perRound) >= 0.5 ? 'MET' : 'NOT MET'}`,
  );
}
process.exit(0);
