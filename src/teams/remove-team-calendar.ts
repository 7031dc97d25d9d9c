import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { businessCalendars } from '../db/schema-promises.ts';
import { announceChange } from '../kernel/change-notice.ts';
import { requireTeam } from './require-team.ts';

/** The team goes back to the workspace's business hours (quotes are recomputed from the next one on). */
export async function removeTeamCalendar(db: Db, workspaceId: string, teamId: string): Promise<void> {
  await requireTeam(db, workspaceId, teamId);
  await db
    .delete(businessCalendars)
    .where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.teamId, teamId)));
  announceChange({ kind: 'calendar', workspaceId });
}
