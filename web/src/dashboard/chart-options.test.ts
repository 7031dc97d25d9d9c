import { describe, expect, it } from 'vitest';
import type { ServiceMetricsResponse } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import { makeFormatters } from '../i18n/use-format.ts';
import { bucketLabels, byTeamOption } from './chart-options.ts';

const metrics = {
  firstResponseByTeam: [
    { team: '', p50: 30, p90: null, count: 2 },
    { team: 'Billing', p50: 12, p90: 40, count: 7 },
  ],
} as unknown as ServiceMetricsResponse;

describe('first response by team', () => {
  it('names each team, puts people without a team under "No team", and runs right-to-left in Arabic', async () => {
    await i18n.changeLanguage('ar');
    const option = byTeamOption({ t: i18n.t.bind(i18n), format: makeFormatters('ar'), rtl: true }, metrics) as {
      xAxis: { data: string[]; inverse: boolean };
      series: Array<{ data: number[] }>;
    };
    expect(option.xAxis.data).toEqual(['Billing', 'بلا فريق']);
    expect(option.xAxis.inverse).toBe(true);
    expect(option.series.map((s) => s.data)).toEqual([
      [12, 30],
      [40, 0],
    ]);
    await i18n.changeLanguage('en');
  });
});

describe('histogram and axis labels', () => {
  const ctx = () => ({ t: i18n.t.bind(i18n), format: makeFormatters('en'), rtl: false });
  const distribution = (buckets: Array<{ le: number; count: number; over?: true }>) => ({
    count: 0,
    p50: null,
    p90: null,
    max: null,
    buckets,
  });

  it('labels whole-number buckets as ranges and the overflow as "more than the last bound"', () => {
    const labels = bucketLabels(
      ctx(),
      distribution([
        { le: 0, count: 9 },
        { le: 1, count: 4 },
        { le: 3, count: 2 },
        { le: 5, count: 1 },
        { le: 10, count: 1 },
        { le: 14, count: 1, over: true },
      ]),
      false,
    );
    expect(labels).toEqual(['0', '1', '2–3', '4–5', '6–10', '> 10']);
  });

  it('says "> 1 week" for waits above the last bound, not the longest wait as an edge', () => {
    const labels = bucketLabels(
      ctx(),
      distribution([
        { le: 5, count: 1 },
        { le: 10080, count: 1 },
        { le: 23_517, count: 2, over: true },
      ]),
      true,
    );
    expect(labels[0]).toBe('≤ 5 min');
    expect(labels[2]).toBe('> 7 days');
  });

  it('keeps every team name whole (broken onto lines, never cut) and shows times as durations', () => {
    const option = byTeamOption(ctx(), {
      firstResponseByTeam: [{ team: 'Arabic & Hebrew desk', p50: 150, p90: 1440, count: 3 }],
    } as unknown as ServiceMetricsResponse) as {
      xAxis: { axisLabel: { overflow: string; interval: number; hideOverlap: boolean } };
      yAxis: { axisLabel: { formatter: (v: number) => string } };
    };
    expect(option.xAxis.axisLabel).toMatchObject({ overflow: 'break', interval: 0, hideOverlap: false });
    expect(option.yAxis.axisLabel.formatter(1440)).toBe('1 day');
    expect((option.yAxis as unknown as { interval: number }).interval).toBe(240); // 0, 4 h, 8 h … 24 h
  });
});
