import type { Distribution } from '../contract/api-types.ts';

// Distributions for the service metrics screen (K7): a median and a high percentile say more
// about waiting than an average one long case can drag anywhere.
//
// Percentiles use the nearest-rank method: p = the smallest observed value with at least p%
// of observations at or below it. It always reports a wait some customer really had ("90% of
// customers had an answer within X minutes" is then literally true), never an interpolated one.

/** Default histogram bounds in minutes: 5 min … 1 week. */
export const DEFAULT_MINUTE_BUCKETS: readonly number[] = [5, 15, 30, 60, 120, 240, 480, 1440, 2880, 4320, 10080];

export function percentile(sortedAscending: readonly number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1] ?? null;
}

/**
 * Buckets are not cumulative: each value is counted once, in the first bucket whose upper
 * bound (le) is ≥ it. Values above the last bound go into one more bucket whose le is the
 * largest value (JSON has no Infinity), marked `over`; it is present only when needed.
 */
export function summarizeDistribution(
  values: readonly number[],
  bucketUpperBounds: readonly number[] = DEFAULT_MINUTE_BUCKETS,
): Distribution {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`summarizeDistribution: not a finite number: ${v}`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const bounds = [...new Set(bucketUpperBounds.filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
  const buckets: Distribution['buckets'] = bounds.map((le) => ({ le, count: 0 }));
  let overflow = 0;
  for (const v of sorted) {
    const bucket = buckets.find((b) => v <= b.le);
    if (bucket) bucket.count += 1;
    else overflow += 1;
  }
  const max = sorted.length > 0 ? (sorted[sorted.length - 1] ?? null) : null;
  // Marked, so a chart says "> 1 week" rather than "≤ 16 d 7 h" (the largest value as an edge).
  if (overflow > 0 && max !== null) buckets.push({ le: max, count: overflow, over: true });
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max,
    buckets,
  };
}
