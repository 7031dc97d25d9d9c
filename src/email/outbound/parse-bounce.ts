// Delivery status notifications (RFC 3464) and the common non-standard bounces (exim, qmail,
// Exchange text NDRs). Pure and synchronous: a small MIME walker of its own, because
// general-purpose parsers fold message/delivery-status into the text and lose its fields.
// Anyone can send a message that reads as a bounce (a null sender, a daemon's From), so every
// pattern here is linear: no two unbounded runs that can share characters, and an address or
// a tag starts where its run starts (issue 14).
import { boundedPrefix, TEXT_BOUNDS } from '../../language/index.ts';

export type BounceAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded' | 'unknown';

export interface BounceRecipient {
  address: string;
  action: BounceAction;
  /** Enhanced status code such as 5.1.1, when one was given. */
  status: string | null;
  diagnostic: string | null;
}

export interface BounceReport {
  /** 'dsn': a standard multipart/report; 'heuristic': read from the text of a non-standard bounce. */
  kind: 'dsn' | 'heuristic';
  /** Whether some recipient failed for good (5.x.x, or the bounce says it is permanent). */
  permanent: boolean;
  recipients: BounceRecipient[];
  /** The Message-ID of the message that bounced, without angle brackets. */
  originalMessageId: string | null;
  reportingMta: string | null;
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
  children: MimePart[];
}

const MAX_DEPTH = 8;
const MAX_BYTES = 2 * 1024 * 1024;

