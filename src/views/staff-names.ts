import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import type { NameOf } from './case-presenters.ts';

/** Names of a workspace's staff, for presenting ids on timelines and lists. */
export async function loadStaffNames(db: Db, workspaceId: string): Promise<NameOf> {
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.workspaceId, workspaceId));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => (id ? (names.get(id) ?? '') : '');
}
