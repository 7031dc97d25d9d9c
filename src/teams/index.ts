// The public face of src/teams/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { createTeam } from './create-team.ts';
export { deleteTeam } from './delete-team.ts';
export { findTeamByName } from './find-team-by-name.ts';
export { listTeams } from './list-teams.ts';
export { removeTeamCalendar } from './remove-team-calendar.ts';
export { renameTeam } from './rename-team.ts';
export { requireTeam } from './require-team.ts';
export { setBusinessCalendar } from './set-business-calendar.ts';
