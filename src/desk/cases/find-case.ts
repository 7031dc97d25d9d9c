import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';

/** The case of this workspace, unlocked (for reads that decide nothing); another workspace's is not found. */
export async function findCase(db: Db, workspaceId: string, caseId: string) {
  const [caseRow] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)));
  if (!caseRow) throw notFound('The case');
  return caseRow;
}
