import { eq } from 'drizzle-orm';
import type { BusinessCalendarView } from '../contract/route-response-types.ts';
import type { Db } from '../db/open-database.ts';
import { businessCalendars } from '../db/schema-promises.ts';

/** The workspace's business calendar and its teams' own. */
export async function listBusinessCalendars(db: Db, workspaceId: string): Promise<BusinessCalendarView[]> {
  const rows = await db.select().from(businessCalendars).where(eq(businessCalendars.workspaceId, workspaceId));
  return rows.map(({ id, teamId, timeZone, weeklyHours, holidays }) => ({
    id,
    teamId,
    timeZone,
    weeklyHours,
    holidays,
  }));
}
