// Discounted customer lifetime value over a finite horizon:
//   CLV = Σ_k  E[spend] · (E[Y(t_k)] − E[Y(t_{k−1})]) / (1 + d)^{t_k},  t_k = k·H/steps
// where Y(t) is the conditional expected number of purchases in (T, T+t] from BG/NBD or
// Pareto/NBD, E[spend] the Gamma-Gamma conditional mean spend, d the discount rate per
// time unit of the summary (weekly for a weeks summary) and H the horizon in that unit.
// Purchases expected within a step are discounted at the step's end, the usual discrete
// approximation (as in lifetimes). Purchase-model work is done once per distinct
// (x, t_x, T), which real data repeats heavily.
import { bgnbdExpectedPurchases, bgnbdProbabilityAlive, type BgNbdParams } from './bg-nbd.ts';
import { gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma.ts';
import { paretoNbdExpectedPurchases, paretoNbdProbabilityAlive, type ParetoNbdParams } from './pareto-nbd.ts';

export type PurchaseModel = { model: 'bgnbd'; params: BgNbdParams } | { model: 'pareto-nbd'; params: ParetoNbdParams };

export interface ScoreOptions {
  /** horizon in the summary's time unit */
  horizon: number;
  /** discount rate per time unit (0 = no discounting) */
  discountRate?: number;
  /** discounting steps; default one per time unit, at most 120 */
  steps?: number;
}

export interface CustomerScore {
  expectedPurchases: number;
  pAlive: number;
  expectedSpend: number;
  clv: number;
}

export function expectedPurchases(m: PurchaseModel, t: number, x: number, tx: number, T: number): number {
  return m.model === 'bgnbd'
    ? bgnbdExpectedPurchases(m.params, t, x, tx, T)
    : paretoNbdExpectedPurchases(m.params, t, x, tx, T);
}

export function probabilityAlive(m: PurchaseModel, x: number, tx: number, T: number): number {
  return m.model === 'bgnbd'
    ? bgnbdProbabilityAlive(m.params, x, tx, T)
    : paretoNbdProbabilityAlive(m.params, x, tx, T);
}

/** Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) / (1+d)^{t_k}: discounted expected purchases. */
export function discountedPurchases(m: PurchaseModel, x: number, tx: number, T: number, options: ScoreOptions): number {
  const d = options.discountRate ?? 0;
  const H = options.horizon;
  if (H <= 0) return 0;
  if (d === 0) return expectedPurchases(m, H, x, tx, T);
  const steps = options.steps ?? Math.min(120, Math.max(1, Math.ceil(H)));
  let previous = 0;
  let total = 0;
  for (let k = 1; k <= steps; k++) {
    const t = (k * H) / steps;
    const cumulative = expectedPurchases(m, t, x, tx, T);
    total += (cumulative - previous) / Math.pow(1 + d, t);
    previous = cumulative;
  }
  return total;
}

export interface ScoreInput {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export function scoreCustomers(
  purchase: PurchaseModel,
  spend: GammaGammaParams,
  data: ScoreInput,
  options: ScoreOptions,
): CustomerScore[] {
  const cache = new Map<string, { e: number; p: number; disc: number }>();
  const out: CustomerScore[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const tx = data.tx[i] as number;
    const T = data.T[i] as number;
    const key = `${x},${tx},${T}`;
    let c = cache.get(key);
    if (!c) {
      const e = expectedPurchases(purchase, options.horizon, x, tx, T);
      const disc = (options.discountRate ?? 0) === 0 ? e : discountedPurchases(purchase, x, tx, T, options);
      c = { e, p: probabilityAlive(purchase, x, tx, T), disc };
      cache.set(key, c);
    }
    const expectedSpend = gammaGammaExpectedSpend(spend, x, data.monetary[i] as number);
    out.push({ expectedPurchases: c.e, pAlive: c.p, expectedSpend, clv: c.disc * expectedSpend });
  }
  return out;
}
