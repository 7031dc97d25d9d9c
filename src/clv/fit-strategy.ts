// How the purchase models are fitted, shared by BG/NBD and Pareto/NBD.
// Small data (CDNOW: ~1,000 distinct rows) is searched directly from several start points.
// Large data is searched on a coarse copy first (t_x and T rounded to a few dozen levels: a few
// thousand rows, cheap to explore from every start), then polished on the full data by
// BFGS seeded with the coarse problem's inverse Hessian, so the expensive full-data phase
// starts near the optimum with the right curvature and needs only a handful of steps.
import { coarsenGroups, type CustomerGroups } from './group-customers.ts';
import { numericalHessian, invertSpd } from './hessian-standard-errors.ts';
import { bfgs, type MinimizeResult, minimizeRobust, type Objective, type ObjectiveWithGradient } from './optimize.ts';

export interface FitStrategy {
  /** mean negative log-likelihood per customer, over log-parameters */
  objective: (g: CustomerGroups) => Objective;
  objectiveWithGradient: (g: CustomerGroups, phase: 'search' | 'polish') => ObjectiveWithGradient;
  starts: Float64Array[];
  /** 'gradient' when the gradient is analytic (BFGS from each start is cheap) */
  search: 'gradient' | 'nelder-mead';
  /** above this many distinct rows, use the coarse-then-polish path */
  coarseAbove: number;
  /** time levels of the coarse copy (fewer = cheaper search, longer polish) */
  coarseLevels: number;
  /**
   * Optional: a first polish on a copy with this many time levels, so that the polish on the
   * full data starts nearer the optimum (each full-data step of Pareto/NBD costs about two
   * evaluations, its gradient needing hyp2f1 per pair again).
   */
  middleLevels?: number;
  polishGradientTolerance: number;
  /**
   * Stop the polishes once a step could only gain less than the summed likelihood's rounding
   * noise (ε·√rows), for a tolerance the noise keeps out of reach (BG/NBD's 1e-9).
   */
  stopAtNoise?: boolean;
}

/** BFGS from every start; fall back to Nelder–Mead first if none converged. */
export function searchFromStarts(
  f: Objective,
  fg: ObjectiveWithGradient,
  starts: Float64Array[],
  kind: FitStrategy['search'],
  options: { relativeNoise?: number } = {},
): MinimizeResult {
  if (kind === 'nelder-mead')
    return minimizeRobust(f, fg, { starts, nelderMeadIterations: 400, gradientTolerance: 1e-8 });
  let best: MinimizeResult | undefined;
  let evaluations = 0;
  let agreeing = 0;
  for (const s of starts) {
    const r = bfgs(fg, s, { gradientTolerance: 1e-9, ...options });
    evaluations += r.evaluations;
    if (!Number.isFinite(r.value)) continue;
    // Two converged starts reaching the same optimum is the evidence we want; further
    // starts would only repeat it.
    if (best && r.converged && best.converged && Math.abs(r.value - best.value) <= 1e-9 * (1 + Math.abs(best.value)))
      agreeing++;
    if (!best || r.value < best.value) best = r;
    if (agreeing >= 1) break;
  }
  if (!best || !best.converged) {
    const r = minimizeRobust(f, fg, { starts: best ? [best.x, ...starts] : starts });
    evaluations += r.evaluations;
    if (!best || r.value < best.value) best = r;
  }
  return { ...best, evaluations };
}

/** The rounding noise of a mean over `rows` summed terms, relative to its value (ε·√rows). */
export const noiseOf = (rows: number) => Number.EPSILON * Math.sqrt(rows);

export function fitLogParameters(g: CustomerGroups, strategy: FitStrategy): MinimizeResult {
  if (g.size <= strategy.coarseAbove) {
    return searchFromStarts(
      strategy.objective(g),
      strategy.objectiveWithGradient(g, 'search'),
      strategy.starts,
      strategy.search,
    );
  }
  const coarse = coarsenGroups(g, strategy.coarseLevels);
  const fc = strategy.objective(coarse);
  const rough = searchFromStarts(
    fc,
    strategy.objectiveWithGradient(coarse, 'search'),
    strategy.starts,
    strategy.search,
  );
  const H = numericalHessian(fc, rough.x, 1e-3);
  const H0 = invertSpd(H, rough.x.length);
  const seed = H0 ? { initialInverseHessian: H0 } : {};
  let start = rough.x;
  let evaluations = rough.evaluations;
  const noise = (rows: number) => (strategy.stopAtNoise ? { relativeNoise: noiseOf(rows) } : {});
  const middle = strategy.middleLevels ? coarsenGroups(g, strategy.middleLevels) : null;
  // Only when the middle copy is much smaller than the data; its optimum is a start, never the result.
  if (middle && middle.size * 3 <= g.size) {
    const m = bfgs(strategy.objectiveWithGradient(middle, 'polish'), rough.x, {
      gradientTolerance: strategy.polishGradientTolerance * 10,
      ...noise(middle.size),
      ...seed,
    });
    evaluations += m.evaluations;
    if (Number.isFinite(m.value)) start = m.x;
  }
  const polished = bfgs(strategy.objectiveWithGradient(g, 'polish'), start, {
    gradientTolerance: strategy.polishGradientTolerance,
    ...noise(g.size),
    ...seed,
  });
  // (rough.value is on the coarse data, so it is not comparable with polished.value.)
  return { ...polished, evaluations: evaluations + polished.evaluations };
}
