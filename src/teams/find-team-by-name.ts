import type { Db } from '../db/open-database.ts';
import { KeptError } from '../errors/kept-error.ts';
import { listTeams } from './list-teams.ts';
import { tidyTeamName } from './team-name.ts';

/** A team named as people type it (any case, extra spaces): for the CLI and scripts. */
export async function findTeamByName(db: Db, workspaceId: string, name: string): Promise<string> {
  const all = await listTeams(db, workspaceId);
  const wanted = tidyTeamName(name).toLowerCase();
  const team = all.find((t) => t.name.toLowerCase() === wanted);
  if (team) return team.id;
  const known = all.length
    ? `; teams: ${all.map((t) => t.name).join(', ')}`
    : '; there are no teams yet (`kept team add <name>`)';
  throw new KeptError('not_found', `No team "${tidyTeamName(name)}"${known}`, { field: 'team' });
}
