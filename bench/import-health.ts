// Does the desk keep answering while a large import runs? (issue 17: health p99 < 200 ms while a
// 1,000,000-row import runs). Reproduce: npx tsx bench/import-health.ts [rows, default 1000000]
//   1. starts a Kept server on PostgreSQL as a child process, with its background jobs working;
//   2. a client asks GET /api/health every 20 ms (not waiting for answers) for 15 s with nothing else running;
//   3. uploads a CSV of `rows` purchases (POST /api/v1/imports: stored, answered 202, imported by
//      the import job) and polls it until it has finished, while the same client asks GET /api/health every 20 ms;
//   4. prints p50/p99/max of both, the import's time and phases, and the load average (shared machine).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  dropDatabase,
  fmt,
  percentile,
  pgUrl,
  recreateDatabase,
  setUpWorkspace,
  startBenchServer,
  type HttpClient,
} from './support/bench-kit.ts';
import { writePurchaseCsv } from './support/purchase-csv.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 15);
const INTERVAL_MS = 20;
const DATABASE = `kept_bench_import_health_${process.pid}`;
const FILE = path.join(os.tmpdir(), `${DATABASE}.csv`);

const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface ImportState {
  status: string;
  phase: string | null;
  rowsRead: number;
  report: { imported?: number; message?: string } | null;
}

/** Sends the file as the body, streamed, as `curl --data-binary @file` would. */
function upload(baseUrl: string, token: string, file: string): Promise<string> {
  const url = new URL('/api/v1/imports?format=csv&source=bench.csv', baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        headers: {
          authorization: token,
          'content-type': 'text/csv',
          'content-length': String(fs.statSync(file).size),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 202) reject(new Error(`upload → ${res.statusCode}: ${body.slice(0, 300)}`));
          else resolve((JSON.parse(body) as { import: { id: string } }).import.id);
        });
      },
    );
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

/**
 * GET /api/health every INTERVAL_MS whether or not the last one has answered (open loop), until
 * `until()` says stop; the latency of each, in ms. A client that waited for each answer before
 * asking again would count a 9-second stall as one slow request among thousands.
 */
async function askHealth(
  client: HttpClient,
  until: () => boolean,
  slow: Array<[number, number]> = [],
): Promise<{ ms: number[]; failed: number }> {
  const ms: number[] = [];
  let failed = 0;
  const pending: Array<Promise<void>> = [];
  while (!until()) {
    const t0 = performance.now();
    pending.push(
      client.request('GET', '/api/health').then(
        (res) => {
          ms.push(performance.now() - t0);
          if (performance.now() - t0 > 200) slow.push([t0, performance.now()]);
          if (res.status !== 200) failed++;
        },
        () => {
          ms.push(performance.now() - t0);
          failed++;
        },
      ),
    );
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
  await Promise.all(pending);
  return { ms, failed };
}

const summary = (r: { ms: number[]; failed: number }) =>
  `${r.ms.length} requests, p50 ${fmt(percentile(r.ms, 50), 1)} ms, p99 ${fmt(percentile(r.ms, 99), 1)} ms, ` +
  `max ${fmt(Math.max(...r.ms), 1)} ms, ${r.failed} not 200`;

async function main(): Promise<void> {
  await recreateDatabase(DATABASE);
  const server = await startBenchServer({ DATABASE_URL: pgUrl(DATABASE), KEPT_JOBS: 'on' });
  try {
    const { client } = await setUpWorkspace(server.url, 64);
    const token = client.headers.authorization!;
    await writePurchaseCsv(FILE, ROWS);
    log(`wrote ${ROWS.toLocaleString('en')} rows (${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB)`);

    log(`load average before: ${load()}`);
    const quietEnd = performance.now() + BASELINE_SECONDS * 1000;
    const quiet = await askHealth(client, () => performance.now() > quietEnd);
    log(`health, no import (${BASELINE_SECONDS} s): ${summary(quiet)} (load ${load()})`);

    const t0 = performance.now();
    const id = await upload(server.url, token, FILE);
    const accepted = (performance.now() - t0) / 1000;
    let state: ImportState = { status: 'queued', phase: null, rowsRead: 0, report: null };
    let finished = false;
    const phases: string[] = [];
    const poll = (async () => {
      while (state.status === 'queued' || state.status === 'running') {
        await new Promise((r) => setTimeout(r, 500));
        state = (await client.json<{ import: ImportState }>('GET', `/api/v1/imports/${id}`)).import;
        const seen = `${state.status}${state.phase ? `/${state.phase}` : ''}`;
        if (phases.at(-1)?.split(' ')[0] !== seen)
          phases.push(`${seen} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      finished = true;
    })();
    const slow: Array<[number, number]> = [];
    const busy = await askHealth(client, () => finished, slow);
    await poll;
    const total = (performance.now() - t0) / 1000;
    log(`upload answered 202 in ${accepted.toFixed(2)} s; import ${state.status} after ${total.toFixed(1)} s`);
    log(`  phases seen: ${phases.join(', ')}`);
    log(`  report: ${state.report?.message ?? '(none)'}`);
    log(`health, during the import: ${summary(busy)} (load ${load()})`);
    // When the slow answers (> 200 ms) were asked, in seconds after the upload: which phase stalls.
    const at = (t: number) => ((t - t0) / 1000).toFixed(1);
    const spans: string[] = [];
    for (const [from, to] of slow.sort((a, b) => a[0] - b[0])) {
      const last = spans.at(-1);
      if (last && Number(last.split('–')[1]) >= Number(at(from)))
        spans[spans.length - 1] = `${last.split('–')[0]}–${at(to)}`;
      else spans.push(`${at(from)}–${at(to)}`);
    }
    log(`  slow answers (> 200 ms) asked during: ${spans.slice(0, 20).join(', ') || 'none'} s`);
    client.close();
  } finally {
    fs.rmSync(FILE, { force: true });
    await server.stop();
    await dropDatabase(DATABASE);
  }
}

await main();
