import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { imports } from '../db/schema-retention.ts';
import type { ImportListResponse } from '../contract/retention-types.ts';
import { reportView } from './get-import.ts';

/** The workspace's 50 latest imports with their reports. */
export async function listImports(db: Db, workspaceId: string): Promise<ImportListResponse['imports']> {
  const rows = await db
    .select()
    .from(imports)
    .where(eq(imports.workspaceId, workspaceId))
    .orderBy(desc(imports.startedAt))
    .limit(50);
  return rows.map((i) => ({
    id: i.id,
    format: i.format,
    source: i.source,
    status: i.status,
    startedAt: i.startedAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
    report: reportView(i),
  }));
}
