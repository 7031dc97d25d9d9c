// The public face of src/metrics/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { computeRespectForTime } from './respect-for-time.ts';
export { computeServiceMetrics } from './service-metrics.ts';
export { isEventOfType, sortEvents, totalWaitMinutes, waitingPeriods } from './waiting-periods.ts';
