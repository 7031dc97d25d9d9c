// CLV inputs and the purchase half of risk, once per distinct (x, t_x, T): a million customers
// share a few hundred thousand such groups, and everything here depends on the group alone
// (silence = T − t_x). The per-customer parts (spend, service risk) are joined in SQL.
import { discountedPurchases, expectedPurchases, probabilityAlive, type PurchaseModel } from '../clv/clv-score.ts';
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

export function scoreGroups(m: PurchaseModel, g: SummaryGroups, settings: RetentionSettings, medianGap: number): GroupScores {
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
  for (let i = 0; i < n; i++) {
    const x = g.x[i] as number;
    const tx = g.tx[i] as number;
    const T = g.T[i] as number;
    const pAlive = finite(probabilityAlive(m, x, tx, T));
    let expected: number;
    let discounted: number;
    if (m.model === 'pareto-nbd') {
      // E[Y(t)] = pAlive · (r+x)/(α+T) · (β+T) · f(t): one P(alive) per group, then the
      // discounting sum is closed-form arithmetic per step.
      const { r, alpha, s, beta } = m.params;
      const scale = pAlive * ((r + x) / (alpha + T)) * (beta + T);
      const f = (t: number) => {
        const L = Math.log1p(t / (beta + T));
        return Math.abs(s - 1) < 1e-10 ? L : -Math.expm1(-(s - 1) * L) / (s - 1);
      };
      let previous = 0;
      discounted = 0;
      for (let k = 1; k <= steps; k++) {
        const t = (k * H) / steps;
        const cumulative = scale * f(t);
        discounted += (cumulative - previous) / Math.pow(1 + dailyRate, t);
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
