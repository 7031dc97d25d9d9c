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
 * Map each value to a dense index of the sorted distinct values. Values on a grid (whole days,
 * weeks with two decimals, k/7 weeks) take a direct-addressed table over the grid's steps; a
 * value counts as on the grid only when step·round(v/step) gives back exactly v, so no two
 * distinct values ever share an index. Anything else takes a Map. A million rows on a grid cost
 * tens of milliseconds; through the Map, about a second.
 */
function indexValues(values: ArrayLike<number>): { unique: Float64Array; index: Int32Array } {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n > 0) {
    for (const scale of GRID_SCALES) {
      if ((max - min) * scale > 10_000_000) continue;
      const indexed = indexOnGrid(values, scale, Math.round(min * scale), Math.round(max * scale));
      if (indexed) return indexed;
    }
  }
  return indexThroughMap(values);
}

/** Steps per unit tried in turn: days or counts, decimals of a unit, sevenths (days in weeks), hours. */
const GRID_SCALES = [1, 10, 100, 1000, 10_000, 7, 24, 168];

function indexOnGrid(
  values: ArrayLike<number>,
  scale: number,
  low: number,
  high: number,
): { unique: Float64Array; index: Int32Array } | null {
  const n = values.length;
  const index = new Int32Array(n);
  // The step as a division, as a file's decimals are read: 0.07 is 7/100, not 7 × 0.01.
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const k = Math.round(v * scale);
    if (k / scale !== v) return null;
    index[i] = k - low;
  }
  const slot = new Int32Array(high - low + 1).fill(-1);
  for (let i = 0; i < n; i++) slot[index[i] as number] = 0;
  let m = 0;
  for (let k = 0; k < slot.length; k++) if (slot[k] === 0) slot[k] = m++;
  const unique = new Float64Array(m);
  for (let k = 0; k < slot.length; k++) if ((slot[k] as number) >= 0) unique[slot[k] as number] = (k + low) / scale;
  for (let i = 0; i < n; i++) index[i] = slot[index[i] as number] as number;
  return { unique, index };
}

function indexThroughMap(values: ArrayLike<number>): { unique: Float64Array; index: Int32Array } {
  const n = values.length;
  const index = new Int32Array(n);
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

/** Row numbers in ascending order of their keys (< `bound`): a stable LSD radix sort, 11 bits a pass. */
function radixOrder(keys: Uint32Array, bound: number): Int32Array {
  const n = keys.length;
  let order = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let shift = 0; shift < 32 && 2 ** shift < bound; shift += 11) {
    const counts = new Int32Array(2049);
    for (let i = 0; i < n; i++) {
      const b = (((keys[i] as number) >>> shift) & 0x7ff) + 1;
      counts[b] = (counts[b] as number) + 1;
    }
    for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      const b = ((keys[i] as number) >>> shift) & 0x7ff;
      next[counts[b] as number] = i;
      counts[b] = (counts[b] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
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

/** Throws on the first row that is not a valid (x, t_x, T); the cheap test first, the words only then. */
function checkRows(columns: CustomerColumns): void {
  const { x: X, tx: TX, T: TT } = columns;
  const n = X.length;
  for (let i = 0; i < n; i++) {
    const x = X[i] as number;
    const tx = TX[i] as number;
    const T = TT[i] as number;
    const fine = x >= 0 && Math.floor(x) === x && tx >= 0 && T >= 0 && T < Infinity && tx <= T + 1e-9 * Math.max(1, T);
    if (fine && (x > 0 || tx === 0)) continue;
    const problem = validateCustomer(x, tx, T);
    if (problem) throw new Error(`customer row ${i}: ${problem}`);
  }
}

export function groupCustomers(columns: CustomerColumns): CustomerGroups {
  const n = columns.x.length;
  if (columns.tx.length !== n || columns.T.length !== n) throw new Error('x, tx and T must have equal lengths');
  checkRows(columns);
  const xs = indexValues(columns.x);
  const txs = indexValues(columns.tx);
  const Ts = indexValues(columns.T);
  const ntx = txs.unique.length;
  const nT = Ts.unique.length;
  const cells = xs.unique.length * ntx * nT;
  const xi = xs.index;
  const txi = txs.index;
  const Ti = Ts.index;
  const groupOf = new Int32Array(n);
  let size = 0;
  if (cells <= 8_000_000) {
    // A dense lookup table when the key space is small (typical for day grids).
    const table = new Int32Array(cells).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = ((xi[i] as number) * ntx + (txi[i] as number)) * nT + (Ti[i] as number);
      let g = table[key] as number;
      if (g < 0) {
        g = size++;
        table[key] = g;
      }
      groupOf[i] = g;
    }
  } else if (cells <= 0x1_0000_0000) {
    // Continuous times: the key space is too large for a table, so sort the keys (radix) and
    // number the runs of equal keys. A Map of a million keys took 1.2 s.
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((xi[i] as number) * ntx + (txi[i] as number)) * nT + (Ti[i] as number);
    const order = radixOrder(keys, cells);
    let previous = -1;
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      const key = keys[i] as number;
      if (key !== previous) {
        size++;
        previous = key;
      }
      groupOf[i] = size - 1;
    }
  } else {
    const table = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = ((xi[i] as number) * ntx + (txi[i] as number)) * nT + (Ti[i] as number);
      let g = table.get(key);
      if (g === undefined) {
        g = size++;
        table.set(key, g);
      }
      groupOf[i] = g;
    }
  }
  return collectGroups(columns, size, groupOf, xs, txs, Ts);
}

function collectGroups(
  columns: CustomerColumns,
  size: number,
  groupOf: Int32Array,
  xs: ReturnType<typeof indexValues>,
  txs: ReturnType<typeof indexValues>,
  Ts: ReturnType<typeof indexValues>,
): CustomerGroups {
  const x = new Float64Array(size);
  const tx = new Float64Array(size);
  const T = new Float64Array(size);
  const weight = new Float64Array(size);
  const xIndex = new Int32Array(size);
  const txIndex = new Int32Array(size);
  const TIndex = new Int32Array(size);
  const W = columns.weight;
  let customers = 0;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    const w = W ? (W[i] as number) : 1;
    weight[g] = (weight[g] as number) + w;
    customers += w;
    xIndex[g] = xs.index[i] as number;
    txIndex[g] = txs.index[i] as number;
    TIndex[g] = Ts.index[i] as number;
  }
  for (let g = 0; g < size; g++) {
    x[g] = xs.unique[xIndex[g] as number] as number;
    tx[g] = txs.unique[txIndex[g] as number] as number;
    T[g] = Ts.unique[TIndex[g] as number] as number;
  }
  return {
    size,
    x,
    tx,
    T,
    weight,
    uniqueX: xs.unique,
    uniqueTx: txs.unique,
    uniqueT: Ts.unique,
    xIndex,
    txIndex,
    TIndex,
    customers,
  };
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