/** null when the message is not a bounce (an auto-reply or a customer's mail is not one). */
export function parseBounce(raw: Buffer | string): BounceReport | null {
  // NULs go at once: every field read from here may be written as text, which refuses them.
  const decoded = typeof raw === 'string' ? raw : raw.toString('latin1');
  const text = decoded.slice(0, MAX_BYTES).replace(/\r\n/g, '\n').replaceAll('\u0000', '');
  const root = parsePart(text, 0);
  const contentType = root.headers.get('content-type') ?? '';
  const dsnPart = findPart(
    root,
    (p) => mediaType(p) === 'message/delivery-status' || mediaType(p) === 'message/global-delivery-status',
  );
  if (dsnPart || (/multipart\/report/i.test(contentType) && /report-type\s*=\s*"?delivery-status/i.test(contentType))) {
    const fromDsn = dsnPart ? readDeliveryStatus(dsnPart.body) : null;
    if (fromDsn && fromDsn.recipients.length > 0) {
      return {
        kind: 'dsn',
        permanent: fromDsn.recipients.some((r) => r.action === 'failed'),
        recipients: fromDsn.recipients,
        originalMessageId: fromDsn.originalMessageId ?? originalMessageIdOf(root),
        reportingMta: fromDsn.reportingMta,
      };
    }
  }
  return readHeuristicBounce(root, text);
}

// --- RFC 3464 ---

function readDeliveryStatus(body: string): {
  recipients: BounceRecipient[];
  originalMessageId: string | null;
  reportingMta: string | null;
} {
  const groups = body
    .split(/\n[ \t]*\n/)
    .map((block) => parseFields(block))
    .filter((fields) => fields.size > 0);
  const perMessage = groups[0] ?? new Map<string, string>();
  const recipients: BounceRecipient[] = [];
  for (const fields of groups) {
    const finalRecipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (!finalRecipient) continue;
    const address = addressOfTyped(finalRecipient);
    if (!address) continue;
    const status = fields.get('status')?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? null;
    recipients.push({
      address,
      action: toAction(fields.get('action'), status),
      status,
      diagnostic:
        fields
          .get('diagnostic-code')
          ?.replace(/^[\w-]+;\s*/, '')
          .trim() || null,
    });
  }
  return {
    recipients,
    originalMessageId: stripAngles(perMessage.get('x-original-message-id') ?? null),
    reportingMta:
      perMessage
        .get('reporting-mta')
        ?.replace(/^[\w-]+;\s*/, '')
        .trim() ?? null,
  };
}

function toAction(value: string | undefined, status: string | null): BounceAction {
  const action = value?.trim().toLowerCase().split(/\s/)[0];
  if (
    action === 'failed' ||
    action === 'delayed' ||
    action === 'delivered' ||
    action === 'relayed' ||
    action === 'expanded'
  )
    return action;
  if (status?.startsWith('5.')) return 'failed';
  if (status?.startsWith('4.')) return 'delayed';
  return 'unknown';
}

/** "rfc822; someone@example.com" → someone@example.com */
function addressOfTyped(value: string): string | null {
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return normalizeAddress(address);
}

// --- non-standard bounces ---

const BOUNCE_SENDER =
  /^(mailer-daemon|postmaster|mail-daemon|mail delivery (system|subsystem))\b|^microsoftexchange[0-9a-f]{32}@/i;
const BOUNCE_SUBJECT =
  /undeliver(ed|able)|delivery (status notification|has failed|failure)|mail delivery failed|returned mail|failure notice|could not be delivered|non-?delivery|returning message to sender/i;
const PERMANENT_WORDS =
  /permanent (error|failure)|given up|does not exist|doesn't exist|user unknown|no such user|no mailbox|not found|couldn't be found|address rejected|mailbox unavailable|invalid recipient/i;

function readHeuristicBounce(root: MimePart, text: string): BounceReport | null {
  const from = root.headers.get('from') ?? '';
  const subject = root.headers.get('subject') ?? '';
  const returnPath = root.headers.get('return-path') ?? '';
  const fromAddress = normalizeAddress(from) ?? '';
  const looksLikeDaemon =
    BOUNCE_SENDER.test(fromAddress) ||
    BOUNCE_SENDER.test(from.replace(/<[^<>]*>/, '').trim()) ||
    /^<>$/.test(returnPath.trim());
  if (!looksLikeDaemon || !BOUNCE_SUBJECT.test(subject)) return null;

  const body = plainTextOf(root);
  // The copy of the original message starts here in exim, qmail and Exchange bounces.
  const copyAt = body.search(
    /^--.*(copy of the message|below this line)|^original message headers:|^---+ original message/im,
  );
  // What the server says is at the top and short; past the bound is pasted text, not a report.
  const report = boundedPrefix(copyAt >= 0 ? body.slice(0, copyAt) : body, TEXT_BOUNDS.bounceReportChars);
  const original = copyAt >= 0 ? body.slice(copyAt) : '';

  const addresses = new Set<string>();
  // qmail: "<someone@example.com>:" on a line of its own
  for (const m of report.matchAll(/^<([^<>\s@]+@[^<>\s]+)>:\s*$/gm)) addresses.add(m[1]!.toLowerCase());
  // exim: the indented address on the lines after "following address(es) failed:"
  const exim = /following address(?:\(es\))? failed:(?=[ \t]*\n)\s*<?([^\s<>@]+@[^\s<>]+?)>?[ \t]*$/im.exec(report);
  if (exim) addresses.add(exim[1]!.toLowerCase());
  // Exchange: "Delivery has failed to these recipients or groups:" followed by the address
  const exchange =
    /failed to these recipients(?: or groups)?:(?=[ \t]*\n)\s*(?:[^\s<][^\n<]*<|<)?([^\s<>@]+@[^\s<>]+?)>?[ \t]*$/im.exec(
      report,
    );
  if (exchange) addresses.add(exchange[1]!.toLowerCase());
  // Anything else: "wasn't delivered to x@y", "RCPT TO:<x@y>"
  if (addresses.size === 0) {
    for (const m of report.matchAll(
      /(?:delivered to|RCPT TO:\s*<|recipient:?\s*<?)\s*(?<![^\s<>:])([^\s<>@]+@[^\s<>,;]+?)[>.,;]?(?=\s|$)/gi,
    ))
      addresses.add(m[1]!.toLowerCase());
  }
  const status = report.match(/\b([245])\.(\d{1,3})\.(\d{1,3})\b/)?.[0] ?? null;
  const diagnostic =
    report
      .match(
        /^[ \t]*((?:Remote Server returned|SMTP error from remote mail server|Sorry,|host \S+ said:)[^\n]*(?:\n\s+[^\n]+)*)/im,
      )?.[1]
      ?.replace(/\s+/g, ' ')
      .trim() ??
    report.match(/\b5\d\d[ -]\d\.\d{1,3}\.\d{1,3}[^\n]*/)?.[0]?.trim() ??
    null;
  const permanent = status ? status.startsWith('5.') : PERMANENT_WORDS.test(report);
  const recipients: BounceRecipient[] = [...addresses].map((address) => ({
    address,
    action: permanent ? 'failed' : 'delayed',
    status,
    diagnostic,
  }));
  const attached = findPart(root, (p) => mediaType(p) === 'message/rfc822' || mediaType(p) === 'text/rfc822-headers');
  const originalMessageId =
    (attached ? messageIdIn(attached.children[0]?.headers.get('message-id') ?? attached.body) : null) ??
    messageIdIn(original);
  if (recipients.length === 0 && !originalMessageId) return null;
  return {
    kind: 'heuristic',
    permanent,
    recipients,
    originalMessageId,
    reportingMta: fromAddress.split('@')[1] ?? null,
  };
}

function originalMessageIdOf(root: MimePart): string | null {
  const attached = findPart(root, (p) => mediaType(p) === 'message/rfc822' || mediaType(p) === 'text/rfc822-headers');
  if (!attached) return null;
  const headerText = attached.body.split(/\n[ \t]*\n/)[0] ?? '';
  return stripAngles(parseFields(headerText).get('message-id') ?? null);
}

function messageIdIn(text: string): string | null {
  const match = /^message-id:\s*<?([^\s<>]+@[^\s<>]+)>?/im.exec(text) ?? /<([^\s<>]+@[^\s<>]+)>/.exec(text);
  return match ? match[1]! : null;
}

function plainTextOf(part: MimePart): string {
  const type = mediaType(part);
  if (part.children.length > 0 && type !== 'message/rfc822') {
    return part.children.map(plainTextOf).join('\n');
  }
  if (type === 'text/plain' || type === '' || type === 'message/rfc822' || type === 'text/rfc822-headers')
    return decodeBody(part);
  return '';
}

// --- a minimal MIME walker ---

function parsePart(text: string, depth: number): MimePart {
  const split = text.search(/\n[ \t]*\n/);
  const headerText = split >= 0 ? text.slice(0, split) : text;
  const body = split >= 0 ? text.slice(text.indexOf('\n', split + 1) + 1) : '';
  const headers = parseFields(headerText);
  const part: MimePart = { headers, body, children: [] };
  if (depth >= MAX_DEPTH) return part;
  const contentType = headers.get('content-type') ?? '';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (/^\s*multipart\//i.test(contentType) && boundary) {
    const marker = `--${boundary[1] ?? boundary[2]}`;
    const pieces = body.split(new RegExp(`^${escapeRegExp(marker)}(?:--)?[ \\t]*$`, 'm'));
    // pieces[0] is the preamble, the last the epilogue after the closing marker
    for (const piece of pieces.slice(1)) {
      const trimmed = piece.replace(/^\n/, '');
      if (trimmed.trim().length === 0) continue;
      part.children.push(parsePart(trimmed, depth + 1));
    }
  } else if (/^\s*message\/rfc822/i.test(contentType)) {
    part.children.push(parsePart(body, depth + 1));
  }
  return part;
}

/** Header or DSN field block: unfolded, names lower-cased, the first occurrence kept. */
function parseFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = block.replace(/\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\w-]+$/.test(name) || fields.has(name)) continue;
    fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

function findPart(part: MimePart, test: (p: MimePart) => boolean): MimePart | null {
  if (test(part)) return part;
  for (const child of part.children) {
    const found = findPart(child, test);
    if (found) return found;
  }
  return null;
}

function mediaType(part: MimePart): string {
  return (part.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function decodeBody(part: MimePart): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = part.body
      .replace(/=\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(part.body, 'latin1').toString('utf8');
}

export function normalizeAddress(value: string): string | null {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const bare = bracketed ? bracketed[1]! : /(?<![^\s<>"();,])([^\s<>"();,]+@[^\s<>"();,]+)/.exec(value)?.[1];
  return bare ? bare.trim().toLowerCase() : null;
}

/** A Message-ID without its angle brackets; null for anything that cannot be one (as scan-headers.ts). */
function stripAngles(value: string | null): string | null {
  if (!value) return null;
  const id = value.trim().replace(/^<|>$/g, '').trim();
  return /^[^\s<>]{1,900}$/.test(id) ? id : null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
