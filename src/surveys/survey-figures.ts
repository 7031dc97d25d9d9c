// Figures of a group of scores (K18 consistency): not only the mean but the spread — standard
// deviation, quartiles and IQR, the share of 1–2 scores — each with the number of answers and
// its uncertainty, so that a group of five answers is never read like a group of five hundred.
// Pure and linear in the number of scores (one sort).
import type { SpreadGroupView } from '../contract/survey-types.ts';

/** A group's figures as the API shows them (`SpreadGroupView` without its key and label). */
export type SpreadFigures = Omit<SpreadGroupView, 'key' | 'label'>;

/** Below this many answers a group's spread is too uncertain to rank (the issue: "no conclusion from five"). */
export const MIN_ANSWERS = 20;
const Z95 = 1.959964;

/** Quantile by linear interpolation between order statistics (R's type 7, NumPy's default). */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Wilson score interval for k successes of n (95%). */
export function wilsonInterval(k: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function spreadOf(scores: readonly number[], lowAt = 2): SpreadFigures {
  const n = scores.length;
  const sorted = [...scores].sort((a, b) => a - b);
  let sum = 0;
  let low = 0;
  for (const s of sorted) {
    sum += s;
    if (s <= lowAt) low++;
  }
  const mean = n ? sum / n : null;
  let sd: number | null = null;
  if (n >= 2 && mean !== null) {
    let squares = 0;
    for (const s of sorted) squares += (s - mean) ** 2;
    sd = Math.sqrt(squares / (n - 1));
  }
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const wilson = wilsonInterval(low, n);
  const half = sd !== null ? (Z95 * sd) / Math.sqrt(n) : null;
  return {
    n,
    mean,
    sd,
    min: n ? sorted[0]! : null,
    q1,
    median: quantileSorted(sorted, 0.5),
    q3,
    max: n ? sorted[n - 1]! : null,
    iqr: q1 !== null && q3 !== null ? q3 - q1 : null,
    lowShare: n ? low / n : null,
    lowShareLow: wilson?.[0] ?? null,
    lowShareHigh: wilson?.[1] ?? null,
    meanLow: mean !== null && half !== null ? mean - half : null,
    meanHigh: mean !== null && half !== null ? mean + half : null,
    fewAnswers: n < MIN_ANSWERS,
  };
}

/** The least consistent groups: widest spread first (sd, then share of 1–2), only groups with enough answers. */
export function leastConsistent<G extends { figures: SpreadFigures }>(groups: readonly G[], count = 3): G[] {
  return groups
    .filter((g) => !g.figures.fewAnswers && g.figures.sd !== null)
    .sort((a, b) => b.figures.sd! - a.figures.sd! || (b.figures.lowShare ?? 0) - (a.figures.lowShare ?? 0))
    .slice(0, count);
}

/** Net Promoter Score from 0–10 answers: % promoters (9–10) minus % detractors (0–6). */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

/** The k-th smallest (0-based) of the scores counted in `counts` (index = score). */
function orderStatistic(counts: readonly number[], k: number): number {
  let seen = 0;
  for (let s = 0; s < counts.length; s++) {
    seen += counts[s] ?? 0;
    if (k < seen) return s;
  }
  return counts.length - 1;
}

/** `spreadOf` from counted scores (index = score, as the reports' SQL returns them): the same figures without the list. */
export function spreadOfCounts(counts: readonly number[], lowAt = 2): SpreadFigures {
  let n = 0;
  let sum = 0;
  let low = 0;
  counts.forEach((c, s) => {
    n += c;
    sum += c * s;
    if (s <= lowAt) low += c;
  });
  const mean = n ? sum / n : null;
  let sd: number | null = null;
  if (n >= 2 && mean !== null) {
    let squares = 0;
    counts.forEach((c, s) => (squares += c * (s - mean) ** 2));
    sd = Math.sqrt(squares / (n - 1));
  }
  const quantile = (p: number) => {
    if (n === 0) return null;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = orderStatistic(counts, lo);
    const b = orderStatistic(counts, Math.min(n - 1, lo + 1));
    return a + (h - lo) * (b - a);
  };
  const q1 = quantile(0.25);
  const q3 = quantile(0.75);
  const wilson = wilsonInterval(low, n);
  const half = sd !== null ? (Z95 * sd) / Math.sqrt(n) : null;
  return {
    n,
    mean,
    sd,
    min: n ? orderStatistic(counts, 0) : null,
    q1,
    median: quantile(0.5),
    q3,
    max: n ? orderStatistic(counts, n - 1) : null,
    iqr: q1 !== null && q3 !== null ? q3 - q1 : null,
    lowShare: n ? low / n : null,
    lowShareLow: wilson?.[0] ?? null,
    lowShareHigh: wilson?.[1] ?? null,
    meanLow: mean !== null && half !== null ? mean - half : null,
    meanHigh: mean !== null && half !== null ? mean + half : null,
    fewAnswers: n < MIN_ANSWERS,
  };
}

/** Net Promoter Score from counted 0–10 answers (index = score). */
export function netPromoterScoreOfCounts(counts: readonly number[]): number | null {
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  counts.forEach((c, s) => {
    n += c;
    if (s >= 9) promoters += c;
    else if (s <= 6) detractors += c;
  });
  return n === 0 ? null : Math.round(((promoters - detractors) / n) * 100);
}
