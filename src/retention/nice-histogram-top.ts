/**
 * The top of a histogram of `buckets` equal bins that covers `highest` with round edges: each bin
 * 1, 2, 2.5 or 5 × a power of ten wide, so the labels read "≤ 50, ≤ 100, ≤ 150…" instead of
 * "≤ 37, ≤ 74, ≤ 112…" (the 99th percentile divided by 20, as before).
 */
export function niceHistogramTop(highest: number, buckets = 20): number {
  if (!Number.isFinite(highest) || highest <= 0) return buckets;
  const raw = highest / buckets;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-12)) ?? 10 * power;
  return step * buckets;
}
