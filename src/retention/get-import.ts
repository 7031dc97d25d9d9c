import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { imports } from '../db/schema-retention.ts';
import { notFound } from '../errors/kept-error.ts';
import type { ImportReportView, ImportView } from '../contract/retention-types.ts';

/** One import of the workspace with its progress; another workspace's id is "not found". */
export async function getImport(db: Db, workspaceId: string, importId: string): Promise<ImportView> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
  if (!row) throw notFound('The import');
  return {
    id: row.id,
    format: row.format,
    source: row.source,
    status: row.status,
    phase: row.phase ?? null,
    rowsRead: row.rowsRead,
    bytesRead: row.bytesRead,
    bytesTotal: row.bytesTotal ?? null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    report: reportView(row),
  };
}

/**
 * The column holds the ImportReportView the import wrote (jsonb is untyped to the store); an import
 * that never ran (cancelled while queued, failed by a stopped process) has only a message there.
 */
export function reportView(row: typeof imports.$inferSelect): ImportReportView | null {
  if (!row.report) return null;
  return {
    importId: row.id,
    status: row.status === 'done' || row.status === 'cancelled' ? row.status : 'failed',
    format: row.format,
    source: row.source,
    rowsRead: row.rowsRead,
    purchasesInFile: 0,
    imported: 0,
    duplicates: 0,
    skipped: 0,
    problems: [],
    customersCreated: 0,
    customersMatched: 0,
    seconds: 0,
    message: '',
    ...(row.report as Partial<ImportReportView>),
  };
}
