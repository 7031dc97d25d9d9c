import { describe, expect, it } from 'vitest';
import { readPublishedCdnowSummary } from './cdnow-fixture.ts';
import { groupCustomers } from './group-customers.ts';
import { paretoNbdLogG, paretoNbdLogLikelihood, type ParetoNbdParams } from './pareto-nbd.ts';
import { paretoNbdLogGWithGradient, paretoNbdLogLikelihoodWithGradient } from './pareto-nbd-gradient.ts';

const g = groupCustomers(readPublishedCdnowSummary());
const keys = ['r', 'alpha', 's', 'beta'] as const;
// Both closed forms (α ≥ β, α < β), the tie, and far from the optimum.
const points: ParetoNbdParams[] = [
  { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.66 },
  { r: 0.55, alpha: 14, s: 0.61, beta: 9 },
  { r: 2.3, alpha: 3, s: 1.7, beta: 40 },
  { r: 1.1, alpha: 5, s: 0.9, beta: 5 },
];

/** Central difference in ln θ, Richardson-extrapolated (error O(h⁴)). */
function numericGradient(f: (p: ParetoNbdParams) => number, p: ParetoNbdParams, k: (typeof keys)[number]): number {
  const d = (h: number) => (f({ ...p, [k]: p[k] * Math.exp(h) }) - f({ ...p, [k]: p[k] * Math.exp(-h) })) / (2 * h);
  return (4 * d(5e-4) - d(1e-3)) / 3;
}

describe('Pareto/NBD log-likelihood with its gradient', () => {
  it('has the same value as the likelihood alone, bit for bit', () => {
    for (const p of points)
      expect(paretoNbdLogLikelihoodWithGradient(p, g, new Float64Array(4))).toBe(paretoNbdLogLikelihood(p, g));
  });

  it('matches the numerical gradient over CDNOW', () => {
    for (const p of points) {
      const grad = new Float64Array(4);
      paretoNbdLogLikelihoodWithGradient(p, g, grad);
      keys.forEach((k, j) => {
        const numeric = numericGradient((q) => paretoNbdLogLikelihood(q, g), p, k);
        expect(Math.abs((grad[j] as number) - numeric)).toBeLessThan(1e-6 * (1 + Math.abs(numeric)));
      });
    }
  });

  it('differentiates log G per (x, u) pair, including large x and u = 0', () => {
    const d = new Float64Array(4);
    for (const p of points) {
      for (const [x, u] of [
        [0, 0],
        [1, 5],
        [7, 30],
        [25, 1],
        [60, 300],
      ] as const) {
        expect(paretoNbdLogGWithGradient(p, x, u, d, 0)).toBe(paretoNbdLogG(p, x, u));
        keys.forEach((k, j) => {
          const h = 1e-4 * p[k];
          const numeric =
            (paretoNbdLogG({ ...p, [k]: p[k] + h }, x, u) - paretoNbdLogG({ ...p, [k]: p[k] - h }, x, u)) / (2 * h);
          expect(Math.abs((d[j] as number) - numeric)).toBeLessThan(1e-6 * (1 + Math.abs(numeric)));
        });
      }
    }
  });
});
