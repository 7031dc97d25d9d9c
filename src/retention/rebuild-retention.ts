// The full rebuild of everything derived from purchases, for one workspace: the per-customer
// summary (customer_value, with the purchase months and the acquisition) and the dashboard rollups
// from every purchase, then CLV and risk. Imports keep the summary current for the customers
// they touch, so this is the repair path (a changed definition, a restore, a suspicion), not
// the nightly one: `kept retention rebuild`.
import type { Db } from '../db/open-database.ts';
import { refreshCustomerValue } from './refresh-customer-value.ts';
import { refreshRollups } from './refresh-rollups.ts';
import { refreshScores, type ClvFitSummary } from './refresh-scores.ts';

export interface RebuildReport {
  seconds: { summary: number; rollups: number; scores: number };
  scores: ClvFitSummary;
}

export async function rebuildRetention(db: Db, workspaceId: string, now: Date): Promise<RebuildReport> {
  const t0 = performance.now();
  let t1 = t0;
  // One transaction: readers see the old summary until the new one is complete.
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await refreshCustomerValue(tx, workspaceId, 'all');
    t1 = performance.now();
    await refreshRollups(tx, workspaceId, now);
  });
  const t2 = performance.now();
  const scores = await refreshScores(db, workspaceId, now);
  const t3 = performance.now();
  const sec = (ms: number) => Math.round(ms) / 1000;
  return { seconds: { summary: sec(t1 - t0), rollups: sec(t2 - t1), scores: sec(t3 - t2) }, scores };
}
