// Lorenz curves and Gini coefficients (Pareto, K11). The curve L(p) is the share of the total
// held by the poorest fraction p of the population, so "the top 20% bring X%" is 1 − L(0.8).

export interface LorenzPoint {
  /** share of the population, 0..1 (ascending by value) */
  p: number;
  /** cumulative share of the total, 0..1 */
  share: number;
}

export interface LorenzSummary {
  population: number;
  total: number;
  gini: number;
  /** share of the total held by the top 20% of the population */
  top20Share: number;
  points: LorenzPoint[];
}

/** Linear interpolation on the curve (points sorted by p, starting at 0,0). */
export function shareAt(points: readonly LorenzPoint[], p: number): number {
  if (points.length === 0) return 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (p <= b.p) return b.p === a.p ? b.share : a.share + ((p - a.p) / (b.p - a.p)) * (b.share - a.share);
  }
  return points.at(-1)!.share;
}

/** G = 2·Σ i·v_(i) / (n·Σv) − (n+1)/n over values sorted ascending (i from 1). */
export function giniFromSums(n: number, total: number, sumRankTimesValue: number): number {
  if (n === 0 || total <= 0) return 0;
  return (2 * sumRankTimesValue) / (n * total) - (n + 1) / n;
}

/** The exact curve of a small population (complaints per complainer, tests). */
export function lorenzCurve(values: readonly number[], maxPoints = 101): LorenzSummary {
  const sorted = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0)
    return {
      population: n,
      total,
      gini: 0,
      top20Share: n === 0 ? 0 : 0.2,
      points: [
        { p: 0, share: 0 },
        { p: 1, share: 1 },
      ],
    };
  let cumulative = 0;
  let rankSum = 0;
  const all: LorenzPoint[] = [{ p: 0, share: 0 }];
  sorted.forEach((v, i) => {
    cumulative += v;
    rankSum += (i + 1) * v;
    all.push({ p: (i + 1) / n, share: cumulative / total });
  });
  const points = all.length <= maxPoints ? all : thin(all, maxPoints);
  return { population: n, total, gini: giniFromSums(n, total, rankSum), top20Share: 1 - shareAt(all, 0.8), points };
}

function thin(points: readonly LorenzPoint[], maxPoints: number): LorenzPoint[] {
  const out: LorenzPoint[] = [];
  for (let k = 0; k < maxPoints; k++) out.push({ p: k / (maxPoints - 1), share: shareAt(points, k / (maxPoints - 1)) });
  return out;
}

/**
 * The curve from percentile sums computed in the database: `sums[k]` is the total of the
 * values whose ascending rank falls in percentile k+1 (ceil(100·i/n)); empty percentiles are 0.
 */
export function lorenzFromPercentiles(
  n: number,
  total: number,
  sumRankTimesValue: number,
  sums: readonly number[],
): LorenzSummary {
  if (n === 0 || total <= 0)
    return {
      population: n,
      total,
      gini: 0,
      top20Share: 0,
      points: [
        { p: 0, share: 0 },
        { p: 1, share: 1 },
      ],
    };
  const points: LorenzPoint[] = [{ p: 0, share: 0 }];
  let cumulative = 0;
  for (let k = 1; k <= 100; k++) {
    const s = sums[k - 1] ?? 0;
    // A percentile with nobody in it (n < 100) is not a point of the curve.
    if (Math.floor((k * n) / 100) === Math.floor(((k - 1) * n) / 100)) continue;
    cumulative += s;
    points.push({ p: Math.floor((k * n) / 100) / n, share: cumulative / total });
  }
  if (points.at(-1)!.p !== 1) points.push({ p: 1, share: 1 });
  return {
    population: n,
    total,
    gini: giniFromSums(n, total, sumRankTimesValue),
    top20Share: 1 - shareAt(points, 0.8),
    points,
  };
}
