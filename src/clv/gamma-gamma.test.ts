import { describe, expect, it } from 'vitest';
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaCustomerLogLikelihood,
  gammaGammaLogLikelihood,
  prepareSpend,
  repeatCustomers,
} from './gamma-gamma.ts';
import { readPublishedCdnowSummary } from './cdnow-fixture.ts';
import { simulateBgNbd, simulateGammaGammaSpend } from './simulate-customers.ts';

const cdnow = readPublishedCdnowSummary();

describe('Gamma-Gamma on CDNOW (Fader, Hardie & Lee 2005, "RFM and CLV")', () => {
  const fit = fitGammaGamma({ x: cdnow.x, monetary: cdnow.monetary! });

  it('reproduces p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat customers', () => {
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    // 15.448: the published 15.44 is within rounding of the optimum on a flat ridge
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.015);
  });

  it('cached likelihood equals the per-customer sum', () => {
    const rep = repeatCustomers({ x: cdnow.x, monetary: cdnow.monetary! });
    let direct = 0;
    for (let i = 0; i < rep.x.length; i++)
      direct += gammaGammaCustomerLogLikelihood(fit.params, rep.x[i]!, rep.monetary[i]!);
    expect(gammaGammaLogLikelihood(fit.params, rep)).toBeCloseTo(direct, 8);
  });

  it('analytic gradient matches central differences', () => {
    const rep = repeatCustomers({ x: cdnow.x, monetary: cdnow.monetary! });
    const theta = [Math.log(3), Math.log(2.5), Math.log(20)];
    const at = (t: number[]) =>
      gammaGammaLogLikelihood({ p: Math.exp(t[0]!), q: Math.exp(t[1]!), gamma: Math.exp(t[2]!) }, rep);
    const grad = new Float64Array(3);
    gammaGammaLogLikelihood({ p: 3, q: 2.5, gamma: 20 }, rep, grad);
    for (let j = 0; j < 3; j++) {
      const up = [...theta];
      const down = [...theta];
      up[j]! += 1e-6;
      down[j]! -= 1e-6;
      const numeric = (at(up) - at(down)) / 2e-6;
      expect(Math.abs(grad[j]! - numeric)).toBeLessThan(1e-4 * (1 + Math.abs(numeric)));
    }
  });

  it('shrinks a customer’s mean spend towards the population mean', () => {
    const population = (fit.params.p * fit.params.gamma) / (fit.params.q - 1);
    expect(gammaGammaExpectedSpend(fit.params, 0, 0)).toBeCloseTo(population, 10);
    const e = gammaGammaExpectedSpend(fit.params, 2, 22.35);
    expect(e).toBeGreaterThan(22.35);
    expect(e).toBeLessThan(population);
  });

  it('is invariant to the currency unit: cents give γ × 100', () => {
    const cents = fitGammaGamma({ x: cdnow.x, monetary: cdnow.monetary!.map((m) => m * 100) });
    expect(Math.abs(cents.params.p - fit.params.p) / fit.params.p).toBeLessThan(1e-4);
    expect(Math.abs(cents.params.gamma / 100 - fit.params.gamma) / fit.params.gamma).toBeLessThan(1e-4);
  });
});

describe('Gamma-Gamma recovers known parameters from simulated spend', () => {
  it('fits simulated repeat customers within 3 standard errors', () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const sim = simulateBgNbd(
      { r: 0.5, alpha: 10, a: 0.5, b: 3 },
      { customers: 20_000, seed: 3, calibrationEnd: 273, acquisitionWindow: 84 },
    );
    const monetary = simulateGammaGammaSpend(truth, sim.x, 11);
    const fit = fitGammaGamma({ x: sim.x, monetary });
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * fit.standardErrors[k]);
    }
  });
});

describe('repeat buyers arranged for the likelihood', () => {
  it('keeps repeat buyers with spend only, without copying columns that are all repeat buyers', () => {
    const all = { x: Float64Array.of(1, 2, 3), monetary: Float64Array.of(5, 6, 7) };
    const same = repeatCustomers(all);
    expect(same.x).toBe(all.x);
    expect(same.monetary).toBe(all.monetary);
    const mixed = repeatCustomers({ x: [0, 2, 3, 1], monetary: [5, 0, 7, 8] });
    expect(Array.from(mixed.x)).toEqual([3, 1]);
    expect(Array.from(mixed.monetary)).toEqual([7, 8]);
  });

  it('indexes small whole counts, large ones and fractions in first-seen order', () => {
    const x = Float64Array.of(3, 5000, 1, 3, 2.5, 5000, 1, 4095, 4096);
    const monetary = Float64Array.from(x, (_, i) => 10 + i);
    const d = prepareSpend({ x, monetary });
    expect(Array.from(d.uniqueX)).toEqual([3, 5000, 1, 2.5, 4095, 4096]);
    expect(Array.from(d.countX)).toEqual([2, 2, 2, 1, 1, 1]);
    expect(Array.from(d.xIndex)).toEqual([0, 1, 2, 0, 3, 1, 2, 4, 5]);
    expect(d.sumLogM).toBeCloseTo(
      Array.from(monetary).reduce((s, m) => s + Math.log(m), 0),
      10,
    );
  });
});
