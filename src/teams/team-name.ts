import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';
import { KeptError } from '../errors/kept-error.ts';

/** Names are compared trimmed, with inner runs of spaces collapsed, so "Tier  2 " is "Tier 2". */
export function tidyTeamName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Team names are unique per workspace regardless of case ("Billing" and "billing" would be
 * indistinguishable on the dashboard). Checked in code: there is no unique index on
 * (workspace_id, lower(name)) yet, so two simultaneous creations could still both pass.
 */
export async function assertTeamNameFree(db: Db, workspaceId: string, name: string, exceptTeamId?: string): Promise<void> {
  const [clash] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(
      and(
        eq(teams.workspaceId, workspaceId),
        sql`lower(${teams.name}) = lower(${name})`,
        exceptTeamId ? ne(teams.id, exceptTeamId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new KeptError('team.name_taken', `A team called "${name}" already exists`, { field: 'name' });
}
