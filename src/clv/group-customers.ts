// Grouping identical (x, t_x, T) rows with weights. Real transaction logs live on a day
// grid, so a million customers collapse to a few hundred thousand distinct triples at
// most, and every likelihood evaluation then costs O(groups), not O(customers). The
// per-value index arrays let models cache work that depends on one coordinate only
// (e.g. log(α+T) per distinct T, hyp2f1 per distinct (x, t_x)).

export interface CustomerGroups {
  /** number of distinct (x, t_x, T) rows */
  size: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** how many customers share the row */
  weight: Float64Array;
  /** distinct values and, per row, the index of its value */
  uniqueX: Float64Array;
  uniqueTx: Float64Array;
  uniqueT: Float64Array;
  xIndex: Int32Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
  /** total number of customers (sum of weights) */
  customers: number;
}

export interface CustomerColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  /** optional per-row weights (default 1) */
  weight?: ArrayLike<number>;
}

/**
 * Map each value to a dense index of the sorted distinct values. Whole numbers in a
 * moderate range (days, counts) take a direct-addressed table; anything else (weeks as
 * k/7) a Map. Either way a million rows cost tens of milliseconds.
 */
function indexValues(values: ArrayLike<number>): { unique: Float64Array; index: Int32Array } {
  const n = values.length;
  const index = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (n > 0 && integral && max - min <= 10_000_000) {
    const slot = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) slot[(values[i] as number) - min] = 0;
    let m = 0;
    for (let k = 0; k < slot.length; k++) if (slot[k] === 0) slot[k] = m++;
    const unique = new Float64Array(m);
    for (let k = 0; k < slot.length; k++) if ((slot[k] as number) >= 0) unique[slot[k] as number] = k + min;
    for (let i = 0; i < n; i++) index[i] = slot[(values[i] as number) - min] as number;
    return { unique, index };
  }
  const seen = new Map<number, number>();
  const firstSeen: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let k = seen.get(v);
    if (k === undefined) {
      k = firstSeen.length;
      seen.set(v, k);
      firstSeen.push(v);
    }
    index[i] = k;
  }
  // Re-number in sorted order so caches and pair keys are deterministic.
  const order = firstSeen.map((_, i) => i).sort((a, b) => (firstSeen[a] as number) - (firstSeen[b] as number));
  const rank = new Int32Array(order.length);
  const unique = new Float64Array(order.length);
  order.forEach((orig, r) => {
    rank[orig] = r;
    unique[r] = firstSeen[orig] as number;
  });
  for (let i = 0; i < n; i++) index[i] = rank[index[i] as number] as number;
  return { unique, index };
}

export function validateCustomer(x: number, tx: number, T: number): string | undefined {
  if (!Number.isInteger(x) || x < 0) return `x must be a non-negative integer, got ${x}`;
  if (!Number.isFinite(tx) || tx < 0) return `t_x must be a non-negative number, got ${tx}`;
  if (!Number.isFinite(T) || T < 0) return `T must be a non-negative number, got ${T}`;
  // Allow rounding in files written with a few decimals.
  if (tx > T + 1e-9 * Math.max(1, T)) return `t_x (${tx}) must not exceed T (${T})`;
  if (x === 0 && tx !== 0) return `t_x must be 0 when x is 0, got ${tx}`;
  return undefined;
}

export function groupCustomers(columns: CustomerColumns): CustomerGroups {
  const n = columns.x.length;
  if (columns.tx.length !== n || columns.T.length !== n) throw new Error('x, tx and T must have equal lengths');
  for (let i = 0; i < n; i++) {
    const problem = validateCustomer(columns.x[i] as number, columns.tx[i] as number, columns.T[i] as number);
    if (problem) throw new Error(`customer row ${i}: ${problem}`);
  }
  const xs = indexValues(columns.x);
  const txs = indexValues(columns.tx);
  const Ts = indexValues(columns.T);
  const nx = xs.unique.length;
  const ntx = txs.unique.length;
  const nT = Ts.unique.length;
  const cells = nx * ntx * nT;
  const groupOf = new Int32Array(n);
  let size = 0;
  // A dense lookup table when the key space is small (typical for day grids), a Map otherwise.
  if (cells <= 8_000_000) {
    const table = new Int32Array(cells).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = ((xs.index[i] as number) * ntx + (txs.index[i] as number)) * nT + (Ts.index[i] as number);
      let g = table[key] as number;
      if (g < 0) {
        g = size++;
        table[key] = g;
      }
      groupOf[i] = g;
    }
  } else {
    const table = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = ((xs.index[i] as number) * ntx + (txs.index[i] as number)) * nT + (Ts.index[i] as number);
      let g = table.get(key);
      if (g === undefined) {
        g = size++;
        table.set(key, g);
      }
      groupOf[i] = g;
    }
  }
  const out: CustomerGroups = {
    size,
    x: new Float64Array(size),
    tx: new Float64Array(size),
    T: new Float64Array(size),
    weight: new Float64Array(size),
    uniqueX: xs.unique,
    uniqueTx: txs.unique,
    uniqueT: Ts.unique,
    xIndex: new Int32Array(size),
    txIndex: new Int32Array(size),
    TIndex: new Int32Array(size),
    customers: 0,
  };
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    const w = columns.weight ? (columns.weight[i] as number) : 1;
    out.weight[g] = (out.weight[g] as number) + w;
    out.customers += w;
    out.x[g] = columns.x[i] as number;
    out.tx[g] = columns.tx[i] as number;
    out.T[g] = columns.T[i] as number;
    out.xIndex[g] = xs.index[i] as number;
    out.txIndex[g] = txs.index[i] as number;
    out.TIndex[g] = Ts.index[i] as number;
  }
  return out;
}

/**
 * Round every t_x and T to a grid of about `levels` steps and regroup. The coarse problem
 * has a few hundred (x, u) pairs instead of thousands, so Nelder–Mead/BFGS can explore
 * it cheaply; the full data is then only needed for a short BFGS polish. Rounding is
 * monotone, so t_x ≤ T survives.
 */
export function coarsenGroups(g: CustomerGroups, levels: number): CustomerGroups {
  let maxT = 0;
  for (let i = 0; i < g.uniqueT.length; i++) maxT = Math.max(maxT, g.uniqueT[i] as number);
  const step = maxT / levels || 1;
  const round = (u: number) => Math.round(u / step) * step;
  const tx = new Float64Array(g.size);
  const T = new Float64Array(g.size);
  for (let i = 0; i < g.size; i++) {
    tx[i] = round(g.tx[i] as number);
    T[i] = round(g.T[i] as number);
  }
  return groupCustomers({ x: g.x, tx, T, weight: g.weight });
}
