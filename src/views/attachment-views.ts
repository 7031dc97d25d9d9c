import { asc, eq } from 'drizzle-orm';
import type { EmailAttachmentView } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { emailAttachments } from '../db/schema-email.ts';
import { safeFilename } from '../email/index.ts';

/** A case's e-mail attachments by message id, without their bytes. */
export async function attachmentsOfCase(db: Db, caseId: string): Promise<Map<string, EmailAttachmentView[]>> {
  const rows = await db
    .select({
      id: emailAttachments.id,
      messageId: emailAttachments.messageId,
      filename: emailAttachments.filename,
      originalFilename: emailAttachments.originalFilename,
      declaredType: emailAttachments.declaredType,
      detectedType: emailAttachments.detectedType,
      size: emailAttachments.size,
      inline: emailAttachments.inline,
      dangerous: emailAttachments.dangerous,
      dangerReasons: emailAttachments.dangerReasons,
    })
    .from(emailAttachments)
    .where(eq(emailAttachments.caseId, caseId))
    .orderBy(asc(emailAttachments.createdAt));
  const out = new Map<string, EmailAttachmentView[]>();
  for (const { messageId, ...a } of rows) {
    if (!messageId) continue;
    const list = out.get(messageId) ?? [];
    // Rows stored before migration 0013 hold the sender's name in both columns: made safe here.
    list.push({
      ...a,
      filename: safeFilename(a.filename),
      dangerReasons: a.dangerReasons.filter((r) => r !== 'too_large'),
      downloadable: !a.dangerReasons.includes('too_large'),
    });
    out.set(messageId, list);
  }
  return out;
}
