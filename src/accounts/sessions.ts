import { and, eq, gt } from 'drizzle-orm';
import type { Role } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { apiTokens, sessions } from '../db/schema-accounts.ts';
import { hashToken, newSecretToken } from './secret-token.ts';

export const SESSION_DAYS = 14;

export interface StaffIdentity {
  userId: string;
  workspaceId: string;
  role: Role;
  name: string;
}

export async function startSession(db: Db, user: { id: string; workspaceId: string }, now: Date): Promise<string> {
  const token = newSecretToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: user.id,
    workspaceId: user.workspaceId,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return token;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** When the session of this cookie value ends; null when there is none. */
export async function sessionExpiresAt(db: Db, token: string): Promise<Date | null> {
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.id, hashToken(token)));
  return row?.expiresAt ?? null;
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<StaffIdentity | null> {
  const [row] = await db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      role: users.role,
      name: users.name,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now)));
  return row && row.active
    ? { userId: row.userId, workspaceId: row.workspaceId, role: row.role, name: row.name }
    : null;
}

const tokenLastWritten = new Map<string, number>();

export async function resolveApiToken(db: Db, token: string, now: Date): Promise<StaffIdentity | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: users.id,
      workspaceId: users.workspaceId,
      role: users.role,
      name: users.name,
      active: users.active,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || !row.active) return null;
  // "Last used" is for humans auditing tokens; a write per request would cost more than the request.
  const last = tokenLastWritten.get(row.id) ?? 0;
  if (now.getTime() - last > 60_000) {
    tokenLastWritten.set(row.id, now.getTime());
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { userId: row.userId, workspaceId: row.workspaceId, role: row.role, name: row.name };
}

export async function createApiToken(
  db: Db,
  input: { workspaceId: string; userId: string; name: string },
): Promise<string> {
  const token = newSecretToken('kept_');
  await db
    .insert(apiTokens)
    .values({ workspaceId: input.workspaceId, userId: input.userId, name: input.name, tokenHash: hashToken(token) });
  return token;
}
