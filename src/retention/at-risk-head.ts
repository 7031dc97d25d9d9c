// The at-risk list's first pages and counts without a scan of a million scores (issue 17: the
// first load took 15 s; a warm scan and top-N sort 0.3–0.8 s). Each scoring saves, beside the
// scores, how many customers have each risk score (all, and at risk through service alone) and
// the first rows of the list's order — value at risk, then risk, then customer id — with their
// risk. A page of that order at any threshold is a prefix of the head filtered by risk, as long
// as the head holds enough rows above the threshold; otherwise the list scans as before.
// customer_scores has no value_at_risk index on purpose (schema-retention.ts: 4 s per refresh).
import { sql } from 'drizzle-orm';
import type { AtRiskScope } from '../contract/retention-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { loadRollup, saveRollup } from './refresh-rollups.ts';

/** Rows of the list's order kept: twenty pages of fifty. */
export const AT_RISK_HEAD_ROWS = 1_000;
const NAME = 'at-risk-head';

export interface AtRiskHead {
  /** computed_at of the scores it was taken from: a page is served only from those same rows */
  scoredAt: string;
  /** customers per risk score 0…100 */
  byRisk: number[];
  /** of them, at risk through service alone */
  serviceOnlyByRisk: number[];
  /** the first customers of the list's order, and each one's risk */
  ids: string[];
  risks: number[];
}

export async function saveAtRiskHead(db: Db, workspaceId: string, scoredAt: Date): Promise<void> {
  const [counts, head] = await Promise.all([
    queryRows<{ risk: number; n: number; service_only: number }>(
      db,
      sql`select risk, count(*)::int as n, count(*) filter (where not has_purchases)::int as service_only
          from customer_scores where workspace_id = ${workspaceId} group by risk`,
    ),
    queryRows<{ customer_id: string; risk: number }>(
      db,
      sql`select customer_id, risk from customer_scores where workspace_id = ${workspaceId}
          order by value_at_risk desc, risk desc, customer_id limit ${AT_RISK_HEAD_ROWS}`,
    ),
  ]);
  const byRisk = new Array<number>(101).fill(0);
  const serviceOnlyByRisk = new Array<number>(101).fill(0);
  for (const c of counts) {
    const r = Math.max(0, Math.min(100, c.risk));
    byRisk[r] = (byRisk[r] ?? 0) + c.n;
    serviceOnlyByRisk[r] = (serviceOnlyByRisk[r] ?? 0) + c.service_only;
  }
  const data: AtRiskHead = {
    scoredAt: scoredAt.toISOString(),
    byRisk,
    serviceOnlyByRisk,
    ids: head.map((h) => h.customer_id),
    risks: head.map((h) => h.risk),
  };
  await saveRollup(db, workspaceId, NAME, data, scoredAt);
}

export async function loadAtRiskHead(db: Db, workspaceId: string): Promise<AtRiskHead | null> {
  return (await loadRollup<AtRiskHead>(db, workspaceId, NAME))?.data ?? null;
}

const sumFrom = (counts: number[], minRisk: number) => counts.slice(minRisk).reduce((a, b) => a + b, 0);

/**
 * The page's customer ids in order from the head, with the counts; null when the head cannot
 * answer (the service-only scope, or too few rows above the threshold in it).
 */
export function pageFromHead(
  head: AtRiskHead,
  options: { limit: number; offset: number; minRisk: number; scope?: AtRiskScope },
): { ids: string[]; total: number; serviceOnly: number } | null {
  if (options.scope === 'service-only') return null;
  const total = sumFrom(head.byRisk, options.minRisk);
  const serviceOnly = sumFrom(head.serviceOnlyByRisk, options.minRisk);
  const above: string[] = [];
  for (let i = 0; i < head.ids.length; i++) if ((head.risks[i] ?? 0) >= options.minRisk) above.push(head.ids[i]!);
  // A complete head (every scored customer in it) answers any page; a partial one only pages it holds whole.
  const complete = head.ids.length >= sumFrom(head.byRisk, 0);
  if (!complete && above.length < options.offset + options.limit) return null;
  return { ids: above.slice(options.offset, options.offset + options.limit), total, serviceOnly };
}
