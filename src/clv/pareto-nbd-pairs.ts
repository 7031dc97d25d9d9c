// The distinct (x, t_x) and (x, T) pairs of grouped data: Pareto/NBD's G(u) depends on x and
// u alone, so the likelihood (and its gradient) computes it once per pair, not per row.
import type { CustomerGroups } from './group-customers.ts';

export interface PairIndex {
  /** distinct (x, t_x) pairs and (x, T) pairs, as value arrays */
  pairX: Float64Array;
  pairU: Float64Array;
  /** per group row: index of its (x, t_x) pair and its (x, T) pair in pairX/pairU */
  txPair: Int32Array;
  TPair: Int32Array;
}

const pairCache = new WeakMap<CustomerGroups, PairIndex>();

export function pairIndex(g: CustomerGroups): PairIndex {
  const cached = pairCache.get(g);
  if (cached) return cached;
  const ntx = g.uniqueTx.length;
  const nT = g.uniqueT.length;
  const keys = new Map<number, number>();
  const pairX: number[] = [];
  const pairU: number[] = [];
  const lookup = (xi: number, u: number, key: number): number => {
    let k = keys.get(key);
    if (k === undefined) {
      k = pairX.length;
      keys.set(key, k);
      pairX.push(g.uniqueX[xi] as number);
      pairU.push(u);
    }
    return k;
  };
  const txPair = new Int32Array(g.size);
  const TPair = new Int32Array(g.size);
  // Keys: (x, t_x) pairs first, then (x, T) pairs offset past every possible (x, t_x) key.
  const offset = g.uniqueX.length * ntx;
  for (let i = 0; i < g.size; i++) {
    const xi = g.xIndex[i] as number;
    txPair[i] = lookup(xi, g.tx[i] as number, xi * ntx + (g.txIndex[i] as number));
    TPair[i] = lookup(xi, g.T[i] as number, offset + xi * nT + (g.TIndex[i] as number));
  }
  const out = { pairX: Float64Array.from(pairX), pairU: Float64Array.from(pairU), txPair, TPair };
  pairCache.set(g, out);
  return out;
}

/**
 * The likelihood's terms that depend on x alone (ln s − ln(r+s+x)) and on T alone
 * (ln(α+T), s·ln(β+T)), computed once per distinct value: the value and the gradient use the
 * same arrays, so they agree bit for bit.
 */
export function paretoNbdRowTerms(
  p: { r: number; alpha: number; s: number; beta: number },
  g: CustomerGroups,
): { perX: Float64Array; laT: Float64Array; lbT: Float64Array } {
  const { r, alpha, s, beta } = p;
  const perX = new Float64Array(g.uniqueX.length);
  for (let k = 0; k < perX.length; k++) perX[k] = Math.log(s) - Math.log(r + s + (g.uniqueX[k] as number));
  const laT = new Float64Array(g.uniqueT.length);
  const lbT = new Float64Array(g.uniqueT.length);
  for (let k = 0; k < laT.length; k++) {
    laT[k] = Math.log(alpha + (g.uniqueT[k] as number));
    lbT[k] = s * Math.log(beta + (g.uniqueT[k] as number));
  }
  return { perX, laT, lbT };
}
