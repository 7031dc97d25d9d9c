import { describe, expect, it } from 'vitest';
import {
  bgnbdCustomerLogLikelihood,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  fitBgNbd,
  type BgNbdParams,
} from './bg-nbd.ts';
import { groupCustomers } from './group-customers.ts';
import { readPublishedCdnowSummary } from './cdnow-fixture.ts';
import { simulateBgNbd } from './simulate-customers.ts';

const cdnow = readPublishedCdnowSummary();
const published: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

function relativelyClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
  const fit = fitBgNbd(cdnow);

  it('reproduces the published parameters and log-likelihood', () => {
    // 4 significant digits: half a unit in the 4th digit, relative ≤ 5e-4 (with slack for
    // the published values themselves being rounded)
    relativelyClose(fit.params.r, published.r, 5e-4);
    relativelyClose(fit.params.alpha, published.alpha, 5e-4);
    relativelyClose(fit.params.a, published.a, 5e-4);
    relativelyClose(fit.params.b, published.b, 5e-4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
    expect(fit.customers).toBe(2357);
    expect(fit.converged).toBe(true);
  });

  it('gives the published conditional expectation for x=2, t_x=30.43, T=38.86 over 39 weeks', () => {
    expect(bgnbdExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('has plausible standard errors', () => {
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(fit.standardErrors[k]).toBeGreaterThan(0);
      expect(fit.standardErrors[k]).toBeLessThan(fit.params[k]);
    }
    // r is tightly determined on CDNOW (≈0.0126)
    expect(fit.standardErrors.r).toBeCloseTo(0.0126, 3);
  });

  it('gives the same fit whatever the start point', () => {
    const far = fitBgNbd(cdnow, { starts: [{ r: 20, alpha: 0.01, a: 30, b: 0.01 }] });
    const odd = fitBgNbd(cdnow, { starts: [{ r: 0.001, alpha: 1000, a: 0.01, b: 500 }] });
    for (const other of [far, odd]) {
      expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
      relativelyClose(other.params.b, fit.params.b, 1e-5);
    }
  });

  it('is invariant to the time unit: days give the same r, a, b and α × 7', () => {
    const days = fitBgNbd({ x: cdnow.x, tx: cdnow.tx.map((v) => v * 7), T: cdnow.T.map((v) => v * 7) });
    relativelyClose(days.params.r, fit.params.r, 1e-6);
    relativelyClose(days.params.alpha, fit.params.alpha * 7, 1e-6);
    relativelyClose(days.params.a, fit.params.a, 1e-6);
    relativelyClose(days.params.b, fit.params.b, 1e-6);
    // The likelihood is a density in time: it shifts by Σx·ln 7.
    let sumX = 0;
    for (const v of cdnow.x) sumX += v;
    expect(days.logLikelihood).toBeCloseTo(fit.logLikelihood - sumX * Math.log(7), 4);
  });

  it('grouped likelihood and analytic gradient agree with per-customer sums and finite differences', () => {
    const g = groupCustomers(cdnow);
    const p = { r: 0.3, alpha: 5, a: 0.7, b: 2.2 };
    let direct = 0;
    for (let i = 0; i < cdnow.x.length; i++)
      direct += bgnbdCustomerLogLikelihood(p, cdnow.x[i]!, cdnow.tx[i]!, cdnow.T[i]!);
    const grad = new Float64Array(4);
    expect(bgnbdLogLikelihood(p, g, grad)).toBeCloseTo(direct, 8);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((k, j) => {
      const h = 1e-6;
      const up = bgnbdLogLikelihood({ ...p, [k]: p[k] * Math.exp(h) }, g);
      const down = bgnbdLogLikelihood({ ...p, [k]: p[k] * Math.exp(-h) }, g);
      expect(grad[j]).toBeCloseTo((up - down) / (2 * h), 3);
    });
  });

  it('stays finite and smooth at huge b (betaln, not lgamma differences)', () => {
    const g = groupCustomers(cdnow);
    const a = bgnbdLogLikelihood({ r: 0.24, alpha: 4.4, a: 1e6, b: 1e12 }, g);
    const b = bgnbdLogLikelihood({ r: 0.24, alpha: 4.4, a: 1e6, b: 1e12 * (1 + 1e-9) }, g);
    expect(Number.isFinite(a)).toBe(true);
    // a change of one part in 1e9 of b moves the likelihood by far less than 1
    expect(Math.abs(a - b)).toBeLessThan(1e-3);
  });

  it('P(alive) is 1 without repeat purchases and falls with time since the last purchase', () => {
    expect(bgnbdProbabilityAlive(fit.params, 0, 0, 30)).toBe(1);
    const recent = bgnbdProbabilityAlive(fit.params, 3, 30, 31);
    const stale = bgnbdProbabilityAlive(fit.params, 3, 5, 31);
    expect(recent).toBeGreaterThan(stale);
    expect(stale).toBeGreaterThan(0);
  });
});

describe('BG/NBD recovers known parameters from simulated data', () => {
  it('fits 100,000 simulated customers in days within 3 standard errors', () => {
    const truth: BgNbdParams = { r: 0.25, alpha: 30, a: 0.8, b: 2.5 };
    const sim = simulateBgNbd(truth, { customers: 100_000, seed: 42, calibrationEnd: 273, acquisitionWindow: 84 });
    const fit = fitBgNbd(sim);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * fit.standardErrors[k]);
    }
  });
});
