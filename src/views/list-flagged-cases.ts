import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases } from '../db/schema.ts';
import { readCasesEvents } from '../events/append-events.ts';
import type { KeptEvent } from '../events/event-types.ts';
import { assessHell, computeHellMetrics } from '../desk/index.ts';
import { loadWorkspace } from '../workspaces/index.ts';
import { presentCaseSummary, selectCaseSummaries } from './list-cases.ts';
import type { FlaggedCaseView } from '../contract/api-types.ts';

/**
 * Cases the service-hell detector flagged, not yet closed, with the measures over their limits as
 * they are now — the figures the case page shows. The reasons stored when the flag was raised go
 * stale while a customer keeps waiting (the queue said 5,267 minutes, the case 5,419); they are
 * shown only when no measure is over its limit any more (the flag itself stays).
 */
export async function listFlaggedCases(db: Db, workspaceId: string, now: Date): Promise<FlaggedCaseView[]> {
  const rows = await selectCaseSummaries(
    db,
    and(eq(cases.workspaceId, workspaceId), isNotNull(cases.hellFlaggedAt), ne(cases.status, 'closed')),
    500,
  );
  const workspace = await loadWorkspace(db, workspaceId);
  const byCase = new Map<string, KeptEvent[]>();
  for (const event of await readCasesEvents(
    db,
    rows.map((r) => r.id),
  )) {
    if (!event.caseId) continue;
    const list = byCase.get(event.caseId) ?? [];
    list.push(event);
    byCase.set(event.caseId, list);
  }
  return rows.map((row) => {
    const live = assessHell(computeHellMetrics(byCase.get(row.id) ?? [], now), workspace.settings.hellThresholds);
    return {
      ...presentCaseSummary(row),
      // The stored reasons are assessHell's, written when the flag was raised (jsonb is untyped to the store).
      hellReasons: live.reasons.length > 0 ? live.reasons : ((row.hellReasons ?? []) as FlaggedCaseView['hellReasons']),
      hellFlaggedAt: row.hellFlaggedAt?.toISOString() ?? null,
    };
  });
}
