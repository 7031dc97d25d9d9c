import { describe, expect, it } from 'vitest';
import { summarizeTransactions } from './summarize-transactions.ts';
import { parseIsoDay } from './dates.ts';
import { cdnowTransactions, readCdnow } from './read-cdnow.ts';
import { CDNOW_SAMPLE, readPublishedCdnowSummary } from './cdnow-fixture.ts';
import type { Transaction } from './read-transactions-csv.ts';

const day = (s: string) => parseIsoDay(s)!;
const tr = (customerId: string, date: string, amount: number): Transaction => ({ customerId, day: day(date), amount });

describe('summarizeTransactions', () => {
  it('counts repeat purchase days, sums same-day amounts, and measures t_x and T in days', () => {
    const rows = [
      tr('a', '2024-01-01', 10),
      tr('a', '2024-01-01', 5), // same day as the first purchase: not a repeat
      tr('a', '2024-01-05', 20),
      tr('a', '2024-01-05', 30), // same day: one repeat worth 50
      tr('a', '2024-01-11', 10),
    ];
    const [s] = summarizeTransactions(rows, { end: day('2024-01-31') });
    expect(s).toEqual({ customerId: 'a', x: 2, tx: 10, T: 30, monetary: 30 });
  });

  it('ignores purchases after the end date and drops customers who only bought after it', () => {
    const rows = [
      tr('a', '2024-01-01', 10),
      tr('a', '2024-02-01', 99),
      tr('b', '2024-02-02', 5),
      tr('a', '2024-01-31', 4),
    ];
    const out = summarizeTransactions(rows, { end: day('2024-01-31') });
    expect(out).toEqual([{ customerId: 'a', x: 1, tx: 30, T: 30, monetary: 4 }]);
  });

  it('gives x = 0, t_x = 0 and monetary 0 for a single purchase', () => {
    const out = summarizeTransactions([tr('solo', '2024-03-01', 42)], { end: day('2024-03-15'), unit: 'weeks' });
    expect(out).toEqual([{ customerId: 'solo', x: 0, tx: 0, T: 2, monetary: 0 }]);
  });

  it('does not depend on row order and treats duplicated rows as more spend on that day', () => {
    const rows = [
      tr('2', '2024-01-09', 7),
      tr('10', '2024-01-03', 1),
      tr('2', '2024-01-02', 3),
      tr('10', '2024-01-01', 2),
      tr('2', '2024-01-09', 7),
    ];
    const shuffled = [rows[3]!, rows[0]!, rows[4]!, rows[2]!, rows[1]!];
    const a = summarizeTransactions(rows, { end: day('2024-01-10') });
    const b = summarizeTransactions(shuffled, { end: day('2024-01-10') });
    expect(a).toEqual(b);
    // numeric-aware order of ids: "2" before "10"
    expect(a).toEqual([
      { customerId: '2', x: 1, tx: 7, T: 8, monetary: 14 },
      { customerId: '10', x: 1, tx: 2, T: 9, monetary: 1 },
    ]);
  });

  it('counts a purchase on the end date and converts to weeks', () => {
    const out = summarizeTransactions([tr('a', '2024-01-01', 1), tr('a', '2024-01-15', 3)], {
      end: day('2024-01-15'),
      unit: 'weeks',
    });
    expect(out).toEqual([{ customerId: 'a', x: 1, tx: 2, T: 2, monetary: 3 }]);
  });

  it('reproduces the published CDNOW 2,357-customer summary from CDNOW_sample.txt', () => {
    const rows = cdnowTransactions(readCdnow(CDNOW_SAMPLE));
    const ours = summarizeTransactions(rows, { end: day('1997-09-30'), unit: 'weeks' });
    const published = readPublishedCdnowSummary();
    expect(ours.length).toBe(2357);
    for (let i = 0; i < ours.length; i++) {
      const o = ours[i]!;
      expect(o.customerId).toBe(published.customerId[i]);
      expect(o.x).toBe(published.x[i]);
      // the published file has two decimals
      expect(Math.abs(o.tx - published.tx[i]!)).toBeLessThan(0.0051);
      expect(Math.abs(o.T - published.T[i]!)).toBeLessThan(0.0051);
      expect(Math.abs(o.monetary - published.monetary![i]!)).toBeLessThan(0.0051);
    }
  });
});
