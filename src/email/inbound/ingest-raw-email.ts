// The hand-over from a mailbox poller to the inbound pipeline: the same store and processing
// as mail arriving at the SMTP listener, so de-duplication covers a message seen by both.
import type { DeskContext } from '../../kernel/desk-context.ts';
import { storeInboundEmail } from './store-inbound-email.ts';

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
 * Hands one raw message to the inbound pipeline. Callers may pass a DeskContext whose db is a
 * transaction (the IMAP poller does, to commit the message and its UID together), so this
 * must not open a connection of its own.
 */
export async function ingestRawEmail(ctx: DeskContext, input: IngestRawEmailInput): Promise<void> {
  // Stored here (in the poller's transaction, with the UID); the inbound processor's sweep
  // threads and acknowledges it, exactly as for mail that came in over SMTP.
  await storeInboundEmail(ctx.db, {
    workspaceId: input.workspaceId,
    raw: input.raw,
    envelopeFrom: input.envelope.from,
    envelopeTo: input.envelope.to,
    receivedAt: ctx.now(),
  });
}
