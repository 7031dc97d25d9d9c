// Mail that a machine sent in answer to mail: out-of-office replies, bounces, list traffic,
// and our own acknowledgements coming back. Acknowledging any of them risks a mail loop.

/** The header the outbound mailer sets on acknowledgements and every automatic message. */
export const KEPT_AUTOMATIC_HEADER = 'x-kept-acknowledgement';

export type AutomaticReason =
  'auto_submitted' | 'x_autoreply' | 'precedence' | 'daemon_sender' | 'null_sender' | 'kept_own' | 'delivery_report';

export interface LoopCheckInput {
  /** Header names in lower case; the first value of each. */
  headers: Record<string, string | undefined>;
  fromAddress: string | null;
  /** MAIL FROM; '' for the null reverse-path of bounces. */
  envelopeFrom: string | null;
  contentType: string | null;
  /** Domains Kept uses on the right of its own Message-IDs. */
  ownMessageIdDomains: readonly string[];
  messageIdHeader: string | null;
}

const DAEMON_LOCAL_PARTS =
  /^(mailer-daemon|postmaster|mail-daemon|maildelivery|mailerdaemon|no-?reply|noreply-.*|bounces?|bounce-.*)$/i;

/** Why a message is automatic, or null when a person seems to have written it. */
export function automaticReason(input: LoopCheckInput): AutomaticReason | null {
  const h = input.headers;
  if (h[KEPT_AUTOMATIC_HEADER] !== undefined) return 'kept_own';
  const ownId = input.messageIdHeader?.split('@')[1]?.toLowerCase();
  if (ownId && input.ownMessageIdDomains.includes(ownId)) return 'kept_own';
  const autoSubmitted = h['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'auto_submitted';
  if (h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined) return 'x_autoreply';
  const precedence = h['precedence']?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list' || precedence === 'auto_reply')
    return 'precedence';
  if (
    input.contentType &&
    /multipart\/report|message\/delivery-status|message\/disposition-notification/i.test(input.contentType)
  )
    return 'delivery_report';
  if (input.envelopeFrom === '') return 'null_sender';
  const local = input.fromAddress?.split('@')[0] ?? input.envelopeFrom?.split('@')[0];
  if (local && DAEMON_LOCAL_PARTS.test(local)) return 'daemon_sender';
  return null;
}

export interface SenderRate {
  /** Messages from this sender in the window, this one included. */
  recent: number;
}

export const RATE_LIMIT = { messages: 20, windowMinutes: 10 } as const;

/** A mail storm from one sender: over the limit, messages are stored but not acknowledged. */
export function overRateLimit(rate: SenderRate, limit: { messages: number } = RATE_LIMIT): boolean {
  return rate.recent > limit.messages;
}
