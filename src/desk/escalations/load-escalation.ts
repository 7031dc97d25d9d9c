import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { escalations } from '../../db/schema.ts';
import { notFound } from '../../errors/kept-error.ts';

/** The workspace's escalation (another workspace's is "not found"), locked when it will change. */
export async function loadEscalation(db: Db, workspaceId: string, escalationId: string, lock = false) {
  const query = db
    .select()
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.id, escalationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('The escalation');
  return row;
}
