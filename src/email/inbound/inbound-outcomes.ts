// The last write of processing: the inbound row's outcome (status, case, message, how it was
// threaded) and, for a message that became a customer message, its Message-ID recorded for
// the case (what recordThreadId does) so replies thread back. In a batch these are written
// together, in one statement, just before the commit — except when a later message of the
// same batch could read them, which is then written first (see mustWriteBefore).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import type { InboundEmailStatus } from '../../db/schema-email.ts';

export interface InboundOutcome {
  id: string;
  workspaceId: string;
  status: Exclude<InboundEmailStatus, 'received' | 'failed'>;
  processedAt: Date;
  attempts: number;
  fromAddress: string | null;
  /** What the row had stored as its sender: an outcome that changes it is written at once. */
  storedFromAddress: string | null;
  caseId: string | null;
  messageId: string | null;
  relatedCaseId: string | null;
  threadedBy: string | null;
  note: string | null;
  /** The bare Message-ID to record for caseId, or null. */
  threadId: string | null;
  /**
   * Ids its threading headers name, recorded for caseId unless recorded already: a parent
   * processed after its reply finds its own id there and joins the case (message-id-locks.ts).
   */
  claimIds: readonly string[];
}

export class InboundOutcomes {
  private readonly pending: InboundOutcome[] = [];

  /** Queues an outcome; `deferred: false` (one message alone) writes it at once. */
  async add(db: Db, outcome: InboundOutcome, deferred: boolean): Promise<void> {
    this.pending.push(outcome);
    // The per-sender rate limit counts rows by their stored sender: a changed one must be
    // visible to the next message of the batch, as it was when each row was written at once.
    if (!deferred || outcome.fromAddress !== outcome.storedFromAddress) await this.write(db);
  }

  /**
   * Whether a message whose threading headers name these (bare) Message-IDs could read a
   * pending outcome: its thread-id lookup would miss a message of its own batch.
   */
  mustWriteBefore(headerIds: readonly string[]): boolean {
    if (this.pending.length === 0 || headerIds.length === 0) return false;
    const ids = new Set(headerIds);
    return this.pending.some(
      (o) => (o.threadId !== null && ids.has(o.threadId)) || o.claimIds.some((id) => ids.has(id)),
    );
  }

  async write(db: Db): Promise<void> {
    const outcomes = this.pending.splice(0);
    if (outcomes.length === 0) return;
    // Own ids first: where a message's own id and an id claimed in the same batch are one, the own one wins.
    const threadIds = outcomes.flatMap((o) =>
      o.caseId
        ? [...(o.threadId ? [o.threadId] : []), ...o.claimIds].map((id) => ({ ...o, caseId: o.caseId!, id }))
        : [],
    );
    const seen = new Set<string>();
    const unique = threadIds.filter(
      (t) => !seen.has(`${t.workspaceId} ${t.id}`) && seen.add(`${t.workspaceId} ${t.id}`),
    );
    const recorded: SQL = unique.length
      ? sql`with recorded_thread_ids as (insert into email_thread_ids (workspace_id, message_id_header, case_id, direction) values ${sql.join(
          unique.map((o) => sql`(${o.workspaceId}::uuid, ${o.id}::text, ${o.caseId}::uuid, 'inbound')`),
          sql`, `,
        )} on conflict do nothing) `
      : sql``;
    const rows = outcomes.map(
      (o) =>
        sql`(${o.id}::uuid, ${o.status}::text, ${o.processedAt.toISOString()}::timestamptz, ${o.attempts}::int, ${o.fromAddress}::text, ${o.caseId}::uuid,
          ${o.messageId}::uuid, ${o.relatedCaseId}::uuid, ${o.threadedBy}::text, ${o.note}::text)`,
    );
    await db.execute(sql`${recorded}update inbound_emails ie set status = v.status, processed_at = v.processed_at, error = null, attempts = v.attempts,
        from_address = v.from_address, case_id = v.case_id, message_id = v.message_id, related_case_id = v.related_case_id,
        threaded_by = v.threaded_by, note = v.note
      from (values ${sql.join(rows, sql`, `)}) as v(id, status, processed_at, attempts, from_address, case_id, message_id, related_case_id, threaded_by, note)
      where ie.id = v.id`);
  }
}
