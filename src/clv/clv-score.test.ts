import { describe, expect, it } from 'vitest';
import { discountedPurchases, scoreCustomers, type PurchaseModel } from './clv-score.ts';
import { bgnbdExpectedPurchases, bgnbdExpectedPurchasesNew } from './bg-nbd.ts';
import { gammaGammaExpectedSpend } from './gamma-gamma.ts';
import { simulateBgNbd } from './simulate-customers.ts';

const bg: PurchaseModel = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } };
const gg = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('discounted CLV', () => {
  it('without discounting equals expected purchases × expected spend', () => {
    const [s] = scoreCustomers(bg, gg, { x: [2], tx: [30.43], T: [38.86], monetary: [22.35] }, { horizon: 39 });
    expect(s!.expectedPurchases).toBeCloseTo(1.226, 3);
    expect(s!.expectedSpend).toBeCloseTo(gammaGammaExpectedSpend(gg, 2, 22.35), 12);
    expect(s!.clv).toBeCloseTo(s!.expectedPurchases * s!.expectedSpend, 10);
  });

  it('discounting lowers value, by no more than discounting everything at the horizon', () => {
    const plain = discountedPurchases(bg, 2, 30.43, 38.86, { horizon: 52 });
    const d = discountedPurchases(bg, 2, 30.43, 38.86, { horizon: 52, discountRate: 0.005 });
    expect(d).toBeLessThan(plain);
    expect(d).toBeGreaterThan(plain / Math.pow(1.005, 52));
    // finer steps converge
    const fine = discountedPurchases(bg, 2, 30.43, 38.86, { horizon: 52, discountRate: 0.005, steps: 520 });
    expect(Math.abs(fine - d) / d).toBeLessThan(5e-3);
  });

  it('the unconditional BG/NBD expectation matches the mean count of simulated customers', () => {
    // A check of E[X(t)] that does not go through any fitting: 200,000 customers observed
    // for exactly 39 weeks on a fine grid.
    const sim = simulateBgNbd(bg.params as never, {
      customers: 200_000,
      seed: 5,
      calibrationEnd: 39,
      acquisitionWindow: 1e-9,
      grid: 1e-9,
    });
    let mean = 0;
    for (const x of sim.x) mean += x / sim.x.length;
    expect(mean).toBeCloseTo(bgnbdExpectedPurchasesNew(bg.params as never, 39), 1);
    // and a conditional expectation is never negative and grows with the horizon
    expect(bgnbdExpectedPurchases(bg.params as never, 10, 0, 0, 20)).toBeGreaterThan(0);
  });
});
