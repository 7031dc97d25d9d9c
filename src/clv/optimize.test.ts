import { describe, expect, it } from 'vitest';
import { bfgs } from './optimize.ts';

// A quadratic whose value carries noise of 1e-12 and whose gradient carries 1e-8, as a
// likelihood summed over a million customers does: the gradient tolerance cannot be met, and
// near the optimum the line search can only chase the noise.
const noisy = (x: Float64Array, grad: Float64Array): number => {
  const a = (x[0] as number) - 1;
  const b = (x[1] as number) + 2;
  const phase = 1e9 * (x[0] as number) + 7e8 * (x[1] as number);
  grad[0] = 2 * a + 1e-8 * Math.cos(phase);
  grad[1] = 2e-2 * b + 1e-8 * Math.sin(3 * phase);
  return 1 + a * a + 1e-2 * b * b + 1e-12 * Math.sin(phase);
};

describe('bfgs told the value noise', () => {
  it('stops where a step could only gain less than the noise, at the same optimum', () => {
    const chasing = bfgs(noisy, [3, 5], { gradientTolerance: 1e-12 });
    const stopping = bfgs(noisy, [3, 5], { gradientTolerance: 1e-12, relativeNoise: 1e-12 });
    expect(stopping.converged).toBe(true);
    expect(stopping.evaluations).toBeLessThan(chasing.evaluations / 2);
    expect(Math.abs(stopping.value - chasing.value)).toBeLessThan(1e-11);
    expect(Math.abs((stopping.x[0] as number) - 1)).toBeLessThan(1e-7);
    expect(Math.abs((stopping.x[1] as number) + 2)).toBeLessThan(1e-5);
  });
});
