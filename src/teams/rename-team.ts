import { and, eq } from 'drizzle-orm';
import type { TeamView } from '../contract/team-api-types.ts';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';
import { listTeams } from './list-teams.ts';
import { requireTeam } from './require-team.ts';
import { assertTeamNameFree, nameTakenOnRace, tidyTeamName } from './team-name.ts';

/**
 * Renaming keeps the id, so members, the team's calendar and past figures stay with it; reports
 * group by the current name, so history shows under the new one.
 */
export async function renameTeam(db: Db, workspaceId: string, teamId: string, name: string): Promise<TeamView> {
  const tidy = tidyTeamName(name);
  await nameTakenOnRace(tidy, () =>
    db.transaction(async (tx) => {
      await requireTeam(tx, workspaceId, teamId);
      await assertTeamNameFree(tx, workspaceId, tidy, teamId);
      await tx
        .update(teams)
        .set({ name: tidy })
        .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
    }),
  );
  return (await listTeams(db, workspaceId)).find((t) => t.id === teamId)!;
}
