// A small, dependency-free minimiser for the model fits (the `fmin` package is broken).
// Parameters are optimised on the log scale, so every model parameter stays positive and
// a change of time unit (days ↔ weeks) is a pure shift of log α, which neither Nelder–Mead
// nor BFGS can tell apart from the original problem. Strategy: Nelder–Mead from each
// start point (robust to poor starts and to regions where the likelihood is -Infinity),
// then BFGS to polish to a tight gradient tolerance, keeping the best result.

export type Objective = (x: Float64Array) => number;
/** Returns the objective and writes its gradient into `grad`. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
}

function finiteOr(v: number): number {
  return Number.isFinite(v) ? v : Infinity;
}

export interface NelderMeadOptions {
  step?: number;
  maxIterations?: number;
  /** stop when the simplex's value spread and size fall below these */
  fTolerance?: number;
  xTolerance?: number;
}

export function nelderMead(f: Objective, x0: ArrayLike<number>, options: NelderMeadOptions = {}): MinimizeResult {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 200 * n;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  let evaluations = 0;
  const evalAt = (p: Float64Array): number => {
    evaluations++;
    return finiteOr(f(p));
  };
  const simplex: Float64Array[] = [];
  const values: number[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = (p[i - 1] as number) + step;
    simplex.push(p);
    values.push(evalAt(p));
  }
  const order = simplex.map((_, i) => i);
  let iterations = 0;
  let converged = false;
  const centroid = new Float64Array(n);
  const trial = (worst: Float64Array, coef: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++)
      p[j] = (centroid[j] as number) + coef * ((worst[j] as number) - (centroid[j] as number));
    return p;
  };
  for (; iterations < maxIterations; iterations++) {
    order.sort((a, b) => (values[a] as number) - (values[b] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    const fBest = values[best] as number;
    const fWorst = values[worst] as number;
    let size = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j < n; j++) {
        size = Math.max(size, Math.abs((simplex[i]![j] as number) - (simplex[best]![j] as number)));
      }
    }
    if (Number.isFinite(fWorst) && fWorst - fBest <= fTol * (1 + Math.abs(fBest)) && size <= xTol) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (const i of order.slice(0, n))
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (simplex[i]![j] as number) / n;
    const reflected = trial(simplex[worst]!, -1);
    const fr = evalAt(reflected);
    if (fr < fBest) {
      const expanded = trial(simplex[worst]!, -2);
      const fe = evalAt(expanded);
      if (fe < fr) {
        simplex[worst] = expanded;
        values[worst] = fe;
      } else {
        simplex[worst] = reflected;
        values[worst] = fr;
      }
    } else if (fr < (values[secondWorst] as number)) {
      simplex[worst] = reflected;
      values[worst] = fr;
    } else {
      const outside = fr < fWorst;
      const contracted = trial(outside ? reflected : simplex[worst]!, 0.5);
      const fc = evalAt(contracted);
      if (fc < Math.min(fr, fWorst)) {
        simplex[worst] = contracted;
        values[worst] = fc;
      } else {
        // Shrink towards the best vertex.
        for (const i of order.slice(1)) {
          const p = simplex[i]!;
          for (let j = 0; j < n; j++)
            p[j] = (simplex[best]![j] as number) + 0.5 * ((p[j] as number) - (simplex[best]![j] as number));
          values[i] = evalAt(p);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return { x: simplex[bestIndex]!, value: values[bestIndex] as number, evaluations, iterations, converged };
}

/** Central-difference gradient, for objectives without an analytic one. */
export function withNumericGradient(
  f: Objective,
  h = 1e-6,
  mode: 'central' | 'forward' = 'central',
): ObjectiveWithGradient {
  return (x, grad) => {
    const p = Float64Array.from(x);
    if (mode === 'forward') {
      // n + 1 evaluations instead of 2n + 1: for polishing on large data, where the
      // O(h) error is far below the statistical uncertainty of the estimate.
      const f0 = f(p);
      for (let j = 0; j < x.length; j++) {
        const xj = x[j] as number;
        p[j] = xj + h;
        grad[j] = (f(p) - f0) / h;
        p[j] = xj;
      }
      return f0;
    }
    for (let j = 0; j < x.length; j++) {
      const xj = x[j] as number;
      p[j] = xj + h;
      const fp = f(p);
      p[j] = xj - h;
      const fm = f(p);
      p[j] = xj;
      grad[j] = (fp - fm) / (2 * h);
    }
    return f(x);
  };
}

export interface BfgsOptions {
  maxIterations?: number;
  gradientTolerance?: number;
  /** largest step in any coordinate, in log-parameter units */
  maxStep?: number;
  /** starting inverse-Hessian approximation (row-major n×n), e.g. from a coarse fit */
  initialInverseHessian?: Float64Array;
  /**
   * Relative rounding noise of the objective's value (a sum over n rows carries about
   * ε·√n of it). When a full quasi-Newton step is predicted to gain less than that, the
   * line search could only chase noise — up to 40 evaluations that change nothing
   * measurable — so the search stops there as converged.
   */
  relativeNoise?: number;
}

export function bfgs(fg: ObjectiveWithGradient, x0: ArrayLike<number>, options: BfgsOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-8;
  const maxStep = options.maxStep ?? 2;
  let evaluations = 0;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = finiteOr(fg(x, g));
  evaluations++;
  if (!Number.isFinite(fx)) return { x, value: fx, evaluations, iterations: 0, converged: false };
  // Inverse-Hessian approximation, row-major.
  const H = new Float64Array(n * n);
  const resetH = () => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  resetH();
  const seeded = options.initialInverseHessian !== undefined;
  if (seeded) H.set(options.initialInverseHessian!);
  let converged = false;
  let iterations = 0;
  const d = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let stalled = 0;
  for (; iterations < maxIterations; iterations++) {
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i] as number));
    if (gMax <= gTol) {
      converged = true;
      break;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = v;
      slope += v * (g[i] as number);
    }
    // −slope/2 is what a full quasi-Newton step is predicted to gain.
    if (options.relativeNoise !== undefined && slope < 0 && -slope / 2 <= options.relativeNoise * (1 + Math.abs(fx))) {
      converged = true;
      break;
    }
    if (!(slope < 0)) {
      resetH();
      slope = 0;
      for (let i = 0; i < n; i++) {
        d[i] = -(g[i] as number);
        slope -= (g[i] as number) ** 2;
      }
    }
    let dMax = 0;
    for (let i = 0; i < n; i++) dMax = Math.max(dMax, Math.abs(d[i] as number));
    let t = dMax > maxStep ? maxStep / dMax : 1;
    // Backtracking (Armijo) line search with quadratic interpolation.
    let accepted = false;
    let xNew = new Float64Array(n);
    let fNew = Infinity;
    for (let k = 0; k < 40; k++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + t * (d[i] as number);
      fNew = finiteOr(fg(xNew, gNew));
      evaluations++;
      if (fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      const tq = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - fx - slope * t)) : t * 0.1;
      t = Math.min(0.5 * t, Math.max(0.1 * t, tq));
    }
    if (!accepted) break;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    const improvement = fx - fNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (sy > 1e-14) {
      if (iterations === 0 && !seeded) {
        // Scale the initial inverse Hessian to the problem (Nocedal & Wright 6.20).
        let yy = 0;
        for (let i = 0; i < n; i++) yy += (y[i] as number) ** 2;
        resetH();
        for (let i = 0; i < n; i++) H[i * n + i] = sy / yy;
      }
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = v;
        yHy += v * (y[i] as number);
      }
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    // Converged in value when several steps in a row gain nothing measurable.
    stalled = improvement <= 1e-15 * (1 + Math.abs(fx)) ? stalled + 1 : 0;
    if (stalled >= 3) {
      converged = true;
      break;
    }
  }
  return { x, value: fx, evaluations, iterations, converged };
}

