import { expect, it } from 'vitest';

// Test helpers for issue 14: an analysis of text is linear and bounded. Timings (of CPU time) on
// a shared, noisy machine (garbage collection, caches), so the margins are wide: the input grows
// 8×, linear work then takes ~8× the time and quadratic work ~64×; we fail above 24×. The
// smaller input is doubled until it takes 10 ms (up to 128 K characters), and counts as at least
// 5 ms, so that timer noise and a collection of garbage do not decide.

const MEGABYTE = 1024 * 1024;
const GROWTH = 8;
const MAX_RATIO = 24;

/** CPU time of this process, not the wall clock: the other processes on the machine do not count. */
function elapsedMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function bestOfThree(run: () => unknown): number {
  return Math.min(elapsedMs(run), elapsedMs(run), elapsedMs(run));
}

/** `run` on an input 8× longer (made by `make`, from `n` characters up) takes at most 24× the time. */
export function expectLinear(run: (text: string) => unknown, make: (length: number) => string, n = 16_000): void {
  let length = n;
  let small = make(length);
  run(small); // warm-up: regular expressions compiled, code optimised
  let base = bestOfThree(() => run(small));
  while (base < 10 && 2 * length * GROWTH <= MEGABYTE) {
    length *= 2;
    small = make(length);
    base = bestOfThree(() => run(small));
  }
  base = Math.max(base, 5);
  const large = make(GROWTH * length);
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best > MAX_RATIO * base; attempt++) {
    best = Math.min(
      best,
      elapsedMs(() => run(large)),
    );
    // Clearly super-linear, and slow: no need to wait through more runs.
    if (best > 3 * MAX_RATIO * base && best > 1_000) break;
  }
  const timings = `${length} chars: ${base.toFixed(1)} ms, ${GROWTH * length} chars: ${best.toFixed(1)} ms`;
  expect(best / base, timings).toBeLessThanOrEqual(MAX_RATIO);
}

/** `run` on a megabyte made by `make` returns within `limitMs` (a wide margin over the bound's cost). */
export function expectFastOnMegabyte(
  run: (text: string) => unknown,
  make: (length: number) => string,
  limitMs = 1_500,
): void {
  const text = make(MEGABYTE);
  const ms = elapsedMs(() => run(text));
  expect(ms, `1 MB in ${ms.toFixed(0)} ms`).toBeLessThan(limitMs);
}

/** Hostile shapes of text: long runs without spaces, "x@" pairs, quote marks, one long line of Arabic. */
export const HOSTILE_TEXTS: Record<string, (length: number) => string> = {
  'one long word': (n) => 'x'.repeat(n),
  '"x@" pairs': (n) => 'x@'.repeat(n / 2),
  'dots without spaces': (n) => 'a.'.repeat(n / 2),
  'lines of ">"': (n) => `${'>'.repeat(500)}\n`.repeat(Math.ceil(n / 501)).slice(0, n),
  'quoted lines, then an answer': (n) => `${'> old\n'.repeat(n / 6)}answer`,
  'one line of Arabic': (n) => 'م'.repeat(n),
  'Cyrillic stems': (n) => 'позов'.repeat(n / 5),
  'words and spaces': (n) => 'please call me back '.repeat(n / 20),
  'spaces then a letter': (n) => `${' '.repeat(n - 1)}x`,
  'empty lines': (n) => '\n'.repeat(n),
};

/** Hostile shapes of HTML: deep nesting, many tags, huge attributes, unclosed scripts, stray "<". */
export const HOSTILE_HTML: Record<string, (length: number) => string> = {
  'nested divs': (n) => '<div>'.repeat(n / 5),
  'many small tags': (n) => '<b>x</b>'.repeat(n / 8),
  'a long style attribute': (n) => `<p style="${'color:red;'.repeat(n / 10)}">x</p>`,
  'unclosed scripts': (n) => '<script>x'.repeat(n / 9),
  'unclosed styles in a table': (n) => `<table><tr><td>${'<style>'.repeat(n / 7)}`,
  'less-than signs': (n) => '<'.repeat(n),
};

/**
 * One test per hostile shape (HOSTILE_TEXTS and the caller's own) that `run` is linear on it,
 * from `n` characters, and one that a megabyte of each returns quickly.
 */
export function itIsLinearOnHostileText(
  label: string,
  run: (text: string) => unknown,
  { shapes = {}, n = 16_000 }: { shapes?: Record<string, (length: number) => string>; n?: number } = {},
): void {
  const all = { ...HOSTILE_TEXTS, ...shapes };
  for (const [shape, make] of Object.entries(all)) {
    it(`${label} is linear on ${shape}`, () => expectLinear(run, make, n));
  }
  it(`${label} reads a megabyte of each hostile shape quickly`, () => {
    for (const make of Object.values(all)) expectFastOnMegabyte(run, make);
  });
}
