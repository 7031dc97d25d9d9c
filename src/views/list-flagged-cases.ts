import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases } from '../db/schema.ts';
import { presentCaseSummary, selectCaseSummaries } from './list-cases.ts';

/** Cases the service-hell detector flagged, not yet closed, with its reasons. */
export async function listFlaggedCases(db: Db, workspaceId: string) {
  const rows = await selectCaseSummaries(
    db,
    and(eq(cases.workspaceId, workspaceId), isNotNull(cases.hellFlaggedAt), ne(cases.status, 'closed')),
    500,
  );
  return rows.map((row) => ({
    ...presentCaseSummary(row),
    hellReasons: row.hellReasons ?? [],
    hellFlaggedAt: row.hellFlaggedAt?.toISOString() ?? null,
  }));
}
