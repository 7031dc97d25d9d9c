import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { emailAttachments } from '../db/schema-email.ts';
import { notFound } from '../errors/kept-error.ts';

/** An inbound e-mail's attachment with its bytes; another workspace's is not found. */
export async function readAttachment(
  db: Db,
  workspaceId: string,
  attachmentId: string,
): Promise<{ filename: string; content: Buffer }> {
  const [row] = await db
    .select()
    .from(emailAttachments)
    .where(and(eq(emailAttachments.workspaceId, workspaceId), eq(emailAttachments.id, attachmentId)));
  if (!row || !row.content) throw notFound('The attachment');
  return { filename: row.filename, content: row.content };
}
