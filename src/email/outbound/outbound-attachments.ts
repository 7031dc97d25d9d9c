import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Db } from '../../db/open-database.ts';
import { emailAttachments } from '../../db/schema-email.ts';

/** The files an agent attached to the answer this mail carries (issue 16), as nodemailer takes them. */
export async function attachmentsOfMessage(db: Db, messageId: string | null): Promise<Mail.Attachment[]> {
  if (!messageId) return [];
  const rows = await db
    .select({
      filename: emailAttachments.filename,
      contentType: emailAttachments.detectedType,
      declaredType: emailAttachments.declaredType,
      content: emailAttachments.content,
    })
    .from(emailAttachments)
    .where(and(eq(emailAttachments.messageId, messageId), isNotNull(emailAttachments.content)))
    .orderBy(asc(emailAttachments.createdAt));
  return rows.map((r) => ({
    filename: r.filename,
    content: Buffer.from(r.content!),
    contentType: r.contentType ?? r.declaredType,
  }));
}
