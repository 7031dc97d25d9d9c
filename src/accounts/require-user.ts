import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';

type User = typeof users.$inferSelect;

/**
 * The staff member, if they belong to the workspace: a person of another workspace is "not
 * found", exactly like an id that names nobody, so an answer never tells which ids exist.
 * `field` names the body field that carried the id (ownerId, toUserId, assigneeId).
 */
export async function requireUser(
  db: Db,
  workspaceId: string,
  id: string,
  field: string,
  who = 'The person',
): Promise<User> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  if (!user) throw notFound(who, { field });
  return user;
}
