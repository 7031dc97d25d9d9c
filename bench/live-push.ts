/**
 * Push latency of the live desk (issue 16) with 500 open streams, across two instances on one
 * PostgreSQL: instance A takes a message (POST /cases/:id/messages), instance B holds 500
 * `GET /api/v1/live` streams (each one browser tab's EventSource) on loopback. Latency is from
 * the moment the POST is sent until a stream has read the notice; every stream is counted every
 * round. Baseline in the same run: a plain HTTP round trip to instance B (GET /api/health), and the
 * POST's own round trip (the write the notice follows).
 *
 *   npx tsx bench/live-push.ts
 *   BENCH_STREAMS=500 BENCH_ROUNDS=100 npx tsx bench/live-push.ts
 *
 * Database kept_bench_live is created and dropped. The servers are child processes.
 */
import http from 'node:http';
import os from 'node:os';
import {
  dropDatabase,
  fmt,
  percentile,
  pgUrl,
  recreateDatabase,
  rssMiB,
  setUpWorkspace,
  startBenchServer,
} from './support/bench-kit.ts';
import { readEventStream } from '../tests/support/event-stream-frames.ts';

const DB = 'kept_bench_live';
const STREAMS = Number(process.env.BENCH_STREAMS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const ROUND_TIMEOUT_MS = 10_000;

interface Stream {
  /** Arrival times (performance.now()) of each message.received notice, in order. */
  arrivals: number[];
  close(): void;
}

function openStream(baseUrl: string, token: string, agent: http.Agent, onNotice: () => void): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const arrivals: number[] = [];
    const request = http.get(
      `${baseUrl}/api/v1/live`,
      { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`live → ${res.statusCode}`));
        readEventStream(res, (data) => {
          if (!data.includes('"what":"message.received"')) return;
          arrivals.push(performance.now());
          onNotice();
        });
        resolve({ arrivals, close: () => request.destroy() });
      },
    );
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}

async function timeGet(url: string, agent: http.Agent): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      })
      .on('error', reject);
  });
  return performance.now() - t0;
}

async function main(): Promise<void> {
  await recreateDatabase(DB);
  const env = { DATABASE_URL: pgUrl(DB) };
  const a = await startBenchServer(env);
  const b = await startBenchServer(env);
  const streams: Stream[] = [];
  try {
    const { client, workspaceId } = await setUpWorkspace(a.url);
    const token = client.headers.authorization!.slice('Bearer '.length);
    const created = await client.json<{ case: { id: string } }>('POST', '/api/v1/cases', {
      customer: { name: 'Push Bench', email: 'push@bench.test' },
      channel: 'web',
      subject: 'Push bench',
      body: 'First message.',
    });
    const caseId = created.case.id;
    const streamAgent = new http.Agent({ keepAlive: true, maxSockets: STREAMS + 10 });
    let pending = 0;
    let wake: (() => void) | null = null;
    const onNotice = () => {
      pending--;
      if (pending <= 0) wake?.();
    };
    for (let i = 0; i < STREAMS; i++) streams.push(await openStream(b.url, token, streamAgent, onNotice));
    process.stderr.write(`  ${STREAMS} streams open on B; workspace ${workspaceId}\n`);

    const baselineAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const push: number[] = [];
    const lastOfRound: number[] = [];
    const post: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await timeGet(`${b.url}/api/health`, baselineAgent));
      pending = STREAMS;
      const allArrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`round ${round}: ${pending} streams heard nothing`)),
          ROUND_TIMEOUT_MS,
        );
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      const t0 = performance.now();
      const res = await client.request('POST', `/api/v1/cases/${caseId}/messages`, {
        direction: 'inbound',
        channel: 'phone',
        body: `Round ${round}: the customer called again.`,
      });
      if (res.status !== 201) throw new Error(`POST message → ${res.status}: ${res.body}`);
      post.push(performance.now() - t0);
      await allArrived;
      const arrivals = streams.map((s) => s.arrivals[round]! - t0);
      push.push(...arrivals);
      lastOfRound.push(Math.max(...arrivals));
    }
    const row = (label: string, values: number[]) =>
      `| ${label} | ${fmt(percentile(values, 50), 1)} | ${fmt(percentile(values, 99), 1)} | ${fmt(Math.max(...values), 1)} |`;
    const p99Push = percentile(push, 99);
    const p99Base = percentile(baseline, 99);
    console.log(`\nLive push: ${STREAMS} streams on instance B, ${ROUNDS} messages posted to instance A`);
    console.log(
      `${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; RSS of B ${fmt(rssMiB(b.pid) ?? 0)} MiB\n`,
    );
    console.log('| measure | p50 ms | p99 ms | max ms |');
    console.log('|---|---|---|---|');
    console.log(row('baseline: GET /api/health on B (plain HTTP round trip)', baseline));
    console.log(row('POST message on A (the write, its round trip)', post));
    console.log(row(`push: POST sent → notice read, every stream (${push.length} samples)`, push));
    console.log(row(`push: POST sent → last of the ${STREAMS} streams, per message`, lastOfRound));
    console.log(`\npush p99 / baseline p99 = ${fmt(p99Push / p99Base, 1)}×`);
  } finally {
    for (const s of streams) s.close();
    await a.stop();
    await b.stop();
    await dropDatabase(DB);
  }
}

await main();
