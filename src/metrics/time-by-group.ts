// Respect for time (K7) per team and per channel: first response, each waiting period, the
// customer's total wait on a case and the handoffs, as distributions for each group, so a lead
// sees which queue keeps customers waiting, not only the workspace's average.
import type { TimeFigures } from '../contract/api-types.ts';
import { percentile } from './distribution.ts';

export interface CaseTimeFacts {
  caseId: string;
  channel: string;
  /** the owner's team name; '' when the owner is in no team */
  team: string;
  /** minutes from the first customer message to the first answer; null while unanswered */
  firstResponseMinutes: number | null;
  handoffs: number;
}

export interface CaseWait {
  caseId: string;
  minutes: number;
}

function figures(
  key: string,
  cases: readonly CaseTimeFacts[],
  waitsByCase: ReadonlyMap<string, readonly number[]>,
): TimeFigures {
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const first = sorted(cases.flatMap((c) => (c.firstResponseMinutes === null ? [] : [c.firstResponseMinutes])));
  const waits = sorted(cases.flatMap((c) => [...(waitsByCase.get(c.caseId) ?? [])]));
  const totals = sorted(cases.map((c) => (waitsByCase.get(c.caseId) ?? []).reduce((s, m) => s + m, 0)));
  const handoffs = sorted(cases.map((c) => c.handoffs));
  return {
    key,
    cases: cases.length,
    firstResponse: { count: first.length, p50: percentile(first, 50), p90: percentile(first, 90) },
    wait: { count: waits.length, p50: percentile(waits, 50), p90: percentile(waits, 90) },
    totalWait: { p50: percentile(totals, 50), p90: percentile(totals, 90) },
    handoffs: {
      mean: handoffs.length ? handoffs.reduce((s, h) => s + h, 0) / handoffs.length : 0,
      p90: percentile(handoffs, 90),
    },
  };
}

/** Groups sorted by name, with the no-team group ('') last. */
export function timeByGroup(
  cases: readonly CaseTimeFacts[],
  waits: readonly CaseWait[],
  groupOf: (c: CaseTimeFacts) => string,
): TimeFigures[] {
  const waitsByCase = new Map<string, number[]>();
  for (const w of waits) waitsByCase.set(w.caseId, [...(waitsByCase.get(w.caseId) ?? []), w.minutes]);
  const groups = new Map<string, CaseTimeFacts[]>();
  for (const c of cases) {
    const k = groupOf(c);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([key, members]) => figures(key, members, waitsByCase));
}
