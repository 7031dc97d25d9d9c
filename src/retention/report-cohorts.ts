// Cohorts and early churn (K10), read from the rollups (refresh-rollups.ts): the acquisition-
// month × months-since-acquisition retention matrix, the share of new customers lost within
// 90 days and within the first year under either definition, yearly churn, and all of it by
// acquisition channel. Reading rollups keeps this under a millisecond-scale query at any size.
import type { CohortsResponse, EarlyChurnView } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { loadRollup, type CohortCells, type EarlyChurnRow } from './refresh-rollups.ts';
import { monthIndex } from './retention-dates.ts';

interface EarlyChurnRollup {
  asOf: string;
  gapMultiple: number;
  aliveThreshold: number;
  rows: EarlyChurnRow[];
}

/** retention[k] = share of the cohort that bought in month k after acquisition; null where month k is in the future. */
export function retentionMatrix(data: CohortCells, asOfMonth: string): CohortsResponse['cohorts'] {
  const byCohort = new Map<string, Map<number, number>>();
  for (const cell of data.cells) {
    if (!byCohort.has(cell.cohort)) byCohort.set(cell.cohort, new Map());
    byCohort.get(cell.cohort)!.set(cell.offset, cell.customers);
  }
  const last = monthIndex(asOfMonth);
  return data.cohorts.map(({ cohort, customers }) => {
    const cells = byCohort.get(cohort) ?? new Map<number, number>();
    const months = Math.max(0, last - monthIndex(cohort));
    const retention: Array<number | null> = [];
    for (let k = 0; k <= months; k++) retention.push(customers ? (cells.get(k) ?? 0) / customers : null);
    return { cohort, customers, retention };
  });
}

function view(row: EarlyChurnRow, definition: 'model' | 'gap'): EarlyChurnView {
  const l90 = definition === 'gap' ? row.lost90Gap : row.lost90Model;
  const l365 = definition === 'gap' ? row.lost365Gap : row.lost365Model;
  const usable = definition === 'gap' || row.scored > 0;
  return {
    key: row.key,
    customers: row.customers,
    eligible90: row.eligible90,
    eligible365: row.eligible365,
    lost90: usable && row.eligible90 > 0 ? l90 / row.eligible90 : null,
    lost365: usable && row.eligible365 > 0 ? l365 / row.eligible365 : null,
  };
}

export async function cohortsReport(
  db: Db,
  workspaceId: string,
  definition: 'model' | 'gap',
  now: Date,
): Promise<CohortsResponse> {
  const [cells, early, yearly] = await Promise.all([
    loadRollup<CohortCells>(db, workspaceId, 'cohorts'),
    loadRollup<EarlyChurnRollup>(db, workspaceId, 'early-churn'),
    loadRollup<{ years: Array<{ year: number; active: number; retained: number }> }>(db, workspaceId, 'yearly'),
  ]);
  const asOfMonth = now.toISOString().slice(0, 7);
  const cohorts = cells ? retentionMatrix(cells.data, asOfMonth) : [];
  const rows = early?.data.rows ?? [];
  const empty: EarlyChurnRow = {
    group: 'all',
    key: null,
    customers: 0,
    eligible90: 0,
    eligible365: 0,
    lost90Gap: 0,
    lost365Gap: 0,
    lost90Model: 0,
    lost365Model: 0,
    scored: 0,
  };
  const all = rows.find((r) => r.group === 'all') ?? empty;
  const thisYear = now.getUTCFullYear();
  return {
    computedAt: cells?.computedAt ?? null,
    definition,
    gapMultiple: early?.data.gapMultiple ?? 2,
    aliveThreshold: early?.data.aliveThreshold ?? 0.3,
    cohorts,
    maxOffset: cohorts.reduce((m, c) => Math.max(m, c.retention.length - 1), 0),
    earlyChurn: {
      all: view(all, definition),
      byChannel: rows.filter((r) => r.group === 'channel').map((r) => view(r, definition)),
      byCohort: rows.filter((r) => r.group === 'cohort').map((r) => view(r, definition)),
      modelAvailable: all.scored > 0,
    },
    // Churn of year Y: customers who bought in Y and not in Y+1; incomplete while Y+1 is not over.
    yearly: (yearly?.data.years ?? []).map((y) => ({
      ...y,
      churn: y.active ? 1 - y.retained / y.active : 0,
      complete: y.year + 1 < thisYear,
    })),
  };
}
