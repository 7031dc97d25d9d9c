import type { RateRow } from '../../../contract/promise-api-types.ts';
import { classifyDelivery } from '../promise-rules.ts';

// K3/K4 figures from the promise rows themselves (facts, never counters): kept, broken and
// renegotiated rates over promises whose outcome is known, and early / on-time / late shares
// over kept ones (classifyDelivery).

export interface PromiseFact {
  id: string;
  kind: string;
  channel: string;
  ownerId: string;
  teamId: string | null;
  status: 'open' | 'kept' | 'broken' | 'renegotiated';
  createdAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
}

/** ISO week start (Monday, UTC) of an instant, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const share = (n: number, of: number) => (of > 0 ? n / of : null);

export function rateRow(key: string, label: string, facts: readonly PromiseFact[]): RateRow {
  let kept = 0,
    broken = 0,
    renegotiated = 0,
    open = 0,
    early = 0,
    onTime = 0,
    late = 0;
  for (const f of facts) {
    if (f.status === 'kept') {
      kept++;
      const c = classifyDelivery(f.dueAt, f.resolvedAt ?? f.dueAt, f.createdAt);
      if (c === 'early') early++;
      else if (c === 'late') late++;
      else onTime++;
    } else if (f.status === 'broken') broken++;
    else if (f.status === 'renegotiated') renegotiated++;
    else open++;
  }
  const decided = kept + broken + renegotiated;
  return {
    key,
    label,
    made: facts.length,
    kept,
    broken,
    renegotiated,
    open,
    keptRate: share(kept, decided),
    brokenRate: share(broken, decided),
    renegotiatedRate: share(renegotiated, decided),
    early,
    onTime,
    late,
    earlyShare: share(early, kept),
    onTimeShare: share(onTime, kept),
    lateShare: share(late, kept),
  };
}

export function groupRates(
  facts: readonly PromiseFact[],
  keyOf: (f: PromiseFact) => string,
  labelOf: (key: string) => string = (k) => k,
): RateRow[] {
  const groups = new Map<string, PromiseFact[]>();
  for (const f of facts) {
    const k = keyOf(f);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  return [...groups.entries()].map(([k, g]) => rateRow(k, labelOf(k), g)).sort((a, b) => a.key.localeCompare(b.key));
}
