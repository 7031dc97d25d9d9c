// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang
// 1999). A customer's transactions are Gamma(p, ν) with ν ~ Gamma(q, γ), independent of
// the purchase process. It is fitted on repeat customers only (x > 0), from x and the mean
// spend m̄ of their repeat transactions:
//   ln L = −ln B(px, q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄)
// with ln B via betaln, as in the other models.
import { betaln } from './special-functions.ts';
import { minimizeRobust, withNumericGradient } from './optimize.ts';
import { hessianStandardErrors } from './hessian-standard-errors.ts';
import type { FitResult } from './bg-nbd.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendColumns {
  x: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return -betaln(px, q) + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + x * m);
}

/** Rows that carry information about spend: repeat customers with a positive mean spend. */
export function repeatCustomers(data: SpendColumns): { x: Float64Array; monetary: Float64Array } {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const m = data.monetary[i] as number;
    if (x > 0 && m > 0) {
      xs.push(x);
      ms.push(m);
    }
  }
  return { x: Float64Array.from(xs), monetary: Float64Array.from(ms) };
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: { x: Float64Array; monetary: Float64Array }): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  // ln B(px, q) depends on x only: cache it per distinct x.
  const cache = new Map<number, number>();
  let total = q * Math.log(gamma) * data.x.length;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const m = data.monetary[i] as number;
    let lb = cache.get(x);
    if (lb === undefined) {
      lb = betaln(p * x, q) - p * x * Math.log(x);
      cache.set(x, lb);
    }
    total += -lb + (p * x - 1) * Math.log(m) - (p * x + q) * Math.log(gamma + x * m);
  }
  return Number.isNaN(total) ? -Infinity : total;
}

function fromLog(t: ArrayLike<number>): GammaGammaParams {
  return { p: Math.exp(t[0] as number), q: Math.exp(t[1] as number), gamma: Math.exp(t[2] as number) };
}

export function fitGammaGamma(data: SpendColumns, options: { standardErrors?: boolean } = {}): FitResult<GammaGammaParams> {
  const repeat = repeatCustomers(data);
  const n = repeat.x.length;
  if (n === 0) throw new Error('Gamma-Gamma needs at least one repeat customer (x > 0) with positive spend');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (repeat.monetary[i] as number) / n;
  // γ carries the currency unit: start it at the data's spend scale (E[m] = pγ/(q−1)).
  const starts = [
    { p: 1, q: 2, gamma: mean },
    { p: 5, q: 3, gamma: mean },
    { p: 0.5, q: 5, gamma: mean * 8 },
  ].map((s) => Float64Array.of(Math.log(s.p), Math.log(s.q), Math.log(s.gamma)));
  const f = (t: Float64Array) => -gammaGammaLogLikelihood(fromLog(t), repeat) / n;
  const result = minimizeRobust(f, withNumericGradient(f, 1e-6), { starts, gradientTolerance: 1e-9 });
  const params = fromLog(result.x);
  const se =
    options.standardErrors === false
      ? [NaN, NaN, NaN]
      : hessianStandardErrors((t) => gammaGammaLogLikelihood(fromLog(t), repeat), result.x);
  return {
    params,
    logLikelihood: gammaGammaLogLikelihood(params, repeat),
    customers: n,
    standardErrors: { p: se[0]!, q: se[1]!, gamma: se[2]! },
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

/**
 * E[mean spend | x, m̄] = p(γ + x m̄)/(px + q − 1): a weighted average of the population
 * mean pγ/(q−1) and the customer's own mean. Needs q > 1 for the population mean to exist.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  if (x <= 0 || !(m > 0)) return q > 1 ? (p * gamma) / (q - 1) : NaN;
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
