import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';

type Team = typeof teams.$inferSelect;

/**
 * The team, if it belongs to the workspace; another workspace's team is "not found", never revealed.
 * `field` names the body field that carried the id (none for the path's).
 */
export async function requireTeam(db: Db, workspaceId: string, teamId: string, field?: string): Promise<Team> {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  if (!team) throw notFound('The team', field ? { field } : {});
  return team;
}
