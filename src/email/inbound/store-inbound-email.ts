import crypto from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import { runHotStatement } from '../../db/hot-statement.ts';
import type { Db } from '../../db/open-database.ts';
import { inboundEmails } from '../../db/schema-email.ts';
import { contentSha256 } from './content-hash.ts';
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
  /** False when the same message (the same bytes, or the same Message-ID and content) was already stored. */
  created: boolean;
}

/**
 * Commits the raw message: the step the SMTP 250 waits for. A message already stored (the same
 * bytes, or the same Message-ID and the same content: content-hash.ts) is not stored twice; the
 * sender still gets its 250, because the message is safe. A different message under a Message-ID
 * already used is stored as its own, with `message_id_reused_of` naming the earlier one.
 */
export async function storeInboundEmail(db: Db, input: StoreInboundInput): Promise<StoredInbound> {
  const [stored] = await storeInboundEmails(db, [input]);
  return stored!;
}

interface InboundRow {
  id: string;
  workspaceId: string;
  raw: Buffer;
  sha256: string;
  contentSha256: string;
  size: number;
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageIdHeader: string | null;
  fromAddress: string | null;
  subject: string | null;
  receivedAt: Date;
  /** An earlier message of the same group with this Message-ID and other content (the insert cannot see it). */
  reusedInGroupOf: string | null;
}

/**
 * Several messages in one multi-row insert (one statement, so one commit when `db` is not a
 * transaction): all are stored or none is. Answers in the order of `inputs`. Duplicates —
 * of a stored message or of another one in the same call — come back with `created: false`
 * and the id of the message that was kept.
 */
export async function storeInboundEmails(db: Db, inputs: readonly StoreInboundInput[]): Promise<StoredInbound[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map(inboundRow);
  const firstWithId = new Map<string, InboundRow>();
  for (const row of rows) {
    if (!row.messageIdHeader) continue;
    const key = `${row.workspaceId} ${row.messageIdHeader}`;
    const first = firstWithId.get(key);
    if (!first) firstWithId.set(key, row);
    else if (first.contentSha256 !== row.contentSha256) row.reusedInGroupOf = first.id;
  }
  // The ids are ours, so each inserted row names the input it came from.
  const returned = await runHotStatement<{ id: string }>(db, insertText(rows.length), rows.flatMap(insertValues));
  const inserted = new Set(returned.map((r) => r.id));
  const out: StoredInbound[] = [];
  for (const [i, row] of rows.entries()) {
    if (inserted.has(row.id)) {
      out.push({ id: row.id, created: true });
      continue;
    }
    // A copy of an earlier message of this group (the one stored), else of a message stored before.
    const kept = rows.slice(0, i).find((other) => inserted.has(other.id) && sameMessage(other, row));
    out.push({ id: kept?.id ?? (await existingId(db, row)), created: false });
  }
  return out;
}

function inboundRow(input: StoreInboundInput): InboundRow {
  const scanned = scanHeaders(input.raw);
  return {
    id: crypto.randomUUID(),
    workspaceId: input.workspaceId,
    raw: input.raw,
    sha256: crypto.createHash('sha256').update(input.raw).digest('hex'),
    contentSha256: contentSha256(input.raw, scanned),
    size: input.raw.length,
    envelopeFrom: input.envelopeFrom,
    envelopeTo: input.envelopeTo,
    messageIdHeader: scanned.messageId,
    fromAddress: scanned.fromAddress ?? (input.envelopeFrom ? input.envelopeFrom.toLowerCase() : null),
    subject: scanned.subject,
    receivedAt: input.receivedAt,
    reusedInGroupOf: null,
  };
}

/** What the table's unique keys call one message: (workspace, bytes) and (workspace, Message-ID, content). */
function sameMessage(a: InboundRow, b: InboundRow): boolean {
  if (a.workspaceId !== b.workspaceId) return false;
  if (a.sha256 === b.sha256) return true;
  return a.messageIdHeader !== null && a.messageIdHeader === b.messageIdHeader && a.contentSha256 === b.contentSha256;
}

// The SMTP listener's group commit runs this for every group, so it skips the query builder
// and runs as a prepared statement (src/db/hot-statement.ts), one text per group size. The
// bytes travel as a binary parameter, never as text. Whether the Message-ID was used before is
// asked in the same statement (an index probe per row, no round trip): the first stored row with
// it (the one that reused nothing; received_at can tie), else an earlier one of this group. A row
// whose content matches a stored one's is not inserted at all (the unique keys), so the probe
// only ever names a different message.
const COLUMNS = 13;
const insertTexts = new Map<number, string>();
function insertText(rows: number): string {
  let text = insertTexts.get(rows);
  if (!text) {
    const row = (r: number) => {
      const p = (c: number) => `$${r * COLUMNS + c}`;
      const earlier = `(select e.id from inbound_emails e
        where e.workspace_id = ${p(2)}::uuid and e.message_id_header = ${p(9)}::text
        order by e.message_id_reused_of is not null, e.received_at limit 1)`;
      return `(${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}::bytea, ${p(4)}::text, ${p(5)}::text, ${p(6)}::int, ${p(7)}::text,
        array(select jsonb_array_elements_text(${p(8)}::jsonb)), ${p(9)}::text, ${p(10)}::text, ${p(11)}::text,
        ${p(12)}::timestamptz, coalesce(${earlier}, ${p(13)}::uuid))`;
    };
    text = `insert into inbound_emails (id, workspace_id, raw, sha256, content_sha256, size, envelope_from, envelope_to,
        message_id_header, from_address, subject, received_at, message_id_reused_of)
      values ${Array.from({ length: rows }, (_, r) => row(r)).join(', ')}
      on conflict do nothing returning id`;
    insertTexts.set(rows, text);
  }
  return text;
}

function insertValues(v: InboundRow): unknown[] {
  return [
    v.id,
    v.workspaceId,
    v.raw,
    v.sha256,
    v.contentSha256,
    v.size,
    v.envelopeFrom,
    JSON.stringify(v.envelopeTo),
    v.messageIdHeader,
    v.fromAddress,
    v.subject,
    v.receivedAt.toISOString(),
    v.reusedInGroupOf,
  ];
}

async function existingId(db: Db, row: InboundRow): Promise<string> {
  const sameContent = row.messageIdHeader
    ? and(eq(inboundEmails.messageIdHeader, row.messageIdHeader), eq(inboundEmails.contentSha256, row.contentSha256))
    : undefined;
  const sameBytes = eq(inboundEmails.sha256, row.sha256);
  const [existing] = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.workspaceId, row.workspaceId), sameContent ? or(sameBytes, sameContent) : sameBytes))
    .limit(1);
  return existing?.id ?? '';
}
