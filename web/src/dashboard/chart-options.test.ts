import { describe, expect, it } from 'vitest';
import type { ServiceMetricsResponse } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import { makeFormatters } from '../i18n/use-format.ts';
import { byTeamOption } from './chart-options.ts';

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
