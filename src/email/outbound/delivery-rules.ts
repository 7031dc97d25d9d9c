// The rules of outbound delivery, as plain functions: retry timing, which SMTP errors are
// final, and the threading headers that make a customer's reply come back to the case.
import { bareMessageId } from '../thread-ids.ts';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;

/** Exponential backoff after the given number of attempts: 1, 2, 4 … minutes, capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export interface SendFailure {
  message: string;
  /** The SMTP reply code, when the server gave one. */
  responseCode?: number | undefined;
}

/** A 5xx reply is the server saying "never": retrying cannot help. Anything else (4xx, a dropped
 * connection, a refused login) may pass later, so it is retried. */
export function isPermanentFailure(failure: SendFailure): boolean {
  return typeof failure.responseCode === 'number' && failure.responseCode >= 500 && failure.responseCode < 600;
}

export type AttemptOutcome = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

export function outcomeOfFailure(failure: SendFailure, attempts: number, now: Date): AttemptOutcome {
  if (isPermanentFailure(failure) || attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/**
 * The right-hand side of Kept's own Message-IDs: "kept." + the from-address's domain, a name no
 * mail client of the company's own staff uses, so our mail coming back is recognisable; without
 * a from-address, <slug>.kept.local.
 */
export function messageIdDomain(fromAddress: string | null, workspaceSlug: string): string {
  const domain = fromAddress
    ?.split('@')[1]
    ?.trim()
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '');
  return domain && domain.includes('.')
    ? `kept.${domain}`
    : `${workspaceSlug.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'workspace'}.kept.local`;
}

/** Whether a Message-ID is one Kept wrote (see messageIdDomain). */
export function isKeptMessageId(messageId: string): boolean {
  const domain = bareMessageId(messageId).split('@')[1]?.toLowerCase() ?? '';
  return domain.startsWith('kept.') || domain.endsWith('.kept.local');
}

export function newMessageId(uuid: string, domain: string): string {
  return `${uuid}@${domain}`;
}

export interface ThreadMessage {
  messageId: string;
  direction: 'inbound' | 'outbound';
  at: Date;
}

const MAX_REFERENCES = 20;

/**
 * In-Reply-To: the customer's latest Message-ID on the case; References: the thread so far, oldest
 * first (capped, the newest kept), so any mail client files the answer under the conversation.
 */
export function threadingHeaders(thread: ThreadMessage[]): { inReplyTo: string | null; references: string[] } {
  const ordered = [...thread].sort((a, b) => a.at.getTime() - b.at.getTime());
  const seen = new Set<string>();
  const references: string[] = [];
  for (const message of ordered) {
    const id = bareMessageId(message.messageId);
    if (!id.includes('@') || /[\s<>]/.test(id) || seen.has(id)) continue;
    seen.add(id);
    references.push(id);
  }
  const lastInbound = ordered.filter((m) => m.direction === 'inbound').at(-1);
  return {
    inReplyTo: lastInbound ? bareMessageId(lastInbound.messageId) : null,
    references: references.slice(-MAX_REFERENCES),
  };
}
