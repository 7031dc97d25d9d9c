import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { chooseOwner } from './choose-owner.ts';

/**
 * Loads the active staff with their open-case load and picks the accountable owner for a new
 * case. The load is counted per staff member, in `cases_workspace_owner_status_idx`
 * (workspace, owner, status): an index-only scan over that person's own cases, instead of an
 * aggregate over every open case of the workspace that grows with the whole backlog.
 */
export async function pickIntakeOwner(db: Db, workspaceId: string, language: string | null) {
  const staff = await db
    .select({
      id: users.id,
      role: users.role,
      languages: users.languages,
      capacity: users.capacity,
      active: users.active,
      // "users"."id" spelled out: drizzle writes a bare "id" here, which inside the subquery
      // would name the case's own id.
      openCases: sql<number>`(select count(*)::int from cases c
        where c.workspace_id = ${workspaceId} and c.owner_id = "users"."id" and c.status not in ('resolved', 'closed'))`,
    })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.active, true)));
  return chooseOwner(
    staff.map((s) => ({ ...s, openCases: Number(s.openCases) })),
    language,
  );
}
