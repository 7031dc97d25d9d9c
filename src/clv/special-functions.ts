// Numerical helpers shared by the buy-till-you-die models. Kept here (rather than pulled
// from more packages) because the models need a few functions with specific accuracy
// properties: log-space sums that never overflow, and a digamma *difference* that stays
// accurate when both arguments are huge (the regime where an optimiser would otherwise
// exploit rounding, e.g. BG/NBD with b → ∞).
import betalnImpl from '@stdlib/math-base-special-betaln';
import gammalnImpl from '@stdlib/math-base-special-gammaln';
import hyp2f1Impl from '@stdlib/math-base-special-hyp2f1';

export const betaln: (a: number, b: number) => number = betalnImpl;
export const gammaln: (x: number) => number = gammalnImpl;
export const hyp2f1: (a: number, b: number, c: number, z: number) => number = hyp2f1Impl;

/** log(e^a + e^b) without overflow; -Infinity terms are allowed. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(e^a - e^b) for a >= b; returns -Infinity when they are equal. */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b >= a) return -Infinity;
  return a + Math.log1p(-Math.exp(b - a));
}

/** Digamma ψ(x) for x > 0: recurrence up to 10, then the asymptotic series. */
export function digamma(x: number): number {
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  return (
    acc +
    Math.log(x) -
    0.5 / x -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

/**
 * ψ(u + d) − ψ(u) for u > 0, u + d > 0, computed without subtracting two large digammas:
 * the asymptotic series is differenced term by term in factored form, so the relative
 * accuracy holds even for u = 1e12, where ψ(u+d) and ψ(u) agree in every printed digit.
 */
export function digammaDiff(u: number, d: number): number {
  if (d === 0) return 0;
  let acc = 0;
  let v = u;
  let w = u + d;
  // Shift both arguments up together; the shifted-out terms are exact reciprocals.
  while (v < 10 || w < 10) {
    acc += 1 / v - 1 / w;
    v += 1;
    w += 1;
  }
  // ψ(x) ≈ ln x − 1/(2x) − Σ c_k x^{-2k}; difference each piece: w = v + d.
  const dv = d / v;
  let result = Math.log1p(dv) + d / (2 * v * w);
  const cs = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132];
  // x^{-2k}: v^{-2k} − w^{-2k} = (w^{2k} − v^{2k}) / (v w)^{2k}; w^{2k} − v^{2k} via log1p/expm1.
  const lnRatio = Math.log1p(dv);
  for (let k = 1; k <= cs.length; k++) {
    const c = cs[k - 1] ?? 0;
    const vPow = Math.pow(v, -2 * k);
    // v^{-2k} − w^{-2k} = v^{-2k} (1 − (v/w)^{2k}) = −v^{-2k} expm1(−2k ln(w/v))
    result += c * -vPow * Math.expm1(-2 * k * lnRatio);
  }
  return result + acc;
}
