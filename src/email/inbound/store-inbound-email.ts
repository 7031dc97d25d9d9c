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
  const [stored] = await storeInboundEmails(db, [input]);
  return stored!;
}

/**
 * Several messages in one multi-row insert (one statement, so one commit when `db` is not a
 * transaction): all are stored or none is. Answers in the order of `inputs`. Duplicates —
 * of a stored message or of another one in the same call — come back with `created: false`
 * and the id of the message that was kept.
 */
export async function storeInboundEmails(db: Db, inputs: readonly StoreInboundInput[]): Promise<StoredInbound[]> {
  if (inputs.length === 0) return [];
  const values = inputs.map((input) => {
    const scanned = scanHeaders(input.raw);
    return {
      workspaceId: input.workspaceId,
      raw: input.raw,
      sha256: crypto.createHash('sha256').update(input.raw).digest('hex'),
      size: input.raw.length,
      envelopeFrom: input.envelopeFrom,
      envelopeTo: input.envelopeTo,
      messageIdHeader: scanned.messageId,
      fromAddress: scanned.fromAddress ?? (input.envelopeFrom ? input.envelopeFrom.toLowerCase() : null),
      subject: scanned.subject,
      receivedAt: input.receivedAt,
    };
  });
  const inserted = await db
    .insert(inboundEmails)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: inboundEmails.id, workspaceId: inboundEmails.workspaceId, sha256: inboundEmails.sha256 });
  // (workspace, sha256) is unique, so it names the input each inserted row came from.
  const insertedIds = new Map(inserted.map((r) => [`${r.workspaceId} ${r.sha256}`, r.id]));
  const claimed = new Set<string>();
  const out: StoredInbound[] = [];
  for (const v of values) {
    const key = `${v.workspaceId} ${v.sha256}`;
    const id = insertedIds.get(key);
    if (id && !claimed.has(key)) {
      claimed.add(key);
      out.push({ id, created: true });
    } else if (id) {
      out.push({ id, created: false });
    } else {
      out.push({ id: await existingId(db, v.workspaceId, v.sha256, v.messageIdHeader), created: false });
    }
  }
  return out;
}

async function existingId(db: Db, workspaceId: string, sha256: string, messageId: string | null): Promise<string> {
  const [existing] = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(
      and(
        eq(inboundEmails.workspaceId, workspaceId),
        messageId ? or(eq(inboundEmails.sha256, sha256), eq(inboundEmails.messageIdHeader, messageId)) : eq(inboundEmails.sha256, sha256),
      ),
    )
    .limit(1);
  return existing?.id ?? '';
}
