import { asc, eq, sql } from 'drizzle-orm';
import type { TeamView } from '../contract/team-api-types.ts';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';

/** The workspace's teams by name, with how many people each has and whether it keeps its own hours. */
export async function listTeams(db: Db, workspaceId: string): Promise<TeamView[]> {
  const rows = await db
    .select({
      team: teams,
      // Written out with aliases: Drizzle leaves columns unqualified in a one-table select, so
      // users.teamId = teams.id interpolated would compare two columns of the inner table.
      memberCount: sql<number>`(select count(*)::int from users m where m.team_id = teams.id)`,
      hasCalendar: sql<boolean>`exists (select 1 from business_calendars bc where bc.team_id = teams.id)`,
    })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId))
    .orderBy(asc(sql`lower(${teams.name})`));
  return rows.map((r) => presentTeam(r.team, Number(r.memberCount), Boolean(r.hasCalendar)));
}

export function presentTeam(team: typeof teams.$inferSelect, memberCount: number, hasCalendar: boolean): TeamView {
  return { id: team.id, name: team.name, memberCount, hasCalendar, createdAt: team.createdAt.toISOString() };
}
