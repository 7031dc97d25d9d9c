import type { CohortsResponse } from '@kept/contract/retention-types.ts';

/**
 * The retention curves of the newest cohorts: straight segments between the months that were
 * measured. A smoothed line invents values between months and dips below 0% or above 100% near
 * steep drops; a month not yet reached is a gap (null), never a point.
 */
export function retentionCurveSeries(cohorts: CohortsResponse['cohorts'], maxOffset: number, newest = 6) {
  return cohorts.slice(-newest).map((c) => ({
    type: 'line' as const,
    name: c.cohort,
    smooth: false,
    connectNulls: false,
    data: c.retention.slice(0, maxOffset + 1).map((v) => (v === null ? null : Math.min(1, Math.max(0, v)))),
  }));
}
