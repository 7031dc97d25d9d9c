import { describe, expect, it } from 'vitest';
import { timeByGroup, type CaseTimeFacts } from './time-by-group.ts';

const facts = (overrides: Partial<CaseTimeFacts> & { caseId: string }): CaseTimeFacts => ({
  channel: 'email',
  team: 'Billing',
  firstResponseMinutes: 10,
  handoffs: 0,
  ...overrides,
});

describe('respect for time per team and per channel', () => {
  const cases = [
    facts({ caseId: 'a', firstResponseMinutes: 10, handoffs: 1 }),
    facts({ caseId: 'b', firstResponseMinutes: 30, handoffs: 3 }),
    facts({ caseId: 'c', team: '', channel: 'phone', firstResponseMinutes: null }),
    facts({ caseId: 'd', team: 'Arabic line', channel: 'web', firstResponseMinutes: 5 }),
  ];
  const waits = [
    { caseId: 'a', minutes: 10 },
    { caseId: 'a', minutes: 50 },
    { caseId: 'b', minutes: 30 },
    { caseId: 'c', minutes: 600 }, // still waiting
    { caseId: 'd', minutes: 5 },
  ];

  it('per team: each wait, the total per case, handoffs; the no-team group last', () => {
    const byTeam = timeByGroup(cases, waits, (c) => c.team);
    expect(byTeam.map((g) => g.key)).toEqual(['Arabic line', 'Billing', '']);
    expect(byTeam[1]).toEqual({
      key: 'Billing',
      cases: 2,
      firstResponse: { count: 2, p50: 10, p90: 30 },
      wait: { count: 3, p50: 30, p90: 50 },
      totalWait: { p50: 30, p90: 60 },
      handoffs: { mean: 2, p90: 3 },
    });
    // An unanswered case counts its wait so far, and has no first response to measure.
    expect(byTeam[2]).toMatchObject({
      cases: 1,
      firstResponse: { count: 0, p50: null },
      wait: { count: 1, p50: 600 },
      totalWait: { p50: 600 },
    });
  });

  it('per channel', () => {
    const byChannel = timeByGroup(cases, waits, (c) => c.channel);
    expect(byChannel.map((g) => [g.key, g.cases])).toEqual([
      ['email', 2],
      ['phone', 1],
      ['web', 1],
    ]);
  });

  it('a case with no waits has a total wait of zero', () => {
    const [only] = timeByGroup([facts({ caseId: 'x' })], [], (c) => c.team);
    expect(only).toMatchObject({ wait: { count: 0, p50: null }, totalWait: { p50: 0, p90: 0 } });
  });
});
