import { describe, expect, it } from 'vitest';
import { groupRates, rateRow, weekOf, type PromiseFact } from './promise-rates.ts';

const t = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
const fact = (over: Partial<PromiseFact>): PromiseFact => ({
  id: 'p',
  kind: 'callback',
  channel: 'email',
  ownerId: 'u1',
  teamId: null,
  status: 'kept',
  createdAt: t(0),
  dueAt: t(10),
  resolvedAt: t(9),
  ...over,
});

describe('promise rates', () => {
  it('counts rates over decided promises and delivery shares over kept ones', () => {
    const row = rateRow('all', 'all', [
      fact({ resolvedAt: t(2) }), // early
      fact({ resolvedAt: t(10) }), // on time
      fact({ status: 'broken', resolvedAt: t(10) }),
      fact({ status: 'renegotiated' }),
      fact({ status: 'open', resolvedAt: null }),
    ]);
    expect(row).toMatchObject({ made: 5, kept: 2, broken: 1, renegotiated: 1, open: 1, early: 1, onTime: 1, late: 0 });
    expect(row.keptRate).toBeCloseTo(0.5);
    expect(row.earlyShare).toBeCloseTo(0.5);
  });

  it('groups by a key and by ISO week', () => {
    expect(weekOf(new Date('2026-03-08T23:00:00Z'))).toBe('2026-03-02');
    expect(weekOf(new Date('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
    const rows = groupRates(
      [fact({ ownerId: 'a' }), fact({ ownerId: 'b', status: 'broken' }), fact({ ownerId: 'a' })],
      (f) => f.ownerId,
    );
    expect(rows.map((r) => [r.key, r.made, r.keptRate])).toEqual([
      ['a', 2, 1],
      ['b', 1, 0],
    ]);
    expect(rateRow('none', 'none', []).keptRate).toBeNull();
  });
});
