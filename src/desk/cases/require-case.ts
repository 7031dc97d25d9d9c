import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';

type CaseRow = typeof cases.$inferSelect;

/**
 * The case, if it belongs to the workspace; another workspace's case is "not found", never
 * revealed. `field` names the body or query field that carried the id (none for the path's).
 */
export async function requireCase(db: Db, workspaceId: string, caseId: string, field?: string): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)));
  if (!row) throw notFound('The case', field ? { field } : {});
  return row;
}
