import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';

/** The team, if it belongs to the workspace; another workspace's team is "not found", never revealed. */
export async function requireTeam(db: Db, workspaceId: string, teamId: string): Promise<typeof teams.$inferSelect> {
  const [team] = await db.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId))).limit(1);
  if (!team) throw notFound('The team');
  return team;
}
