// K4: a quote is a high percentile of how long similar work really took.

/**
 * The p-th percentile by the nearest-rank method: the smallest sample such that at least p%
 * of the samples are at or below it. Chosen over interpolation on purpose: "90% were done
 * within X" must be literally true of the history, and X must be a duration that happened.
 * Null for an empty sample.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Share (0..1) of the samples at or below `limit`: "what share would this time have kept". */
export function shareWithin(values: readonly number[], limit: number): number | null {
  if (values.length === 0) return null;
  let n = 0;
  for (const v of values) if (v <= limit) n++;
  return n / values.length;
}
