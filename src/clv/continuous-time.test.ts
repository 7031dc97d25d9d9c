// Issue 17: times that are not whole days. A population simulated from known parameters with
// recency and age in continuous weeks, written with two decimals as a summary file carries them
// (almost every buyer's row distinct), must give back its parameters, and the grouping that
// makes such data fast must never merge two rows that differ.
import { describe, expect, it } from 'vitest';
import { bgnbdCustomerLogLikelihood, bgnbdLogLikelihood, fitBgNbd, type BgNbdParams } from './bg-nbd.ts';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import { groupCustomers } from './group-customers.ts';
import { fitParetoNbd, type ParetoNbdParams } from './pareto-nbd.ts';
import {
  simulateBgNbd,
  simulateGammaGammaSpend,
  simulateParetoNbd,
  type SimulatedCustomers,
} from './simulate-customers.ts';

const design = { customers: 40_000, calibrationEnd: 39, acquisitionWindow: 12, grid: 0.01 };

function twoDecimals(data: SimulatedCustomers): SimulatedCustomers {
  for (const column of [data.tx, data.T])
    for (let i = 0; i < column.length; i++) column[i] = Number((column[i] as number).toFixed(2));
  return data;
}

function withinThreeSe<P extends object>(truth: P, fitted: P, se: P): void {
  for (const key of Object.keys(truth) as (keyof P)[]) {
    const z = ((fitted[key] as number) - (truth[key] as number)) / (se[key] as number);
    expect(Number.isFinite(z), `${String(key)} has a standard error`).toBe(true);
    expect(Math.abs(z), `${String(key)}: fitted ${fitted[key]}, true ${truth[key]}`).toBeLessThanOrEqual(3);
  }
}

describe('a population in continuous weeks (two decimals)', () => {
  const bgTruth: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
  const bgData = twoDecimals(simulateBgNbd(bgTruth, { ...design, seed: 1701 }));

  it('has mostly distinct buyers, so grouping by day cannot help', () => {
    const groups = groupCustomers(bgData);
    let buyers = 0;
    for (let i = 0; i < bgData.x.length; i++) if ((bgData.x[i] as number) > 0) buyers++;
    let buyerRows = 0;
    for (let g = 0; g < groups.size; g++) if ((groups.x[g] as number) > 0) buyerRows++;
    expect(buyerRows / buyers).toBeGreaterThan(0.9);
  });

  it('groups only rows that are exactly equal, and the grouped likelihood is the per-customer sum', () => {
    const groups = groupCustomers(bgData);
    expect(groups.customers).toBe(design.customers);
    const seen = new Set<string>();
    for (let g = 0; g < groups.size; g++) {
      const key = `${groups.x[g]}|${groups.tx[g]}|${groups.T[g]}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(groups.uniqueTx[groups.txIndex[g] as number]).toBe(groups.tx[g]);
      expect(groups.uniqueT[groups.TIndex[g] as number]).toBe(groups.T[g]);
    }
    const distinct = new Set<string>();
    for (let i = 0; i < bgData.x.length; i++) distinct.add(`${bgData.x[i]}|${bgData.tx[i]}|${bgData.T[i]}`);
    expect(groups.size).toBe(distinct.size);
    let direct = 0;
    for (let i = 0; i < bgData.x.length; i++)
      direct += bgnbdCustomerLogLikelihood(bgTruth, bgData.x[i]!, bgData.tx[i]!, bgData.T[i]!);
    expect(Math.abs(bgnbdLogLikelihood(bgTruth, groups) - direct) / Math.abs(direct)).toBeLessThan(1e-10);
  });

  it('keeps values off any decimal grid apart (times in thirds of a week)', () => {
    const x = Float64Array.of(1, 1, 1, 2);
    const tx = Float64Array.of(1 / 3, 0.3333, 1 / 3, 2 / 3);
    const T = Float64Array.of(5, 5, 5, 5);
    const groups = groupCustomers({ x, tx, T });
    expect(groups.size).toBe(3);
    expect([...groups.weight].sort()).toEqual([1, 1, 2]);
  });

  it('recovers BG/NBD parameters within three standard errors', () => {
    const fit = fitBgNbd(bgData);
    expect(fit.converged).toBe(true);
    withinThreeSe(bgTruth, fit.params, fit.standardErrors);
  });

  it('recovers Pareto/NBD parameters within three standard errors', () => {
    const truth: ParetoNbdParams = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    const data = twoDecimals(simulateParetoNbd(truth, { ...design, seed: 1702 }));
    const fit = fitParetoNbd(data);
    withinThreeSe(truth, fit.params, fit.standardErrors);
  });

  it('recovers Gamma-Gamma parameters from continuous spend within three standard errors', () => {
    const truth: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
    const x = new Float64Array(20_000);
    for (let i = 0; i < x.length; i++) x[i] = 1 + (i % 7);
    const monetary = simulateGammaGammaSpend(truth, x, 1703);
    const fit = fitGammaGamma({ x, monetary });
    withinThreeSe(truth, fit.params, fit.standardErrors);
  });
});
