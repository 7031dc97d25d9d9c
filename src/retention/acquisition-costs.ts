// Cost of winning a customer per acquisition channel, entered by an admin: "CLV against
// acquisition cost" (K13) divides the channel's mean CLV by it.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { acquisitionCosts } from '../db/schema-retention.ts';

export async function listAcquisitionCosts(
  db: Db,
  workspaceId: string,
): Promise<Array<{ channel: string; costPerCustomer: number }>> {
  const rows = await db
    .select()
    .from(acquisitionCosts)
    .where(eq(acquisitionCosts.workspaceId, workspaceId))
    .orderBy(asc(acquisitionCosts.channel));
  return rows.map((r) => ({ channel: r.channel, costPerCustomer: Number(r.costPerCustomer) }));
}

/** Replaces the workspace's cost table with the given rows (a channel absent is removed). */
export async function replaceAcquisitionCosts(
  db: Db,
  workspaceId: string,
  costs: ReadonlyArray<{ channel: string; costPerCustomer: number }>,
  now: Date,
): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.delete(acquisitionCosts).where(and(eq(acquisitionCosts.workspaceId, workspaceId), sql`true`));
    if (costs.length === 0) return;
    await tx.insert(acquisitionCosts).values(
      costs.map((c) => ({
        workspaceId,
        channel: c.channel,
        costPerCustomer: c.costPerCustomer.toFixed(2),
        updatedAt: now,
      })),
    );
  });
}
