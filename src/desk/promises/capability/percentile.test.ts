import { describe, expect, it } from 'vitest';
import { percentile, shareWithin } from './percentile.ts';

// A seeded generator, so "a known mixture" is the same mixture on every run.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('percentile (nearest rank)', () => {
  it('is a sample value with at least p% at or below it', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([], 90)).toBeNull();
    expect(() => percentile(values, 0)).toThrow(RangeError);
  });

  it('finds the 90th percentile of a known mixture: 70% U(0,60) min + 30% U(240,480) min', () => {
    // F(x) for x in [240,480] = 0.7 + 0.3 (x-240)/240; F = 0.9 at x = 240 + 240·(2/3) = 400.
    const rand = lcg(42);
    const values = Array.from({ length: 50_000 }, () => (rand() < 0.7 ? rand() * 60 : 240 + rand() * 240));
    const p90 = percentile(values, 90)!;
    expect(p90).toBeGreaterThan(392);
    expect(p90).toBeLessThan(408);
    // the 50th sits in the first component: F(x) = 0.7 x/60 = 0.5 at x ≈ 42.9
    expect(percentile(values, 50)!).toBeCloseTo(42.9, 0);
    expect(shareWithin(values, p90)!).toBeGreaterThanOrEqual(0.9);
  });

  it('of a known exponential: p90 = ln(10)·mean', () => {
    const rand = lcg(7);
    const mean = 120;
    const values = Array.from({ length: 40_000 }, () => -Math.log(1 - rand()) * mean);
    expect(percentile(values, 90)! / (Math.log(10) * mean)).toBeCloseTo(1, 1);
  });
});
