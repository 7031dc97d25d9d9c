import { describe, expect, it } from 'vitest';
import { giniFromSums, lorenzCurve, lorenzFromPercentiles, shareAt } from './lorenz.ts';

describe('Lorenz curve and Gini', () => {
  it('one customer with 60 of 100 among five: top 20% bring 60%, Gini 0.4', () => {
    const l = lorenzCurve([10, 60, 10, 10, 10]);
    expect(l.top20Share).toBeCloseTo(0.6, 12);
    expect(l.gini).toBeCloseTo(0.4, 12);
    expect(l.points).toEqual([
      { p: 0, share: 0 },
      { p: 0.2, share: 0.1 },
      { p: 0.4, share: 0.2 },
      { p: 0.6, share: 0.3 },
      { p: 0.8, share: 0.4 },
      { p: 1, share: 1 },
    ]);
  });

  it('equal values: Gini 0 and the top 20% bring 20%', () => {
    const l = lorenzCurve([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(l.gini).toBeCloseTo(0, 12);
    expect(l.top20Share).toBeCloseTo(0.2, 12);
  });

  it('all in one hand: Gini (n−1)/n', () => {
    expect(lorenzCurve([0, 0, 0, 100]).gini).toBeCloseTo(0.75, 12);
    expect(giniFromSums(4, 100, 400)).toBeCloseTo(0.75, 12);
  });

  it('percentile sums from SQL give the same curve as the exact one', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) + 1).sort((a, b) => a - b);
    const exact = lorenzCurve(values);
    const sums = new Array<number>(100).fill(0);
    let siv = 0;
    values.forEach((v, i) => {
      sums[Math.ceil((100 * (i + 1)) / values.length) - 1]! += v;
      siv += (i + 1) * v;
    });
    const fromSql = lorenzFromPercentiles(values.length, exact.total, siv, sums);
    expect(fromSql.gini).toBeCloseTo(exact.gini, 12);
    expect(fromSql.top20Share).toBeCloseTo(exact.top20Share, 12);
    expect(fromSql.points).toHaveLength(101);
  });

  it('percentiles with fewer than 100 people skip the empty ones', () => {
    const sums = new Array<number>(100).fill(0);
    [10, 10, 10, 10, 60].forEach((v, i) => (sums[Math.ceil((100 * (i + 1)) / 5) - 1] = v));
    const l = lorenzFromPercentiles(5, 100, 10 + 20 + 30 + 40 + 300, sums);
    expect(l.points.map((p) => p.p)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(l.top20Share).toBeCloseTo(0.6, 12);
  });

  it('interpolates between points', () => {
    expect(
      shareAt(
        [
          { p: 0, share: 0 },
          { p: 1, share: 1 },
        ],
        0.3,
      ),
    ).toBeCloseTo(0.3, 12);
    expect(lorenzCurve([]).population).toBe(0);
  });
});
