import { and, desc, eq } from 'drizzle-orm';
import type { ApiTokenView } from '../contract/api-token-types.ts';
import type { Db } from '../db/open-database.ts';
import { notFound } from '../errors/kept-error.ts';
import { users } from '../db/schema.ts';
import { apiTokens } from '../db/schema-accounts.ts';

/** The workspace's tokens, newest first; never their secret (only its hash is stored). */
export async function listApiTokens(db: Db, workspaceId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      userId: apiTokens.userId,
      userName: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.workspaceId, workspaceId))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
  return rows.map((r) => ({
    ...r,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Revoking deletes the row: the token's hash is the only way in, so the next request with it is
 * refused at once (resolveApiToken reads the table on every request). Another workspace's token
 * is "not found", like one that never existed.
 */
export async function revokeApiToken(db: Db, workspaceId: string, tokenId: string): Promise<void> {
  const gone = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, workspaceId)))
    .returning({ id: apiTokens.id });
  if (gone.length === 0) throw notFound('API token');
}
