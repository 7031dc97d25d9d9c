import { describe, expect, it } from 'vitest';
import { retentionCurveSeries } from './retention-curves.ts';

describe('retention curves', () => {
  const cohorts = Array.from({ length: 8 }, (_, k) => ({
    cohort: `2026-0${k + 1}`,
    customers: 10,
    retention: [1, 0.2, 0, null],
  }));

  it('draws straight segments through the measured months only, newest six cohorts', () => {
    const series = retentionCurveSeries(cohorts, 3);
    expect(series.map((s) => s.name)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    for (const s of series) {
      expect(s.smooth).toBe(false);
      expect(s.connectNulls).toBe(false);
      expect(s.data).toEqual([1, 0.2, 0, null]);
    }
  });

  it('keeps every point between 0% and 100% and stops at the last offset shown', () => {
    const [only] = retentionCurveSeries(
      [{ cohort: '2026-01', customers: 3, retention: [1.0000001, -0.0000001, 0.5] }],
      1,
    );
    expect(only?.data).toEqual([1, 0]);
  });
});
