import crypto from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { inboundEmails } from '../../db/schema-email.ts';
import { scanHeaders } from './scan-headers.ts';

export interface StoreInboundInput {
  workspaceId: string;
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
  receivedAt: Date;
}

export interface StoredInbound {
  id: string;
  /** False when the same message (same Message-ID or same bytes) was already stored. */
  created: boolean;
}

/**
 * Commits the raw message: the step the SMTP 250 waits for. A message already stored (same
 * Message-ID, or same bytes) is not stored twice; the sender still gets its 250, because the
 * message is safe.
 */
export async function storeInboundEmail(db: Db, input: StoreInboundInput): Promise<StoredInbound> {
  const sha256 = crypto.createHash('sha256').update(input.raw).digest('hex');
  const scanned = scanHeaders(input.raw);
  const [row] = await db
    .insert(inboundEmails)
    .values({
      workspaceId: input.workspaceId,
      raw: input.raw,
      sha256,
      size: input.raw.length,
      envelopeFrom: input.envelopeFrom,
      envelopeTo: input.envelopeTo,
      messageIdHeader: scanned.messageId,
      fromAddress: scanned.fromAddress ?? (input.envelopeFrom ? input.envelopeFrom.toLowerCase() : null),
      subject: scanned.subject,
      receivedAt: input.receivedAt,
    })
    .onConflictDoNothing()
    .returning({ id: inboundEmails.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(
      and(
        eq(inboundEmails.workspaceId, input.workspaceId),
        scanned.messageId ? or(eq(inboundEmails.sha256, sha256), eq(inboundEmails.messageIdHeader, scanned.messageId)) : eq(inboundEmails.sha256, sha256),
      ),
    )
    .limit(1);
  return { id: existing?.id ?? '', created: false };
}
