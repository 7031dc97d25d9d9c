/** Shared by the bench scripts: start a Kept server as a child process, talk HTTP/1.1 keep-alive to it, time things. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function pgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function recreateDatabase(name: string): Promise<void> {
  if (!/^kept_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch database ${name}`);
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^kept_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch database ${name}`);
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

export function tempDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kept-bench-${prefix}-`));
}

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Spawns bench/support/bench-server.ts (tsx) of this tree, or of another checkout (`root`), with the given env and waits for its URL.
 * BENCH_SERVER_NODE_ARGS adds node flags to the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * (node refuses --cpu-prof in NODE_OPTIONS).
 */
export async function startBenchServer(env: Record<string, string>, root = ROOT): Promise<BenchServer> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(root, 'bench/support/bench-server.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        KEPT_BENCH_PROBE: '1',
        BENCH_WATCH_STDIN: '1',
        KEPT_JOBS: 'off',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('bench server did not start within 120 s')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code} before listening`));
    });
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000).unref());
      if ((await Promise.race([exited.then(() => 'done' as const), timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** VmRSS of a process in MiB (Linux). */
export function rssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A tiny keep-alive HTTP client (node:http with a keep-alive agent: one socket per concurrent client). */
export class HttpClient {
  readonly agent: http.Agent;
  constructor(
    readonly baseUrl: string,
    public headers: Record<string, string> = {},
    maxSockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(
    method: string,
    urlPath: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpResult> {
    const url = new URL(urlPath, this.baseUrl);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers: {
            ...this.headers,
            ...extraHeaders,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      // Bounded: a request that hangs fails the bench instead of stalling it.
      req.setTimeout(REQUEST_TIMEOUT_MS, () =>
        req.destroy(new Error(`${method} ${urlPath}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)),
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  async json<T>(method: string, urlPath: string, body?: unknown, expect = [200, 201]): Promise<T> {
    const res = await this.request(method, urlPath, body);
    if (!expect.includes(res.status))
      throw new Error(`${method} ${urlPath} → ${res.status}: ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** First-run setup and an API token; returns a client that sends the token. */
export async function setUpWorkspace(
  baseUrl: string,
  maxSockets = 64,
): Promise<{ client: HttpClient; workspaceId: string; adminId: string }> {
  const anon = new HttpClient(baseUrl);
  const res = await anon.request('POST', '/api/v1/setup', {
    workspaceName: 'Bench Company',
    adminName: 'Bench Admin',
    adminEmail: 'admin@bench.test',
    password: 'bench-password-123',
    language: 'en',
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`setup → ${res.status}: ${res.body}`);
  const me = JSON.parse(res.body) as { user: { id: string }; workspace: { id: string } };
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  anon.headers = { cookie };
  const { token } = await anon.json<{ token: string }>('POST', '/api/v1/tokens', { name: 'bench' });
  anon.close();
  return {
    client: new HttpClient(baseUrl, { authorization: `Bearer ${token}` }, maxSockets),
    workspaceId: me.workspace.id,
    adminId: me.user.id,
  };
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  firstError: string | null;
}

/**
 * `concurrency` clients loop, each taking the next request number until `count` are done or
 * `maxSeconds` passed. `run(i)` performs request i and returns the HTTP status.
 */
export async function runLoad(options: {
  concurrency: number;
  count: number;
  maxSeconds: number;
  run: (i: number) => Promise<number>;
}): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const worker = async () => {
    while (next < options.count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        const status = await options.run(i);
        if (status >= 400) {
          errors++;
          firstError ??= `HTTP ${status}`;
        }
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    latenciesMs: latencies,
    firstError,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/** CPU time used so far, in ms: the server process, every `postgres` process on this machine, and this process (the load generator). */
export interface CpuSnapshot {
  server: number;
  /** CPU so far of every postgres process on the machine, by pid */
  postgres: Map<string, number>;
  /** the pids of the backends connected to the database under test */
  backends: Set<string>;
  client: number;
}

/** CPU (ms) spent between two snapshots; NaN for backends when no database was named. */
export interface CpuSpent {
  server: number;
  postgres: number;
  backends: number;
  client: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processCpuMs(pid: string): { comm: string; ms: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the comm.
    return { comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/**
 * Where a phase's CPU went (Linux /proc). On this 2-core machine throughput is bound by CPU,
 * so CPU per request says which side — Node or PostgreSQL — a change made cheaper. The
 * PostgreSQL figure counts every postgres process, so other work on the same server counts too.
 */
export function cpuSnapshot(serverPid: number, database?: string): CpuSnapshot {
  const postgres = new Map<string, number>();
  const backends = new Set<string>();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const p = processCpuMs(pid);
    if (p?.comm !== 'postgres') continue;
    postgres.set(pid, p.ms);
    if (database && backendOf(pid, database)) backends.add(pid);
  }
  const own = process.cpuUsage();
  return {
    server: processCpuMs(String(serverPid))?.ms ?? NaN,
    postgres,
    backends,
    client: (own.user + own.system) / 1000,
  };
}

/**
 * Per process, so that a connection closed meanwhile (the pool closes idle ones) does not take
 * its whole past CPU out of the sum; what it spent after the first snapshot is lost with it.
 */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot, database?: string): CpuSpent {
  let postgres = 0;
  let backends = 0;
  for (const [pid, ms] of after.postgres) {
    const spent = ms - (before.postgres.get(pid) ?? 0);
    postgres += spent;
    if (after.backends.has(pid)) backends += spent;
  }
  return {
    server: after.server - before.server,
    postgres,
    backends: database ? backends : NaN,
    client: after.client - before.client,
  };
}

/**
 * A backend's title is "postgres: <cluster>: <user> <database> <host> <state>": the
 * connections of one database are the work of one server under test, whatever else runs on
 * the machine (the column "postgres" counts every process, other engineers' included).
 */
function backendOf(pid: string, database: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `);
  } catch {
    return false;
  }
}

/**
 * WAL written so far by the whole PostgreSQL server, in bytes (pg_current_wal_lsn): on this
 * machine a commit waits for its WAL to be flushed, so WAL per request is a cost of its own.
 * Like the CPU figures, it counts other work on the same server.
 */
export async function walBytes(): Promise<number> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `select (pg_current_wal_lsn() - '0/0'::pg_lsn)::text as bytes`,
    );
    return Number(rows[0]!.bytes);
  } finally {
    await client.end();
  }
}
