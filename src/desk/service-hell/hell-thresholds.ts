import type { HellAssessment, HellMetrics, HellThresholds } from '../../contract/api-types.ts';

// Defaults for the service-hell flag (K6). Each one is the point where, reading the source
// essays, a customer is already in trouble — the flag should fire early, while the case can
// still be saved, not after the twentieth person.
export const DEFAULT_HELL_THRESHOLDS: HellThresholds = {
  /** Six contacts means the customer has had to chase us at least five times. */
  contacts: 6,
  /** A third channel (e-mail, then phone, then fax...) means the first two did not work. */
  channels: 3,
  /** Four people is three retellings of the story; the essay's customer met twenty. */
  people: 4,
  /** Three transfers is "endless transfers" (seed 002). */
  handoffs: 3,
  /** A second reopening means it was "resolved" twice without being fixed. */
  reopenings: 2,
  /** Three days waiting for answers in total, across every waiting period. */
  totalWaitMinutes: 3 * 24 * 60,
  /** One broken promise is already the story the customer will tell everyone (seed 000). */
  brokenPromises: 1,
  /** Three messages in a row with no answer: the customer is shouting into the void. */
  unansweredMessages: 3,
};

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
