// When two stored copies are one message: the same bytes, or the same Message-ID and the same
// content. Content is what the author wrote — the headers below and the body, byte for byte —
// not the trace headers servers add on the way (Received, Return-Path, Delivered-To, DKIM and
// ARC seals, spam scores). So one message delivered twice (by two paths, or over SMTP and again
// by IMAP) is kept once, and a different message under a reused Message-ID is not dropped as a
// copy of the first.
import crypto from 'node:crypto';

/** Headers an author (their mail program) writes; any other header is the journey's, not the message's. */
export const AUTHOR_HEADERS: ReadonlySet<string> = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

export interface MessageContent {
  /** The author headers in their order, one `name:value` a line, whitespace folded. */
  authorHeaders: string;
  /** Where the body starts; null when no end of the header block was found. */
  bodyOffset: number | null;
}

export function contentSha256(raw: Buffer, content: MessageContent): string {
  // Without a header block's end, nothing tells the journey from the message: the bytes are the content.
  if (content.bodyOffset === null) return crypto.createHash('sha256').update(raw).digest('hex');
  return crypto
    .createHash('sha256')
    .update(content.authorHeaders, 'latin1')
    .update('\n\n')
    .update(raw.subarray(content.bodyOffset))
    .digest('hex');
}
