import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { emailSinkMessages } from '../../db/schema-email.ts';
import type { SinkMessageView } from '../../contract/email-outbound-types.ts';

/** The most recent mail that went to the development sink, newest first. */
export async function listSinkMessages(db: Db, workspaceId: string, limit = 50): Promise<SinkMessageView[]> {
  const rows = await db
    .select()
    .from(emailSinkMessages)
    .where(and(eq(emailSinkMessages.workspaceId, workspaceId)))
    .orderBy(desc(emailSinkMessages.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    outboxId: r.outboxId,
    messageId: r.messageIdHeader,
    from: r.fromAddress,
    to: r.toAddress,
    subject: r.subject,
    headers: r.headers,
    text: r.textBody,
    html: r.htmlBody,
    createdAt: r.createdAt.toISOString(),
  }));
}
