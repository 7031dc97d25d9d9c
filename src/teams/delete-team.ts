import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { teams, users } from '../db/schema.ts';
import { businessCalendars } from '../db/schema-promises.ts';
import { KeptError } from '../errors/kept-error.ts';
import { requireTeam } from './require-team.ts';

/**
 * Deleting is refused while the team still has people or its own business hours: silently
 * unassigning people would change who their cases count for and how their promises are quoted,
 * and that should be a decision the admin makes person by person, not a side effect.
 */
export async function deleteTeam(db: Db, workspaceId: string, teamId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, workspaceId, teamId);
    // Lock the team row so nobody joins it between the count and the delete.
    await tx.execute(sql`select id from teams where id = ${teamId} for update`);
    const [members] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.teamId, teamId));
    const [calendars] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(businessCalendars)
      .where(eq(businessCalendars.teamId, teamId));
    const memberCount = Number(members?.n ?? 0);
    const calendarCount = Number(calendars?.n ?? 0);
    if (memberCount > 0 || calendarCount > 0) {
      const reasons = [
        memberCount > 0 ? `${memberCount} ${memberCount === 1 ? 'person is' : 'people are'} still in it` : null,
        calendarCount > 0 ? 'it has its own business hours' : null,
      ].filter(Boolean);
      throw new KeptError(
        'team.not_empty',
        `The team "${team.name}" cannot be deleted: ${reasons.join(' and ')}. Move the people to another team (or none) and remove its hours first.`,
      );
    }
    await tx.delete(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  });
}
