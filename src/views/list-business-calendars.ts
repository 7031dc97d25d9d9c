import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { businessCalendars } from '../db/schema-promises.ts';

/** The workspace's business calendar and its teams' own. */
export async function listBusinessCalendars(db: Db, workspaceId: string) {
  return db.select().from(businessCalendars).where(eq(businessCalendars.workspaceId, workspaceId));
}
