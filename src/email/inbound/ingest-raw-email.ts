// STUB written by the outbound/IMAP side (issue 3) so the IMAP poller has its entry point.
// The inbound pipeline owns this file: replace the body with the real hand-over (store the raw
// message, then process it: thread, acknowledge, apply bounces) and keep the signature.
import type { DeskContext } from '../../jobs/desk-context.ts';

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
export async function ingestRawEmail(_ctx: DeskContext, _input: IngestRawEmailInput): Promise<void> {
  // Intentionally empty until the inbound pipeline replaces it.
}
