import { describe, expect, it } from 'vitest';
import { digamma, digammaDiff, logAddExp, logSubExp } from './special-functions.ts';
import { hessianStandardErrors } from './hessian-standard-errors.ts';
import { bfgs, nelderMead } from './optimize.ts';

describe('special functions', () => {
  it('digamma matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 13);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 13);
  });

  it('digammaDiff keeps relative accuracy where plain differences cannot', () => {
    // ψ(u+1) − ψ(u) = 1/u exactly
    for (const u of [0.3, 7, 1e4, 1e12]) expect(digammaDiff(u, 1) * u).toBeCloseTo(1, 12);
    expect(digammaDiff(2.5, 0.7)).toBeCloseTo(digamma(3.2) - digamma(2.5), 13);
  });

  it('log-space sums', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 14);
    expect(logSubExp(2, 2)).toBe(-Infinity);
  });
});

describe('optimiser and standard errors', () => {
  it('Nelder–Mead and BFGS find the minimum of the Rosenbrock function', () => {
    const f = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const fg = (x: Float64Array, g: Float64Array) => {
      g[0] = -400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!);
      g[1] = 200 * (x[1]! - x[0]! ** 2);
      return f(x);
    };
    const nm = nelderMead(f, [-1.2, 1], { xTolerance: 1e-10, fTolerance: 1e-14, maxIterations: 5000 });
    expect(nm.x[0]).toBeCloseTo(1, 4);
    const b = bfgs(fg, [-1.2, 1]);
    expect(b.converged).toBe(true);
    expect(b.x[0]).toBeCloseTo(1, 6);
    expect(b.x[1]).toBeCloseTo(1, 6);
  });

  it('Hessian standard errors equal the textbook ones for an exponential rate', () => {
    // n exponential observations with mean m: MLE λ = 1/m, se(λ) = λ/√n.
    const n = 400;
    const sum = 250;
    const ll = (theta: Float64Array) => {
      const lambda = Math.exp(theta[0]!);
      return n * Math.log(lambda) - lambda * sum;
    };
    const lambdaHat = n / sum;
    const [se] = hessianStandardErrors(ll, [Math.log(lambdaHat)]);
    expect(se!).toBeCloseTo(lambdaHat / Math.sqrt(n), 6);
  });
});
