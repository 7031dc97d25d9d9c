import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, users } from '../db/schema.ts';
import { chooseOwner } from './choose-owner.ts';

/** Loads the staff with their open-case load and picks the accountable owner for a new case. */
export async function pickIntakeOwner(db: Db, workspaceId: string, language: string | null) {
  const openCases = db
    .select({ ownerId: cases.ownerId, n: sql<number>`count(*)::int`.as('n') })
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), notInArray(cases.status, ['resolved', 'closed'])))
    .groupBy(cases.ownerId)
    .as('open_cases');
  const staff = await db
    .select({
      id: users.id,
      role: users.role,
      languages: users.languages,
      capacity: users.capacity,
      active: users.active,
      openCases: sql<number>`coalesce(${openCases.n}, 0)`,
    })
    .from(users)
    .leftJoin(openCases, eq(openCases.ownerId, users.id))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.active, true)));
  return chooseOwner(
    staff.map((s) => ({ ...s, openCases: Number(s.openCases) })),
    language,
  );
}
