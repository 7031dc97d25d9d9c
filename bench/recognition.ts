// Issue 18: recognition of one message stays under 1 ms at 2,000 characters and linear in its
// length. Per language, a customer message (supervisor requests) and an agent reply
// (commitments) of 2,000 characters are built from the held-out sentences, then 8× longer
// (16,000); each is read ROUNDS times and the median taken. Baseline, same run: one pass of
// normalizeForMatching over the same text (the cheapest reading of every character).
//   npx tsx bench/recognition.ts            (BENCH_ROUNDS=400 by default)
import fs from 'node:fs';
import path from 'node:path';
import { detectSupervisorRequest, recognizeCommitments } from '../src/desk/index.ts';
import { normalizeForMatching } from '../src/desk/escalations/supervisor-request/supervisor-request-phrases.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const ROOT = path.join(import.meta.dirname, '..', 'src', 'desk');
const NOW = new Date('2026-03-02T10:00:00Z');

function textOf(sentences: string[], length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${sentences[i % sentences.length]} `;
  return out.slice(0, length);
}

// Wall time and this process's CPU time, each the median of ROUNDS runs. On a machine shared by
// many processes the wall time also counts the time the process waited for a core (a 16 ms run
// is preempted more often than a 2 ms one); the CPU time does not, so it is the figure to read.
function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

function medianMs(run: () => unknown): number {
  return measureMs(run).wall;
}

function measureMs(run: () => unknown): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const c = process.cpuUsage();
    const start = process.hrtime.bigint();
    run();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const rows: string[] = [];
for (const language of ['en', 'ar', 'he', 'ru']) {
  const supervisor = (
    JSON.parse(
      fs.readFileSync(path.join(ROOT, 'escalations/supervisor-request/sets', `held-out-${language}.json`), 'utf8'),
    ) as Array<[number, string]>
  )
    .filter(([label]) => label === 0)
    .map(([, s]) => s);
  const held = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'promises/commitments/held-out', `${language}.json`), 'utf8')) as {
      rows: Array<[string, unknown, unknown]>;
    }
  ).rows;
  const promises = held.filter(([, kind]) => kind !== null).map(([s]) => s);
  const others = held.filter(([, kind]) => kind === null).map(([s]) => s);
  // A typical reply: two promises in it, the rest explanation; every other sentence a promise;
  // dense: the set in its order, promises first, so 2,000 characters of nothing but promises.
  const typical = [promises[0]!, ...others.slice(0, 12), promises[1]!, ...others.slice(12)];
  const alternate = promises.flatMap((p, i) => [p, others[i % others.length]!]);
  const dense = held.map(([s]) => s);
  const commitments = (t: string) => recognizeCommitments(t, NOW, 'UTC');
  for (const [what, sentences, read] of [
    ['supervisor', supervisor, (t: string) => detectSupervisorRequest(t)],
    ['commitments, typical (2 promises)', typical, commitments],
    ['commitments, every other sentence a promise', alternate, commitments],
    ['commitments, dense (all promises)', dense, commitments],
  ] as const) {
    const short = textOf(sentences, 2_000);
    // The same 2,000 characters eight times: 8× the text, 8× the sentences of each kind.
    const long = `${short} `.repeat(8);
    for (let i = 0; i < 50; i++) read(short); // warm-up
    const s = measureMs(() => read(short));
    const l = measureMs(() => read(long));
    const base = medianMs(() => normalizeForMatching(short));
    const ms = (x: number) => `${x.toFixed(3)} ms`;
    rows.push(
      `| ${language} | ${what} | ${ms(s.wall)} | ${ms(s.cpu)} | ${ms(l.wall)} | ${ms(l.cpu)} | ${(l.cpu / s.cpu).toFixed(1)}× | ${ms(base)} | ${(s.wall / base).toFixed(1)} |`,
    );
  }
}
console.log(`rounds ${ROUNDS}, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
console.log(
  '| language | recogniser | 2,000 chars | CPU | 16,000 chars | CPU | CPU growth (8× = linear) | baseline 2,000 | ratio |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
