import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cannedReplies } from '../../db/schema-replies.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { SUPERVISING_ROLES, type Role } from '../../kernel/domain-words.ts';
import { unknownPlaceholders } from './canned-reply-text.ts';

export type CannedReplyRow = typeof cannedReplies.$inferSelect;

export interface CannedReplyAuthor {
  workspaceId: string;
  userId: string;
  role: Role;
}

export interface CannedReplyInput {
  title: string;
  body: string;
  language: string;
  shared: boolean;
}

/** Shared replies speak for the whole desk: supervisors and admins write them, anyone writes their own. */
export function canEditCannedReply(author: CannedReplyAuthor, row: Pick<CannedReplyRow, 'ownerUserId'>): boolean {
  if (row.ownerUserId === null) return (SUPERVISING_ROLES as readonly Role[]).includes(author.role);
  return row.ownerUserId === author.userId;
}

function checkInput(author: CannedReplyAuthor, input: CannedReplyInput): void {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length > 0)
    throw new KeptError('request.invalid', `Unknown placeholder: {{${unknown.join('}}, {{')}}}`, { field: 'body' });
  if (input.shared && !canEditCannedReply(author, { ownerUserId: null }))
    throw new KeptError('auth.forbidden', 'Only supervisors and admins write shared replies', { field: 'shared' });
}

export async function createCannedReply(
  db: Db,
  author: CannedReplyAuthor,
  input: CannedReplyInput,
  now: Date,
): Promise<CannedReplyRow> {
  checkInput(author, input);
  const [row] = await db
    .insert(cannedReplies)
    .values({
      workspaceId: author.workspaceId,
      ownerUserId: input.shared ? null : author.userId,
      language: input.language,
      title: input.title,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/** The reply if the caller can see it (shared, or their own); another workspace's or person's is "not found". */
async function visibleReply(db: Db, author: CannedReplyAuthor, id: string): Promise<CannedReplyRow> {
  const [row] = await db
    .select()
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.workspaceId, author.workspaceId),
        eq(cannedReplies.id, id),
        or(isNull(cannedReplies.ownerUserId), eq(cannedReplies.ownerUserId, author.userId)),
      ),
    );
  if (!row) throw notFound('The canned reply');
  if (!canEditCannedReply(author, row))
    throw new KeptError('auth.forbidden', 'Only supervisors and admins change shared replies');
  return row;
}

export async function updateCannedReply(
  db: Db,
  author: CannedReplyAuthor,
  id: string,
  input: CannedReplyInput,
  now: Date,
): Promise<CannedReplyRow> {
  checkInput(author, input);
  await visibleReply(db, author, id);
  const [row] = await db
    .update(cannedReplies)
    .set({
      title: input.title,
      body: input.body,
      language: input.language,
      ownerUserId: input.shared ? null : author.userId,
      updatedAt: now,
    })
    .where(and(eq(cannedReplies.workspaceId, author.workspaceId), eq(cannedReplies.id, id)))
    .returning();
  return row!;
}

export async function deleteCannedReply(db: Db, author: CannedReplyAuthor, id: string): Promise<void> {
  await visibleReply(db, author, id);
  await db
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.workspaceId, author.workspaceId), eq(cannedReplies.id, id)));
}