export interface RobustOptions {
  /** start points in log-parameter space */
  starts: ArrayLike<number>[];
  nelderMeadIterations?: number;
  gradientTolerance?: number;
}

/**
 * Nelder–Mead from every start, BFGS polish of each, keep the best, then one more BFGS
 * run from the winner (a fresh Hessian estimate) in case the first stopped on a ridge.
 */
export function minimizeRobust(f: Objective, fg: ObjectiveWithGradient, options: RobustOptions): MinimizeResult {
  let best: MinimizeResult | undefined;
  let evaluations = 0;
  let iterations = 0;
  const consider = (r: MinimizeResult) => {
    evaluations += r.evaluations;
    iterations += r.iterations;
    if (!best || r.value < best.value) best = r;
  };
  for (const start of options.starts) {
    const nm = nelderMead(f, start, {
      maxIterations: options.nelderMeadIterations ?? 400,
      fTolerance: 1e-9,
      xTolerance: 1e-4,
    });
    consider(nm);
    consider(bfgs(fg, nm.x, { gradientTolerance: options.gradientTolerance ?? 1e-9 }));
  }
  const polished = bfgs(fg, best!.x, { gradientTolerance: options.gradientTolerance ?? 1e-9 });
  consider(polished);
  return { ...best!, evaluations, iterations };
}
