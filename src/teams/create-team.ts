import type { TeamView } from '../contract/team-api-types.ts';
import type { Db } from '../db/open-database.ts';
import { teams } from '../db/schema.ts';
import { presentTeam } from './list-teams.ts';
import { assertTeamNameFree, nameTakenOnRace, tidyTeamName } from './team-name.ts';

export async function createTeam(db: Db, workspaceId: string, name: string): Promise<TeamView> {
  const tidy = tidyTeamName(name);
  return nameTakenOnRace(tidy, () =>
    db.transaction(async (tx) => {
      await assertTeamNameFree(tx, workspaceId, tidy);
      const [team] = await tx.insert(teams).values({ workspaceId, name: tidy }).returning();
      return presentTeam(team!, 0, false);
    }),
  );
}
