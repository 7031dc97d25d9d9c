// CLV inputs and the purchase half of risk, once per distinct (x, t_x, T): a million customers
// share a few hundred thousand such groups, and everything here depends on the group alone
// (silence = T − t_x). The per-customer parts (spend, service risk) are joined in SQL.
import {
  discountedPurchases,
  expectedPurchases,
  paretoNbdLogG,
  type ParetoNbdParams,
  paretoNbdProbabilityAliveFromLogG,
  probabilityAlive,
  type PurchaseModel,
} from '../clv/index.ts';
import { purchaseRisk, riskScore } from './purchase-risk.ts';
import type { RetentionSettings } from './retention-settings.ts';

export interface SummaryGroups {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** customers in the group */
  weight: Float64Array;
}

export interface GroupScores {
  pAlive: Float64Array;
  expected: Float64Array;
  /** expected purchases over the horizon, each discounted to today */
  discounted: Float64Array;
  /** unrounded purchase risk points, and the score they give alone */
  riskPoints: Float64Array;
  risk: Int32Array;
  overduePoints: Int32Array;
  lowPAlivePoints: Int32Array;
  gapDays: Int32Array;
}

export function scoreGroups(
  m: PurchaseModel,
  g: SummaryGroups,
  settings: RetentionSettings,
  medianGap: number,
): GroupScores {
  const n = g.x.length;
  const out: GroupScores = {
    pAlive: new Float64Array(n),
    expected: new Float64Array(n),
    discounted: new Float64Array(n),
    riskPoints: new Float64Array(n),
    risk: new Int32Array(n),
    overduePoints: new Int32Array(n),
    lowPAlivePoints: new Int32Array(n),
    gapDays: new Int32Array(n),
  };
  const H = settings.horizonDays;
  const steps = Math.max(1, Math.round(H / 30));
  const dailyRate = Math.pow(1 + settings.annualDiscountRate, 1 / 365) - 1;
  // Pareto/NBD's P(alive) needs log G at (x, t_x) and at (x, T), each a hyp2f1: 695,000 groups
  // share 37,000 such pairs, so they are computed once per pair (3 s → 0.3 s per million).
  const paretoPAlive = m.model === 'pareto-nbd' ? paretoAliveWithCache(m.params) : () => NaN;
  const discount = Float64Array.from({ length: steps }, (_, k) => Math.pow(1 + dailyRate, ((k + 1) * H) / steps));
  const stepsByT = new Map<number, Float64Array>();
  const paretoSteps = (T: number): Float64Array => {
    let f = stepsByT.get(T);
    if (!f) {
      const { s, beta } = (m as { params: ParetoNbdParams }).params;
      f = new Float64Array(steps);
      for (let k = 1; k <= steps; k++) {
        const L = Math.log1p((k * H) / steps / (beta + T));
        f[k - 1] = Math.abs(s - 1) < 1e-10 ? L : -Math.expm1(-(s - 1) * L) / (s - 1);
      }
      stepsByT.set(T, f);
    }
    return f;
  };
  for (let i = 0; i < n; i++) {
    const x = g.x[i] as number;
    const tx = g.tx[i] as number;
    const T = g.T[i] as number;
    const pAlive = finite(m.model === 'pareto-nbd' ? paretoPAlive(x, tx, T) : probabilityAlive(m, x, tx, T));
    let expected: number;
    let discounted: number;
    if (m.model === 'pareto-nbd') {
      // E[Y(t)] = pAlive · (r+x)/(α+T) · (β+T) · f(t): one P(alive) per group, then the
      // discounting sum is closed-form arithmetic per step.
      const { r, alpha, beta } = m.params;
      const scale = pAlive * ((r + x) / (alpha + T)) * (beta + T);
      // f(t_k) depends on T alone: computed once per distinct T (730 in two years of days).
      const f = paretoSteps(T);
      let previous = 0;
      discounted = 0;
      for (let k = 1; k <= steps; k++) {
        const cumulative = scale * (f[k - 1] as number);
        discounted += (cumulative - previous) / (discount[k - 1] as number);
        previous = cumulative;
      }
      expected = previous;
    } else {
      expected = expectedPurchases(m, H, x, tx, T);
      discounted = discountedPurchases(m, x, tx, T, { horizon: H, discountRate: dailyRate, steps });
    }
    const risk = purchaseRisk({ x, tx, silence: T - tx, pAlive }, settings.riskWeights, medianGap);
    out.pAlive[i] = pAlive;
    out.expected[i] = finite(expected);
    out.discounted[i] = finite(discounted);
    out.riskPoints[i] = risk.points;
    out.risk[i] = riskScore(risk.points, 0);
    out.overduePoints[i] = risk.overduePoints;
    out.lowPAlivePoints[i] = risk.lowPAlivePoints;
    out.gapDays[i] = risk.gapDays;
  }
  return out;
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);

/** Keys for whole-day (x, u) pairs; anything else (fractional times) is computed uncached. */
const U_SPAN = 2 ** 22;

function paretoAliveWithCache(p: ParetoNbdParams): (x: number, tx: number, T: number) => number {
  const cache = new Map<number, number>();
  const logG = (x: number, u: number): number => {
    if (!(Number.isInteger(x) && Number.isInteger(u) && x >= 0 && u >= 0 && u < U_SPAN && x < 2 ** 30))
      return paretoNbdLogG(p, x, u);
    const key = x * U_SPAN + u;
    let v = cache.get(key);
    if (v === undefined) {
      v = paretoNbdLogG(p, x, u);
      cache.set(key, v);
    }
    return v;
  };
  return (x, tx, T) => paretoNbdProbabilityAliveFromLogG(p, x, T, logG(x, tx), logG(x, T));
}
