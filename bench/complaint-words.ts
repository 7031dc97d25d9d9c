// What reading a message for complaint words (K12) adds to intake: CPU per message of
// recognizeComplaint, against detectSupervisorRequest — the same kind of reading intake already
// did on every message — in interleaved rounds of the same run. Messages are paragraphs of the
// essays in tests/fixtures/text (four languages, 200–2,000 characters), each read whole. Then the
// bound the rules must keep (issues #15/#18): CPU per 2,000 characters, on the essays cut in slices
// of 2,000 characters — under 1 ms.
// Usage: npx tsx bench/complaint-words.ts   (BENCH_ROUNDS, default 5)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectSupervisorRequest, recognizeComplaint } from '../src/desk/index.ts';

const dir = join(import.meta.dirname, '../tests/fixtures/text');
const messages = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/))
  .map((p) => p.trim())
  .filter((p) => p.length >= 200)
  .map((p) => p.slice(0, 2_000));
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const slices = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return Array.from({ length: Math.floor(text.length / 2_000) }, (_, i) => text.slice(i * 2_000, (i + 1) * 2_000));
  });

function cpuMicrosPerMessage(read: (text: string) => unknown, texts = messages): number {
  const start = process.cpuUsage();
  for (let repeat = 0; repeat < 20; repeat++) for (const m of texts) read(m);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (20 * texts.length);
}

cpuMicrosPerMessage(recognizeComplaint); // warm-up: expressions compiled, code optimised
cpuMicrosPerMessage(detectSupervisorRequest);
const complaint: number[] = [];
const supervisor: number[] = [];
const complaint2k: number[] = [];
for (let round = 0; round < rounds; round++) {
  complaint.push(cpuMicrosPerMessage(recognizeComplaint));
  supervisor.push(cpuMicrosPerMessage(detectSupervisorRequest));
  complaint2k.push(cpuMicrosPerMessage(recognizeComplaint, slices));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const meanLength = messages.reduce((n, m) => n + m.length, 0) / messages.length;
console.log(`${messages.length} messages, ${meanLength.toFixed(0)} characters on average, ${rounds} rounds`);
console.log(`recognizeComplaint       ${median(complaint).toFixed(1)} µs CPU per message`);
console.log(`detectSupervisorRequest  ${median(supervisor).toFixed(1)} µs CPU per message (baseline)`);
console.log(`ratio ${(median(complaint) / median(supervisor)).toFixed(2)}`);
console.log(
  `recognizeComplaint       ${median(complaint2k).toFixed(1)} µs CPU per 2,000 characters ` +
    `(${slices.length} slices; bound 1,000)`,
);
