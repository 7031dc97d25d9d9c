import type { TeamListResponse, TeamView } from '@kept/contract/team-api-types.ts';
import type { UserView } from '@kept/contract/api-types.ts';
import { ApiFailure, request } from './api-client.ts';
import type { TFunction } from 'i18next';
import { errorText } from '../common/error-text.ts';

export type { TeamView };

export const teamApi = {
  list: () => request<TeamListResponse>('/teams').then((r) => r.teams),
  create: (name: string) => request<TeamView>('/teams', { method: 'POST', body: { name } }),
  rename: (id: string, name: string) =>
    request<TeamView>(`/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } }),
  remove: (id: string) => request<void>(`/teams/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  removeCalendar: (id: string) => request<void>(`/teams/${encodeURIComponent(id)}/calendar`, { method: 'DELETE' }),
  /** null takes the person out of their team. */
  setUserTeam: (userId: string, teamId: string | null) =>
    request<UserView>(`/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { teamId } }),
};

/** Team errors are translated in the teams bundle (teams.errors.*); everything else as usual. */
export function teamErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiFailure && error.code.startsWith('team.'))
    return t(`teams.errors.${error.code.slice('team.'.length)}`);
  return errorText(t, error);
}
