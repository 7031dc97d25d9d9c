// Reading the stored rows a batch processes that the SMTP listener did not hand over with their
// bytes (the sweep, a retry): taken (locked) and read in one statement, big ones read later.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/open-database.ts';
import { inboundEmails } from '../../db/schema-email.ts';
import type { KnownInbound } from './process-inbound-email.ts';

// Messages up to this size are parsed before the batch's lookups, so that one statement asks
// about all of them; a bigger one is parsed when its turn comes, and asks alone (memory).
export const PARSE_AHEAD_BYTES = 1024 * 1024;

/** Rows not handed over by the listener, taken for processing; bytes only of the small ones. */
export async function takeRows(tx: Db, ids: readonly string[]): Promise<Map<string, KnownInbound | null>> {
  const rows = await queryRows<{
    id: string;
    raw: Buffer | null;
    envelopeTo: unknown;
    status: string;
    workspaceId: string;
  }>(
    tx,
    sql`select id, workspace_id as "workspaceId", case when size <= ${PARSE_AHEAD_BYTES} then raw end as raw, array_to_json(envelope_to) as "envelopeTo", status
      from inbound_emails where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
      for update skip locked`,
  );
  const out = new Map<string, KnownInbound | null>();
  for (const r of rows) {
    if (!PROCESSABLE.has(r.status)) continue;
    const envelopeTo = (typeof r.envelopeTo === 'string' ? JSON.parse(r.envelopeTo) : r.envelopeTo) as string[];
    out.set(r.id, r.raw ? { raw: Buffer.from(r.raw), envelopeTo, workspaceId: r.workspaceId } : null);
  }
  return out;
}

/** The bytes of a row already taken (a big one, read when its turn comes). */
export async function readRaw(tx: Db, id: string): Promise<KnownInbound | null> {
  const [row] = await tx
    .select({ raw: inboundEmails.raw, envelopeTo: inboundEmails.envelopeTo, workspaceId: inboundEmails.workspaceId })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, id));
  return row ?? null;
}

export const PROCESSABLE = new Set(['received', 'failed']);
