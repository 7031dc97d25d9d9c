import { describe, expect, it } from 'vitest';
import { describeRisk } from './describe-risk.ts';
import { activeByMonth, per1000 } from './report-complaint-rate.ts';
import { retentionMatrix } from './report-cohorts.ts';
import { defaultRetentionSettings, mergeRetentionSettings } from './retention-settings.ts';

describe('retention report helpers', () => {
  it('the cohort matrix is shares of the cohort, up to the current month', () => {
    const m = retentionMatrix(
      {
        cohorts: [{ cohort: '2024-01', customers: 4 }],
        cells: [
          { cohort: '2024-01', offset: 0, customers: 4 },
          { cohort: '2024-01', offset: 2, customers: 2 },
        ],
      },
      '2024-04',
    );
    expect(m).toEqual([{ cohort: '2024-01', customers: 4, retention: [1, 0, 0.5, 0] }]);
  });

  it('active customers per month from span events', () => {
    const events = [
      { month: '2024-01', delta: 2 },
      { month: '2024-03', delta: 1 },
      { month: '2025-01', delta: -2 },
    ];
    const active = activeByMonth(events, ['2023-12', '2024-01', '2024-02', '2024-03', '2025-01']);
    expect([...active.values()]).toEqual([0, 2, 2, 3, 1]);
    expect(per1000(3, 6)).toBe(500);
    expect(per1000(3, 0)).toBeNull();
  });

  it('risk reasons in words, strongest first', () => {
    expect(
      describeRisk([
        { code: 'broken_promises', points: 15, count: 1 },
        { code: 'overdue', points: 35, days: 120, gapDays: 30 },
        { code: 'low_p_alive', points: 20, pAlive: 0.12 },
        { code: 'open_complaint', points: 15, count: 2, reference: 'K-7' },
        { code: 'service_hell', points: 10, reference: 'K-9' },
      ]),
    ).toEqual([
      'No purchase for 120 days, 4.0× their usual 30-day gap',
      'Only a 12% chance they are still a customer (purchase model)',
      '1 broken promise in the last year',
      '2 open complaints (first: K-7)',
      'Service-hell flag on K-9 in the last year',
    ]);
  });

  it('stored settings are completed with the defaults', () => {
    const s = mergeRetentionSettings({ riskWeights: { overdue: 50 }, churnGapMultiple: 3 });
    expect(s.riskWeights).toEqual({ ...defaultRetentionSettings().riskWeights, overdue: 50 });
    expect(s.churnGapMultiple).toBe(3);
    expect(s.model).toBe('pareto-nbd');
  });
});
