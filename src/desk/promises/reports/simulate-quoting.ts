import { percentile } from '../capability/percentile.ts';

// The simulation report (issue 4): replay the last N weeks as if every promise had been
// quoted by the rule — the chosen percentile of the durations completed BEFORE the week it
// was made in (no peeking) — and count how many would have been kept, beside how many were.

export interface ReplayPromise {
  kind: string;
  createdAt: Date;
  status: 'kept' | 'broken';
  /** How long the work really took; null when it never completed (a breach never made good). */
  actualMinutes: number | null;
}

export interface ReplayDuration {
  kind: string;
  completedAt: Date;
  minutes: number;
}

export interface ReplayResult {
  promises: number;
  actualKept: number;
  simulatedKept: number;
  quotedMinutes: number | null;
}

/**
 * Would the quoted time have held? A promise is "kept under the rule" when the work took no
 * longer than the quote. Without enough earlier history (fewer than `minHistory`) the
 * promise keeps its actual outcome: the rule would not have quoted anything.
 */
export function replayWithQuotes(
  promises: readonly ReplayPromise[],
  history: readonly ReplayDuration[],
  p: number,
  lookbackDays = 90,
  minHistory = 20,
): ReplayResult {
  const sorted = [...history].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  let actualKept = 0;
  let simulatedKept = 0;
  const quotes: number[] = [];
  const cache = new Map<string, number | null>();
  for (const promise of promises) {
    if (promise.status === 'kept') actualKept++;
    const day = promise.createdAt.toISOString().slice(0, 10);
    const key = `${promise.kind}:${day}`;
    let quote = cache.get(key);
    if (quote === undefined) {
      const until = new Date(`${day}T00:00:00Z`).getTime();
      const from = until - lookbackDays * 86_400_000;
      const values = sorted
        .filter((d) => d.kind === promise.kind && d.completedAt.getTime() < until && d.completedAt.getTime() >= from)
        .map((d) => d.minutes);
      quote = values.length >= minHistory ? percentile(values, p) : null;
      cache.set(key, quote);
    }
    if (quote === null) {
      if (promise.status === 'kept') simulatedKept++;
      continue;
    }
    quotes.push(quote);
    if (promise.actualMinutes !== null && promise.actualMinutes <= quote) simulatedKept++;
  }
  return { promises: promises.length, actualKept, simulatedKept, quotedMinutes: percentile(quotes, 50) };
}
