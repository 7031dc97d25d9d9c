import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';

/**
 * The case, locked for the rest of the transaction: changes to one case (an answer, a
 * handoff, a status change) happen one after the other, never interleaved.
 */
export async function lockCase(tx: Db, workspaceId: string, caseId: string) {
  const [caseRow] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)))
    .for('update');
  if (!caseRow) throw notFound('The case');
  return caseRow;
}
