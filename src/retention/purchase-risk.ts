// The purchase half of churn risk (K14): overdue against the customer's own rhythm, and a
// low probability of being alive. It depends only on (x, t_x, T) and P(alive), so the nightly
// refresh computes it once per distinct (x, t_x, T) group rather than once per customer, and the
// live view of one customer uses the same function. The service half (complaints, broken
// promises, service hell) comes from cases and promises in SQL (risk-sql.ts).
//   overdue    silence / own typical gap − 1, halved, capped at 1 (full points at 3× the gap)
//   lowPAlive  1 − P(alive), shown as a reason only while P(alive) < 0.5
import type { RiskReason } from '../contract/retention-types.ts';
import type { RetentionSettings } from './retention-settings.ts';

export interface PurchaseRiskInput {
  x: number;
  tx: number;
  /** days since the last purchase; null without purchases */
  silence: number | null;
  pAlive: number | null;
}

export interface PurchaseRisk {
  /** unrounded points; the score is the rounded sum with the service points, capped at 100 */
  points: number;
  /** whole points of each reason, 0 when it is not a reason */
  overduePoints: number;
  lowPAlivePoints: number;
  /** the typical gap the silence was compared with, in whole days */
  gapDays: number;
}

/** `medianGap`: the workspace's typical gap (days), assumed for one-time buyers. */
export function purchaseRisk(
  input: PurchaseRiskInput,
  weights: RetentionSettings['riskWeights'],
  medianGap: number,
): PurchaseRisk {
  const gap = input.x > 0 ? input.tx / input.x : medianGap;
  const overdue =
    input.silence === null ? 0 : weights.overdue * Math.min(1, Math.max(0, (input.silence / Math.max(gap, 1) - 1) / 2));
  const lowPAlive = input.pAlive === null ? 0 : weights.lowPAlive * (1 - input.pAlive);
  return {
    points: overdue + lowPAlive,
    overduePoints: overdue >= 1 ? Math.round(overdue) : 0,
    lowPAlivePoints: lowPAlive >= 1 && input.pAlive !== null && input.pAlive < 0.5 ? Math.round(lowPAlive) : 0,
    gapDays: Math.round(gap),
  };
}

/** The purchase reasons in the API's shape, from the stored numbers. */
export function purchaseReasons(
  r: { overduePoints: number; gapDays: number; lowPAlivePoints: number },
  silence: number | null,
  pAlive: number | null,
): RiskReason[] {
  const out: RiskReason[] = [];
  if (r.overduePoints >= 1 && silence !== null)
    out.push({ code: 'overdue', points: r.overduePoints, days: silence, gapDays: r.gapDays });
  if (r.lowPAlivePoints >= 1 && pAlive !== null)
    out.push({ code: 'low_p_alive', points: r.lowPAlivePoints, pAlive: Math.round(pAlive * 1000) / 1000 });
  return out;
}

/** The score: all points rounded once (half up), capped at 100. */
export function riskScore(purchasePoints: number, servicePoints: number): number {
  return Math.min(100, Math.round(purchasePoints + servicePoints));
}
