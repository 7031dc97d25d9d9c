import { describe, expect, it } from 'vitest';
import { percentile, summarizeDistribution } from './distribution.ts';

describe('percentile (nearest rank)', () => {
  it('returns observed values only', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 90)).toBe(9);
    expect(percentile(v, 91)).toBe(10);
    expect(percentile(v, 100)).toBe(10);
    expect(percentile(v, 0)).toBe(1);
  });

  it('handles one value and none', () => {
    expect(percentile([42], 50)).toBe(42);
    expect(percentile([42], 90)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('summarizeDistribution', () => {
  it('gives nulls and empty buckets for no values', () => {
    expect(summarizeDistribution([], [10, 60])).toEqual({
      count: 0,
      p50: null,
      p90: null,
      max: null,
      buckets: [
        { le: 10, count: 0 },
        { le: 60, count: 0 },
      ],
    });
  });

  it('summarizes unsorted values', () => {
    const d = summarizeDistribution([120, 3, 45, 10, 60, 5, 600, 30, 15, 20], [10, 60, 240]);
    expect(d.count).toBe(10);
    expect(d.p50).toBe(20);
    expect(d.p90).toBe(120);
    expect(d.max).toBe(600);
    // 3,5,10 | 15,20,30,45,60 | 120 | 600 (overflow bucket, le = max)
    expect(d.buckets).toEqual([
      { le: 10, count: 3 },
      { le: 60, count: 5 },
      { le: 240, count: 1 },
      { le: 600, count: 1, over: true },
    ]);
    expect(d.buckets.reduce((s, b) => s + b.count, 0)).toBe(d.count);
  });

  it('counts a value equal to a bound in that bound', () => {
    expect(summarizeDistribution([60], [60, 120]).buckets).toEqual([
      { le: 60, count: 1 },
      { le: 120, count: 0 },
    ]);
  });

  it('sorts and de-duplicates bounds and has default minute buckets', () => {
    expect(summarizeDistribution([1], [60, 10, 60]).buckets).toEqual([
      { le: 10, count: 1 },
      { le: 60, count: 0 },
    ]);
    const d = summarizeDistribution([1, 20_000]);
    expect(d.buckets[0]).toEqual({ le: 5, count: 1 });
    expect(d.buckets[d.buckets.length - 1]).toEqual({ le: 20_000, count: 1, over: true });
  });

  it('does not change its input', () => {
    const input = [3, 1, 2];
    summarizeDistribution(input);
    expect(input).toEqual([3, 1, 2]);
  });

  it('refuses non-finite values', () => {
    expect(() => summarizeDistribution([1, Number.NaN])).toThrow(RangeError);
    expect(() => summarizeDistribution([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});
