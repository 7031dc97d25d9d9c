import type { UserView } from '../contract/api-types.ts';
import type { users } from '../db/schema.ts';

export function presentUser(row: typeof users.$inferSelect, openCases?: number): UserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    languages: row.languages,
    teamId: row.teamId,
    capacity: row.capacity,
    active: row.active,
    ...(openCases === undefined ? {} : { openCases }),
  };
}
