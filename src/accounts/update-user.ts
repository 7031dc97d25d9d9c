import { and, eq } from 'drizzle-orm';
import type { Role } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';
import { announceChange } from '../kernel/change-notice.ts';
import { requireTeam } from '../teams/index.ts';
import { assertPasswordStrength, hashPassword } from './password.ts';

export interface UserChanges {
  name?: string;
  role?: Role;
  languages?: string[];
  capacity?: number;
  active?: boolean;
  password?: string;
  /** null takes the person out of their team. */
  teamId?: string | null;
}

export async function updateUser(db: Db, workspaceId: string, userId: string, changes: UserChanges) {
  const set: Partial<typeof users.$inferInsert> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.role !== undefined) set.role = changes.role;
  if (changes.languages !== undefined) set.languages = [...new Set(changes.languages)];
  if (changes.capacity !== undefined) set.capacity = changes.capacity;
  if (changes.active !== undefined) set.active = changes.active;
  if (changes.teamId !== undefined) {
    if (changes.teamId !== null) await requireTeam(db, workspaceId, changes.teamId, 'teamId');
    set.teamId = changes.teamId;
  }
  if (changes.password !== undefined) {
    assertPasswordStrength(changes.password);
    // A hash costs ~100 ms of CPU on purpose: spent only on a user that exists in this workspace.
    const [exists] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
    if (!exists) throw notFound('The user');
    set.passwordHash = await hashPassword(changes.password);
  }
  const [row] = Object.keys(set).length
    ? await db
        .update(users)
        .set(set)
        .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)))
        .returning()
    : await db
        .select()
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!row) throw notFound('The user');
  // Role, languages, capacity or active may have changed who takes cases; a new team, whose hours quote.
  announceChange({ kind: 'staff', workspaceId, userId, teamChanged: changes.teamId !== undefined });
  return row;
}
