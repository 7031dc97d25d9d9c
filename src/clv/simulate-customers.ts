// Seeded simulators for the buy-till-you-die models, used by the parameter-recovery tests
// and the benchmark. Seeded (not Math.random) so a failing recovery test is reproducible.
// Times are rounded to a grid (default: whole units, i.e. integer days when the unit is
// days) because transaction logs record dates, and the grid is what makes grouping pay.
import type { BgNbdParams } from './bg-nbd.ts';
import type { ParetoNbdParams } from './pareto-nbd.ts';
import type { GammaGammaParams } from './gamma-gamma.ts';

/** sfc32: small, fast, passes PractRand to large sizes; plenty for simulation. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 + seed;
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  // Never return exactly 0 (logs of uniforms below).
  return () => {
    let u = next();
    while (u === 0) u = next();
    return u;
  };
}

function normal(rand: () => number): number {
  // Box–Muller; one of the pair is discarded for simplicity.
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape, rate) by Marsaglia & Tsang, with the shape < 1 boost. */
export function gammaVariate(rand: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(rand, shape + 1, rate) * Math.pow(rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normal(rand);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = rand();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function betaVariate(rand: () => number, a: number, b: number): number {
  const x = gammaVariate(rand, a, 1);
  const y = gammaVariate(rand, b, 1);
  return x / (x + y);
}

export interface SimulationOptions {
  customers: number;
  seed: number;
  /** end of calibration, in model time units (e.g. 273 days) */
  calibrationEnd: number;
  /** first purchases are spread uniformly over [0, acquisitionWindow) on the grid */
  acquisitionWindow: number;
  /** time grid; 1 = whole units (default) */
  grid?: number;
}

export interface SimulatedCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

function simulate(
  options: SimulationOptions,
  // Returns the repeat purchase times in (0, T] for one customer.
  customer: (rand: () => number, T: number, push: (t: number) => void) => void,
): SimulatedCustomers {
  const { customers, calibrationEnd, acquisitionWindow } = options;
  const grid = options.grid ?? 1;
  const rand = seededRandom(options.seed);
  const out: SimulatedCustomers = {
    x: new Float64Array(customers),
    tx: new Float64Array(customers),
    T: new Float64Array(customers),
  };
  const slots = Math.max(1, Math.floor(acquisitionWindow / grid));
  for (let i = 0; i < customers; i++) {
    const first = Math.floor(rand() * slots) * grid;
    const T = calibrationEnd - first;
    let x = 0;
    let last = 0;
    customer(rand, T, (t) => {
      x++;
      last = t;
    });
    out.x[i] = x;
    // Round to the grid, never past T (T itself is on the grid).
    out.tx[i] = x === 0 ? 0 : Math.min(T, Math.round(last / grid) * grid);
    out.T[i] = T;
  }
  return out;
}

/** BG/NBD: Poisson(λ) purchases; after each repeat purchase, drop out with probability p. */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): SimulatedCustomers {
  return simulate(options, (rand, T, push) => {
    const lambda = gammaVariate(rand, params.r, params.alpha);
    const p = betaVariate(rand, params.a, params.b);
    let t = 0;
    for (;;) {
      t += -Math.log(rand()) / lambda;
      if (t > T) return;
      push(t);
      if (rand() < p) return;
    }
  });
}

/** Pareto/NBD: Poisson(λ) purchases during an exponential(μ) lifetime. */
export function simulateParetoNbd(params: ParetoNbdParams, options: SimulationOptions): SimulatedCustomers {
  return simulate(options, (rand, T, push) => {
    const lambda = gammaVariate(rand, params.r, params.alpha);
    const mu = gammaVariate(rand, params.s, params.beta);
    const end = Math.min(T, -Math.log(rand()) / mu);
    let t = 0;
    for (;;) {
      t += -Math.log(rand()) / lambda;
      if (t > end) return;
      push(t);
    }
  });
}

/**
 * Gamma-Gamma spend: each customer's mean spend ν ~ Gamma(q, γ); each transaction
 * ~ Gamma(p, ν), so the mean of x transactions is Gamma(p·x, ν·x). Returns 0 when x = 0.
 */
export function simulateGammaGammaSpend(params: GammaGammaParams, x: ArrayLike<number>, seed: number): Float64Array {
  const rand = seededRandom(seed);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (xi <= 0) continue;
    const nu = gammaVariate(rand, params.q, params.gamma);
    out[i] = gammaVariate(rand, params.p * xi, nu * xi);
  }
  return out;
}
