import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';
import { isUniqueViolation } from '../db/pg-error.ts';
import { KeptError } from '../errors/kept-error.ts';

/** Names are compared trimmed, with inner runs of spaces collapsed, so "Tier  2 " is "Tier 2". */
export function tidyTeamName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Team names are unique per workspace regardless of case ("Billing" and "billing" would be
 * indistinguishable on the dashboard). Checked here for a clear error before writing; the
 * unique index teams_workspace_name_key decides between two simultaneous writers
 * (`nameTakenOnRace`).
 */
export async function assertTeamNameFree(
  db: Db,
  workspaceId: string,
  name: string,
  exceptTeamId?: string,
): Promise<void> {
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
  if (clash) throw nameTaken(name);
}

const nameTaken = (name: string) =>
  new KeptError('team.name_taken', `A team called "${name}" already exists`, { field: 'name' });

/** Runs a write that sets a team's name; losing a race for the name is the same 409 as the check. */
export async function nameTakenOnRace<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'teams_workspace_name_key')) throw nameTaken(name);
    throw error;
  }
}
