import { and, eq } from 'drizzle-orm';
import type { MeResponse } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';
import { loadWorkspace } from '../workspaces/index.ts';
import { presentUser } from './user-presenter.ts';

export function presentWorkspace(w: { id: string; name: string; slug: string; defaultLanguage: string }) {
  return { id: w.id, name: w.name, slug: w.slug, defaultLanguage: w.defaultLanguage };
}

/** The logged-in staff member and their workspace. */
export async function getMe(db: Db, workspaceId: string, userId: string): Promise<MeResponse> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!user) throw notFound('The user');
  return { user: presentUser(user), workspace: presentWorkspace(await loadWorkspace(db, workspaceId)) };
}
