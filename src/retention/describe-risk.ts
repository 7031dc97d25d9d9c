// Risk reasons in words (English, for the CLI and the API's `explanation`; the web app
// words the same codes in the reader's language). Strongest reason first.
import type { RiskReason } from '../contract/retention-types.ts';

export function sortReasons(reasons: readonly RiskReason[]): RiskReason[] {
  return [...reasons].sort((a, b) => b.points - a.points);
}

export function describeRiskReason(reason: RiskReason): string {
  switch (reason.code) {
    case 'overdue':
      return `No purchase for ${reason.days} days, ${(reason.days / Math.max(reason.gapDays, 1)).toFixed(1)}× their usual ${reason.gapDays}-day gap`;
    case 'low_p_alive':
      return `Only a ${Math.round(reason.pAlive * 100)}% chance they are still a customer (purchase model)`;
    case 'open_complaint':
      return reason.count > 1
        ? `${reason.count} open complaints (first: ${reason.reference})`
        : `Open complaint ${reason.reference}`;
    case 'broken_promises':
      return `${reason.count} broken promise${reason.count === 1 ? '' : 's'} in the last year`;
    case 'service_hell':
      return `Service-hell flag on ${reason.reference} in the last year`;
  }
}

export function describeRisk(reasons: readonly RiskReason[]): string[] {
  return sortReasons(reasons).map(describeRiskReason);
}
