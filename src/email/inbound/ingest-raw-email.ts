// The hand-over from a mailbox poller to the inbound pipeline: the same store and processing
// as mail arriving at the SMTP listener, so de-duplication covers a message seen by both.
import type { DeskContext } from '../../kernel/desk-context.ts';
import { storeInboundEmails, type StoredInbound } from './store-inbound-email.ts';

export interface IngestEnvelope {
  /** MAIL FROM (or Return-Path for IMAP); '' is the null sender of bounces; null when unknown. */
  from: string | null;
  /** RCPT TO addresses (for IMAP: the mailbox's own address(es), when known). */
  to: string[];
}

export interface IngestRawEmailInput {
  workspaceId: string;
  raw: Buffer;
  source: 'smtp' | 'imap';
  envelope: IngestEnvelope;
}

/**
 * Hands raw messages to the inbound pipeline: stored in one multi-row insert, answered in
 * order. Callers may pass a DeskContext whose db is a transaction (the IMAP poller does, to
 * commit the messages and their UIDs together), so this must not open a connection of its
 * own; the caller hands the new rows to processing once that transaction has committed
 * (inbound-hand-off.ts), and the sweep finds any it did not.
 */
export async function ingestRawEmails(
  ctx: DeskContext,
  inputs: readonly IngestRawEmailInput[],
): Promise<StoredInbound[]> {
  const receivedAt = ctx.now();
  return storeInboundEmails(
    ctx.db,
    inputs.map((input) => ({
      workspaceId: input.workspaceId,
      raw: input.raw,
      envelopeFrom: input.envelope.from,
      envelopeTo: input.envelope.to,
      receivedAt,
    })),
  );
}
