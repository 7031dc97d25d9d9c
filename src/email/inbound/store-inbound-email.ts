import crypto from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import { runHotStatement } from '../../db/hot-statement.ts';
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
  const inserted = await runHotStatement<{ id: string; workspaceId: string; sha256: string }>(db, insertText(values.length), values.flatMap(insertValues));
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

// The SMTP listener's group commit runs this for every group, so it skips the query builder
// and runs as a prepared statement (src/db/hot-statement.ts), one text per group size. The
// bytes travel as a binary parameter, never as text.
const COLUMNS = 10;
const insertTexts = new Map<number, string>();
function insertText(rows: number): string {
  let text = insertTexts.get(rows);
  if (!text) {
    const row = (r: number) => {
      const p = (c: number) => `$${r * COLUMNS + c}`;
      return `(${p(1)}::uuid, ${p(2)}::bytea, ${p(3)}::text, ${p(4)}::int, ${p(5)}::text, array(select jsonb_array_elements_text(${p(6)}::jsonb)), ${p(7)}::text, ${p(8)}::text, ${p(9)}::text, ${p(10)}::timestamptz)`;
    };
    text = `insert into inbound_emails (workspace_id, raw, sha256, size, envelope_from, envelope_to, message_id_header, from_address, subject, received_at)
      values ${Array.from({ length: rows }, (_, r) => row(r)).join(', ')}
      on conflict do nothing returning id, workspace_id as "workspaceId", sha256`;
    insertTexts.set(rows, text);
  }
  return text;
}

function insertValues(v: {
  workspaceId: string;
  raw: Buffer;
  sha256: string;
  size: number;
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageIdHeader: string | null;
  fromAddress: string | null;
  subject: string | null;
  receivedAt: Date;
}): unknown[] {
  return [v.workspaceId, v.raw, v.sha256, v.size, v.envelopeFrom, JSON.stringify(v.envelopeTo), v.messageIdHeader, v.fromAddress, v.subject, v.receivedAt.toISOString()];
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
