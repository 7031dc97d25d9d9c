// The full rebuild of everything derived from purchases, for one workspace: the per-customer
// summary (customer_value, with the purchase months and the acquisition) and the dashboard
// rollups from every purchase, then CLV and risk. Imports keep the summary current for the
// customers they touch, so this is the repair path (a changed definition, a restore, a
// suspicion), not the nightly one: `kept retention rebuild`.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { rebuildCaseTally } from './case-tally.ts';
import { customerIdRanges, type CustomerIdRange } from './customer-id-ranges.ts';
import { refreshCustomerValue } from './refresh-customer-value.ts';
import { refreshRollups } from './refresh-rollups.ts';
import { refreshScores, type ClvFitSummary } from './refresh-scores.ts';

export interface RebuildReport {
  /** rollups and scores run at the same time: each is its own elapsed time from the summary's end */
  seconds: { summary: number; rollups: number; scores: number };
  scores: ClvFitSummary;
}

/**
 * The summary from every purchase. With `parts` > 1 (PostgreSQL: one connection each) the
 * customers are split by id range and the parts rebuilt side by side, each in its own
 * transaction: the one-pass aggregate cannot run as a parallel query (a window and distinct
 * counts), and a server has more than one core. Every row is upserted only if it changed, so
 * a reader sees each customer's old or new summary, never a mix within one customer.
 */
export async function rebuildSummary(db: Db, workspaceId: string, parts = 1): Promise<void> {
  const rebuild = async (txRaw: unknown, scope: 'all' | CustomerIdRange, options: { analyze?: boolean } = {}) => {
    const tx = txRaw as Db;
    // The aggregate's estimated cost makes PostgreSQL compile it (13–15 functions, with
    // inlining and optimisation): side by side, 12.5–13.1 s a part with JIT, 10.0–11.2 s without.
    await tx.execute(sql`set local jit = off`);
    await refreshCustomerValue(tx, workspaceId, scope, options);
  };
  if (parts <= 1) {
    await db.transaction(async (tx) => rebuild(tx, 'all'));
    return;
  }
  await Promise.all(
    customerIdRanges(parts).map((range) => db.transaction(async (tx) => rebuild(tx, range, { analyze: false }))),
  );
  await db.execute(sql`analyze customer_value`);
}

export async function rebuildRetention(
  db: Db,
  workspaceId: string,
  now: Date,
  options: { parts?: number } = {},
): Promise<RebuildReport> {
  const t0 = performance.now();
  // The case tally is not derived from purchases, but it is derived: the repair path repairs it too.
  await rebuildCaseTally(db, workspaceId);
  await rebuildSummary(db, workspaceId, options.parts ?? 1);
  const t1 = performance.now();
  // The rollups are SQL and the scores mostly model fits in Node: side by side, the database
  // works while Node fits. Early churn needs the new scores, so the score refresh does it.
  let t2 = t1;
  const [, scores] = await Promise.all([
    refreshRollups(db, workspaceId, now, { earlyChurn: false }).then(() => {
      t2 = performance.now();
    }),
    refreshScores(db, workspaceId, now),
  ]);
  const t3 = performance.now();
  const sec = (ms: number) => Math.round(ms) / 1000;
  return { seconds: { summary: sec(t1 - t0), rollups: sec(t2 - t1), scores: sec(t3 - t1) }, scores };
}
