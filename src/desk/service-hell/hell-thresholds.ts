import type { HellAssessment, HellMetrics, HellThresholds } from '../../contract/api-types.ts';
import { DEFAULT_HELL_THRESHOLDS } from '../../workspaces/index.ts';

// The defaults (and why each is where it is) are the workspace's: src/workspaces/default-settings.ts.
export { DEFAULT_HELL_THRESHOLDS };

/** The metrics that have thresholds, in the order reasons are reported. */
export const HELL_THRESHOLD_METRICS = Object.keys(DEFAULT_HELL_THRESHOLDS) as Array<keyof HellThresholds>;

/**
 * Flags when any metric is at or above its threshold. A threshold of 0 or less (or not a
 * finite number) switches that metric off — otherwise "0 ≥ 0" would flag every case.
 */
export function assessHell(metrics: HellMetrics, thresholds: HellThresholds = DEFAULT_HELL_THRESHOLDS): HellAssessment {
  const reasons: HellAssessment['reasons'] = [];
  for (const metric of HELL_THRESHOLD_METRICS) {
    const threshold = thresholds[metric];
    if (!Number.isFinite(threshold) || threshold <= 0) continue;
    const value = metrics[metric];
    if (value >= threshold) reasons.push({ metric, value, threshold });
  }
  return { metrics, flagged: reasons.length > 0, reasons };
}
