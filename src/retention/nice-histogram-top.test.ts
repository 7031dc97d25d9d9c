import { describe, expect, it } from 'vitest';
import { niceHistogramTop } from './nice-histogram-top.ts';

describe('a histogram top with round edges', () => {
  it('widens the top to 20 bins of 1, 2, 2.5 or 5 × a power of ten', () => {
    expect(niceHistogramTop(741.37)).toBe(1000); // bins of 50
    expect(niceHistogramTop(400)).toBe(400); // bins of 20, already round
    expect(niceHistogramTop(401)).toBe(500); // bins of 25
    expect(niceHistogramTop(9.3)).toBe(10); // bins of 0.5
    expect(niceHistogramTop(123_456)).toBe(200_000);
  });

  it('always covers the highest value, and gives a usable top for nothing to show', () => {
    for (const v of [0.07, 1, 3.3, 17, 99.9, 250, 1234.5, 98_765])
      expect(niceHistogramTop(v)).toBeGreaterThanOrEqual(v);
    expect(niceHistogramTop(0)).toBe(20);
    expect(niceHistogramTop(Number.NaN)).toBe(20);
  });
});
