// A fast look at a raw message's header block, before it is stored: the Message-ID and the
// author's headers and where the body starts (the de-duplication key, content-hash.ts), the
// sender (the rate limit) and the subject. Tolerant of anything: it never throws, it only finds
// less, and what it finds is text the store can keep.
import { storableText } from '../../db/storable-text.ts';
import { AUTHOR_HEADERS, type MessageContent } from './content-hash.ts';

export interface ScannedHeaders extends MessageContent {
  messageId: string | null;
  fromAddress: string | null;
  subject: string | null;
}

const MAX_HEADER_BYTES = 256 * 1024;

export function scanHeaders(raw: Buffer): ScannedHeaders {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  const block = (end ? head.slice(0, end.index) : head).replace(/\r?\n[ \t]+/g, ' ');
  const found: Record<string, string> = {};
  const authored: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if ((name === 'message-id' || name === 'from' || name === 'subject') && found[name] === undefined)
      found[name] = line.slice(colon + 1).trim();
    if (AUTHOR_HEADERS.has(name))
      authored.push(
        `${name}:${line
          .slice(colon + 1)
          .replace(/\s+/g, ' ')
          .trim()}`,
      );
  }
  return {
    messageId: messageIdOf(found['message-id']),
    fromAddress: addressOf(found['from']),
    // Read as latin1, so any byte is a character; a NUL would make the store refuse the row
    // (and the sender get 451 on every retry).
    subject: found['subject'] ? storableText(found['subject'].slice(0, 500)) : null,
    authorHeaders: authored.join('\n'),
    bodyOffset: end ? end.index + end[0].length : null,
  };
}

/** "<abc@host>" → "abc@host"; a value without brackets is taken whole when it looks like an id. */
export function messageIdOf(value: string | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]{1,900})>/.exec(value);
  const id = bracketed ? bracketed[1]! : /^[^\s<>]{3,900}$/.test(value) ? value : null;
  // NULs and control characters would not survive a text column.
  return id && !/[\u0000-\u001f\u007f]/.test(id) ? id : null;
}

// A bare address starts where its run of address characters starts: tried from every character
// of a long run without "@", the pattern rescanned the run each time (quadratic; issue 14).
const BARE_ADDRESS = /(?<![^\s<>"',;:@])([^\s<>"',;:@]+@[^\s<>"',;:@]+)/;

export function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const match = /<([^<>\s@]+@[^<>\s@]+)>/.exec(value) ?? BARE_ADDRESS.exec(value);
  const address = match?.[1]?.toLowerCase() ?? null;
  return address && address.length <= 320 && !/[\u0000-\u001f\u007f-\u00ff]/.test(address) ? address : null;
}

/** Every <id> token in In-Reply-To or References (either may hold several). */
export function messageIdsIn(value: string | string[] | undefined | null): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const ids = [...text.matchAll(/<([^<>\s]{1,900})>/g)].map((m) => m[1]!);
  if (ids.length === 0 && /^[^\s<>]+@[^\s<>]+$/.test(text.trim())) ids.push(text.trim());
  return ids.filter((id) => !/[\u0000-\u001f\u007f]/.test(id)).slice(0, 100);
}
