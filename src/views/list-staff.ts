import { eq, sql } from 'drizzle-orm';
import type { UserView } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { presentUser } from './user-presenter.ts';

/** The workspace's staff by name, each with their open-case load. */
export async function listStaff(db: Db, workspaceId: string): Promise<UserView[]> {
  const rows = await db
    .select({
      user: users,
      // Aliased on purpose: Drizzle leaves columns unqualified in a one-table select, and
      // `owner_id = id` would compare the case with itself (every load read 0).
      openCases: sql<number>`(select count(*)::int from cases oc
        where oc.owner_id = users.id and oc.status not in ('resolved', 'closed'))`,
    })
    .from(users)
    .where(eq(users.workspaceId, workspaceId))
    .orderBy(users.name);
  return rows.map((r) => presentUser(r.user, Number(r.openCases)));
}
