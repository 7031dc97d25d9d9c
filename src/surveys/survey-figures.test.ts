import { describe, expect, it } from 'vitest';
import {
  leastConsistent,
  MIN_ANSWERS,
  netPromoterScore,
  netPromoterScoreOfCounts,
  quantileSorted,
  spreadOf,
  spreadOfCounts,
  wilsonInterval,
} from './survey-figures.ts';

describe('spreadOf', () => {
  it('computes the spread of a small group by hand', () => {
    // 1,2,3,4,5: mean 3, sample sd √2.5, quartiles 2 and 4 (type 7), two of five at 1–2.
    const f = spreadOf([5, 1, 4, 2, 3]);
    expect(f.n).toBe(5);
    expect(f.mean).toBe(3);
    expect(f.sd).toBeCloseTo(Math.sqrt(2.5), 10);
    expect([f.min, f.q1, f.median, f.q3, f.max]).toEqual([1, 2, 3, 4, 5]);
    expect(f.iqr).toBe(2);
    expect(f.lowShare).toBeCloseTo(0.4, 10);
    expect(f.fewAnswers).toBe(true);
  });

  it('shows a uniform group as having no spread at all', () => {
    const f = spreadOf(Array.from({ length: 40 }, () => 4));
    expect(f.sd).toBe(0);
    expect(f.iqr).toBe(0);
    expect(f.lowShare).toBe(0);
    expect(f.meanLow).toBe(4);
    expect(f.meanHigh).toBe(4);
    expect(f.fewAnswers).toBe(false);
  });

  it('is honest about no answers and one answer', () => {
    const none = spreadOf([]);
    expect([none.mean, none.sd, none.median, none.lowShare, none.lowShareLow]).toEqual([null, null, null, null, null]);
    const one = spreadOf([2]);
    expect(one.mean).toBe(2);
    expect(one.sd).toBeNull();
    expect(one.meanLow).toBeNull();
    expect(one.lowShare).toBe(1);
  });

  it('gives a wider interval to fewer answers', () => {
    const small = spreadOf([1, 5, 1, 5]);
    const large = spreadOf(Array.from({ length: 400 }, (_, i) => (i % 2 ? 5 : 1)));
    expect(small.meanHigh! - small.meanLow!).toBeGreaterThan(large.meanHigh! - large.meanLow!);
    expect(small.lowShareHigh! - small.lowShareLow!).toBeGreaterThan(large.lowShareHigh! - large.lowShareLow!);
  });
});

describe('quantiles and intervals', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 10);
    expect(quantileSorted([], 0.5)).toBeNull();
  });

  it('matches a published Wilson interval (10 of 100: 0.0552–0.1744)', () => {
    const [lo, hi] = wilsonInterval(10, 100)!;
    expect(lo).toBeCloseTo(0.0552, 3);
    expect(hi).toBeCloseTo(0.1744, 3);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('leastConsistent', () => {
  const group = (name: string, scores: number[]) => ({ name, figures: spreadOf(scores) });
  it('names the widest spread first and never a group with too few answers', () => {
    const steady = group(
      'steady',
      Array.from({ length: 30 }, () => 4),
    );
    const mixed = group(
      'mixed',
      Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 1 : 5)),
    );
    const some = group(
      'some',
      Array.from({ length: 30 }, (_, i) => (i % 5 === 0 ? 2 : 4)),
    );
    const tiny = group('tiny', [1, 5, 1, 5]);
    expect(tiny.figures.n).toBeLessThan(MIN_ANSWERS);
    expect(leastConsistent([steady, tiny, some, mixed], 2).map((g) => g.name)).toEqual(['mixed', 'some']);
  });
});

describe('netPromoterScore', () => {
  it('is promoters minus detractors in percent', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(netPromoterScore([10, 10, 10, 5])).toBe(50);
    expect(netPromoterScore([])).toBeNull();
  });
});

describe('spreadOfCounts', () => {
  const countsOf = (scores: number[]) => {
    const counts = Array.from({ length: 11 }, () => 0);
    for (const s of scores) counts[s]!++;
    return counts;
  };
  it('gives the figures spreadOf gives for the same scores', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const length of [0, 1, 2, 3, 5, 19, 20, 41, 400]) {
      const scores = Array.from({ length }, () => 1 + (next() % 5));
      const a = spreadOf(scores);
      const b = spreadOfCounts(countsOf(scores));
      for (const key of Object.keys(a) as Array<keyof typeof a>) {
        const x = a[key];
        const y = b[key];
        if (typeof x === 'number' && typeof y === 'number') expect(y).toBeCloseTo(x, 9);
        else expect(y).toEqual(x);
      }
    }
  });
  it('counts the NPS the way netPromoterScore does', () => {
    const scores = [0, 3, 6, 7, 8, 9, 10, 10, 9, 2];
    expect(netPromoterScoreOfCounts(countsOf(scores))).toBe(netPromoterScore(scores));
    expect(netPromoterScoreOfCounts(countsOf([]))).toBeNull();
  });
});
