// Standard errors from the observed information: the numerical Hessian of the negative
// log-likelihood at the optimum. The Hessian is taken in log-parameter space, where the
// likelihood surface is far closer to quadratic, and mapped back by the delta method
// (se(θ) = θ · se(ln θ)), which is exact to first order at the optimum.

/** Central-difference Hessian of f at x (step h in each coordinate). */
export function numericalHessian(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-3): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const p = Float64Array.from(x);
  const f0 = f(p);
  const at = (i: number, di: number, j: number, dj: number): number => {
    p.set(x as ArrayLike<number>);
    p[i] = (p[i] as number) + di;
    p[j] = (p[j] as number) + dj;
    return f(p);
  };
  for (let i = 0; i < n; i++) {
    const fp = at(i, h, i, 0);
    const fm = at(i, -h, i, 0);
    H[i * n + i] = (fp - 2 * f0 + fm) / (h * h);
    for (let j = 0; j < i; j++) {
      const v = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix via Cholesky; undefined if not SPD. */
export function invertSpd(A: Float64Array, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / (L[j * n + j] as number);
      }
    }
  }
  // Solve A X = I column by column.
  const inv = new Float64Array(n * n);
  const y = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= (L[i * n + k] as number) * (y[k] as number);
      y[i] = s / (L[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i] as number;
      for (let k = i + 1; k < n; k++) s -= (L[k * n + i] as number) * (inv[k * n + c] as number);
      inv[i * n + c] = s / (L[i * n + i] as number);
    }
  }
  return inv;
}

/**
 * Standard errors of exp(θ) where θ maximises `logLikelihood` (the *total*, not the mean,
 * log-likelihood). Returns NaN for every parameter when the Hessian is not positive
 * definite (a boundary or flat optimum, where standard errors are meaningless).
 */
export function hessianStandardErrors(
  logLikelihood: (theta: Float64Array) => number,
  thetaHat: ArrayLike<number>,
): number[] {
  return standardErrorsFrom(
    numericalHessian((t) => -logLikelihood(t), thetaHat),
    thetaHat,
  );
}

/**
 * The same from a likelihood that also fills its gradient (with respect to θ): the Hessian as
 * central differences of the gradient, 2n evaluations instead of 1 + 2n² (BG/NBD: 8 instead of
 * 33, half of `kept clv fit` on a million distinct customers).
 */
export function gradientStandardErrors(
  logLikelihood: (theta: Float64Array, grad: Float64Array) => number,
  thetaHat: ArrayLike<number>,
  h = 1e-4,
): number[] {
  const n = thetaHat.length;
  const H = new Float64Array(n * n);
  const p = Float64Array.from(thetaHat);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    p.set(thetaHat);
    p[i] = (p[i] as number) + h;
    logLikelihood(p, up);
    p.set(thetaHat);
    p[i] = (p[i] as number) - h;
    logLikelihood(p, down);
    for (let j = 0; j < n; j++) H[i * n + j] = -((up[j] as number) - (down[j] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = ((H[i * n + j] as number) + (H[j * n + i] as number)) / 2;
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  return standardErrorsFrom(H, thetaHat);
}

function standardErrorsFrom(H: Float64Array, thetaHat: ArrayLike<number>): number[] {
  const n = thetaHat.length;
  const cov = invertSpd(H, n);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = cov ? (cov[i * n + i] as number) : NaN;
    out.push(v > 0 ? Math.exp(thetaHat[i] as number) * Math.sqrt(v) : NaN);
  }
  return out;
}
