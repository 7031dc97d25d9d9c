// The attachments of an inbound e-mail that became a customer message, in one insert: each with
// the type detected from its bytes (never the declared one alone), the dangers found in its
// name, declared type and bytes, the safe name it is stored and served under and the sender's
// name, kept for display.
import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../db/open-database.ts';
import { emailAttachments } from '../../db/schema-email.ts';
import { attachmentDangers } from './attachment-safety.ts';
import type { ParsedEmail } from './parse-email.ts';
import { safeFilename } from './safe-filename.ts';
import { sniffActiveMarkup } from './sniff-markup.ts';

/** Attachments larger than this keep their metadata only; the raw message still holds them. */
export const ATTACHMENT_STORE_LIMIT_BYTES = 15 * 1024 * 1024;
const MAX_ATTACHMENTS = 100;

export interface AttachmentOwner {
  workspaceId: string;
  /** Null for files uploaded in the portal. */
  inboundEmailId: string | null;
  messageId: string;
  caseId: string;
}

export async function storeEmailAttachments(
  db: Db,
  owner: AttachmentOwner,
  attachments: ParsedEmail['attachments'],
): Promise<void> {
  const rows: Array<typeof emailAttachments.$inferInsert> = [];
  for (const a of attachments.slice(0, MAX_ATTACHMENTS)) {
    const detected = await fileTypeFromBuffer(a.content).catch(() => undefined);
    // file-type calls a page "xml" at best; the markup a browser would run is looked for apart.
    const markup = detected && detected.ext !== 'xml' ? null : sniffActiveMarkup(a.content);
    const detectedExt = detected?.ext ?? markup?.ext ?? null;
    const dangers = attachmentDangers({ filename: a.filename, declaredType: a.contentType, detectedExt, markup });
    const tooLarge = a.content.length > ATTACHMENT_STORE_LIMIT_BYTES;
    rows.push({
      ...owner,
      filename: safeFilename(a.filename),
      originalFilename: a.filename,
      declaredType: a.contentType,
      detectedType: (markup ?? detected)?.mime ?? null,
      size: a.content.length,
      sha256: crypto.createHash('sha256').update(a.content).digest('hex'),
      content: tooLarge ? null : a.content,
      inline: a.inline,
      dangerous: dangers.length > 0,
      dangerReasons: tooLarge ? [...dangers, 'too_large'] : dangers,
    });
  }
  if (rows.length > 0) await db.insert(emailAttachments).values(rows);
}
