import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { teams, users } from '../db/schema.ts';

/** Names of the people and teams a report groups by. */
export async function loadGroupNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const [people, teamRows] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.workspaceId, workspaceId)),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.workspaceId, workspaceId)),
  ]);
  return new Map([...people, ...teamRows].map((r) => [r.id, r.name]));
}

export const SURVEY_GROUPINGS = ['team', 'owner', 'channel', 'language', 'caseKind', 'month'] as const;
export type SurveyGrouping = (typeof SURVEY_GROUPINGS)[number];

export function groupLabel(key: string, by: SurveyGrouping, names: Map<string, string>): string {
  return by === 'team' || by === 'owner' ? (names.get(key) ?? key) : key;
}
