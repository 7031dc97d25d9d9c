import { simpleParser, type AddressObject, type Attachment, type SimpleParserOptions } from 'mailparser';
import { isStorableText, storableText, truncateText } from '../../db/storable-text.ts';
import { TEXT_BOUNDS } from '../../language/index.ts';
import { messageIdOf, messageIdsIn, scanHeaders } from './scan-headers.ts';

/** An inbound e-mail as plain data: what threading, loop safety and storing need. */
export interface ParsedEmail {
  messageId: string | null;
  from: { address: string | null; name: string | null };
  recipients: string[];
  subject: string | null;
  inReplyTo: string[];
  references: string[];
  /** Lower-case header names, first value of each, as raw (unfolded) text. */
  headers: Record<string, string>;
  contentType: string | null;
  text: string | null;
  html: string | null;
  attachments: Array<{
    filename: string;
    contentType: string;
    content: Buffer;
    inline: boolean;
    contentId: string | null;
  }>;
}

function addresses(
  value: AddressObject | AddressObject[] | undefined,
): Array<{ address: string | null; name: string | null }> {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: Array<{ address: string | null; name: string | null }> = [];
  const walk = (entries: AddressObject['value']) => {
    for (const e of entries) {
      if (e.group) walk(e.group);
      else out.push({ address: plainAddress(e.address ? e.address.toLowerCase() : null), name: e.name || null });
    }
  };
  for (const v of list) walk(v.value);
  return out;
}

// Decoded mail text can hold what the store cannot keep: NULs (raw, or encoded), and unpaired
// surrogates (a UTF-16 part cut in half). Everything read from a message is made storable here,
// once; the raw bytes stay as they came.
const clean = (s: string | undefined | null) => (s ? storableText(s).trim() || null : null);
const truncateOrNull = (s: string | null, max: number) => (s === null ? null : truncateText(s, max));
/** An address only when it is plain text: a NUL or a control character in one is no address. */
const plainAddress = (a: string | null) => (a && isStorableText(a) && !/[\u0000-\u001f\u007f]/.test(a) ? a : null);

/**
 * Parses anything: when the MIME structure defeats the parser, the message is still read as
 * headers plus raw text, so a person's words are never stuck behind a parse error.
 */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  try {
    return await parseMime(raw);
  } catch {
    return parseLeniently(raw);
  }
}

function parseLeniently(raw: Buffer): ParsedEmail {
  const scanned = scanHeaders(raw);
  const text = raw.toString('utf8');
  const split = text.search(/\r?\n\r?\n/);
  const body = split >= 0 ? text.slice(split).trim() : '';
  return {
    messageId: scanned.messageId,
    from: { address: scanned.fromAddress, name: null },
    recipients: [],
    subject: clean(scanned.subject),
    inReplyTo: [],
    references: [],
    headers: {},
    contentType: null,
    text: clean(body.slice(0, 200_000)),
    html: null,
    attachments: [],
  };
}

/**
 * The message with each top-level header field cut to TEXT_BOUNDS.headerFieldBytes (an address
 * list at its last comma before the bound), for mailparser only: the stored raw stays whole. The
 * same bytes when no field is that long. Nesting needs no bound of ours: mailparser's splitter
 * refuses more than 1,000 parts (the lenient parse takes over), and works through them in slices.
 */
function boundHeaderFields(raw: Buffer): Buffer {
  const max = TEXT_BOUNDS.headerFieldBytes;
  const blank = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0);
  const end = blank.length > 0 ? Math.min(...blank) : raw.length;
  if (end <= max) return raw;
  // Each field with its folded lines and its line end; latin1 keeps every byte as it was.
  const fields = raw
    .subarray(0, end)
    .toString('latin1')
    .split(/(?<=\n)(?![ \t])/);
  if (fields.every((f) => f.length <= max)) return raw;
  const bounded = fields.map((field) => {
    if (field.length <= max) return field;
    const lineEnd = /\r?\n$/.exec(field)?.[0] ?? '';
    const comma = field.lastIndexOf(',', max);
    return field.slice(0, comma > max / 2 ? comma : max) + lineEnd;
  });
  return Buffer.concat([Buffer.from(bounded.join(''), 'latin1'), raw.subarray(end)]);
}

async function parseMime(raw: Buffer): Promise<ParsedEmail> {
  // HTML → text is ours (process-inbound-email.ts), guarded: mailparser's throws on pathological HTML.
  const options: SimpleParserOptions = {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    keepCidLinks: true,
  };
  const mail = await simpleParser(boundHeaderFields(raw), options);
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    if (headers[key] !== undefined) continue;
    headers[key] = storableText(
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  const from = addresses(mail.from)[0] ?? { address: null, name: null };
  const recipients = [...addresses(mail.to), ...addresses(mail.cc), ...addresses(mail.bcc)]
    .map((a) => a.address)
    .filter((a): a is string => !!a);
  const ct = mail.headers.get('content-type') as { value?: string } | string | undefined;
  return {
    messageId: messageIdOf(mail.messageId ?? headers['message-id']),
    from: { address: from.address, name: clean(from.name) },
    recipients,
    subject: clean(mail.subject),
    inReplyTo: messageIdsIn(mail.inReplyTo ?? headers['in-reply-to']),
    references: messageIdsIn(mail.references ?? headers['references']),
    headers,
    contentType: clean(typeof ct === 'string' ? ct : ct?.value),
    text: clean(mail.text),
    html: typeof mail.html === 'string' ? storableText(mail.html) : null,
    attachments: mail.attachments.map((a: Attachment) => ({
      // Kept for display (bounded); the name it is stored under is made from it (safe-filename.ts).
      filename:
        truncateOrNull(clean(a.filename), 1000) ?? (a.contentType === 'text/calendar' ? 'invite.ics' : 'attachment'),
      contentType: truncateOrNull(clean(a.contentType), 200) ?? 'application/octet-stream',
      content: a.content,
      inline: a.contentDisposition === 'inline' || (!!a.cid && a.related === true),
      contentId: a.cid ?? null,
    })),
  };
}
