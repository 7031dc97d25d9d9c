/** Teams as the API shows them (`/api/v1/teams`). */
export interface TeamView {
  id: string;
  name: string;
  /** People whose `teamId` is this team (active or not: both keep a team from being deleted). */
  memberCount: number;
  /** Whether the team has business hours of its own (else the workspace calendar applies). */
  hasCalendar: boolean;
  createdAt: string;
}

export interface TeamListResponse {
  teams: TeamView[];
}
