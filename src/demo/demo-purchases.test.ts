import { describe, expect, it } from 'vitest';
import { planDemoPurchases, purchasesCsv } from './demo-purchases.ts';

const END = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;
const buyers = Array.from({ length: 120 }, (_, k) => ({
  email: `customer${k}@example.com`,
  firstContact: new Date(END.getTime() - (k % 90) * DAY),
}));

describe("the demo company's purchase history", () => {
  it('is the same from the same seed, and another from another', () => {
    expect(planDemoPurchases(buyers, 7, END)).toEqual(planDemoPurchases(buyers, 7, END));
    expect(planDemoPurchases(buyers, 8, END)).not.toEqual(planDemoPurchases(buyers, 7, END));
  });

  it('spans two years of monthly cohorts with one-time, repeat and loyal buyers', () => {
    const purchases = planDemoPurchases(buyers, 7, END);
    const times = purchases.map((p) => new Date(p.date).getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END.getTime() - 730 * DAY);
    expect(Math.max(...times)).toBeLessThan(END.getTime());
    expect(new Set(purchases.map((p) => p.date.slice(0, 7))).size).toBeGreaterThanOrEqual(20);
    const perBuyer = new Map<string, number>();
    for (const p of purchases) perBuyer.set(p.email, (perBuyer.get(p.email) ?? 0) + 1);
    const counts = [...perBuyer.values()];
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(10);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThan(20);
    expect(counts.filter((n) => n >= 6).length).toBeGreaterThan(3);
    // Not everyone buys: the at-risk list must also handle customers without purchases.
    expect(perBuyer.size).toBeLessThan(buyers.length);
  });

  it('has unique order numbers, oldest first, and amounts in cents', () => {
    const purchases = planDemoPurchases(buyers, 7, END);
    expect(new Set(purchases.map((p) => p.orderId)).size).toBe(purchases.length);
    expect(purchases.map((p) => p.date)).toEqual([...purchases.map((p) => p.date)].sort());
    for (const p of purchases) expect(p.amount).toMatch(/^\d+\.\d\d$/);
  });

  it('writes the CSV an import reads: a header and one order per line, without stray commas', () => {
    const purchases = planDemoPurchases(buyers.slice(0, 5), 7, END);
    const lines = purchasesCsv(purchases).trimEnd().split('\n');
    expect(lines[0]).toBe('email,date,amount,order_id,product,channel');
    expect(lines).toHaveLength(purchases.length + 1);
    for (const line of lines) expect(line.split(',')).toHaveLength(6);
  });
});
