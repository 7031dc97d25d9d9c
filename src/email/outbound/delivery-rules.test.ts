import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  isKeptMessageId,
  isPermanentFailure,
  messageIdDomain,
  outcomeOfFailure,
  retryDelayMs,
  threadingHeaders,
} from './delivery-rules.ts';

describe('delivery rules', () => {
  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 60 * 60_000);
  });

  it('5xx is final, 4xx and connection errors are retried until the last attempt', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(isPermanentFailure({ message: 'no such user', responseCode: 550 })).toBe(true);
    expect(outcomeOfFailure({ message: 'try later', responseCode: 451 }, 1, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-11-24T10:01:00Z'),
    });
    expect(outcomeOfFailure({ message: 'ECONNREFUSED' }, 2, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-11-24T10:02:00Z'),
    });
    expect(outcomeOfFailure({ message: 'try later', responseCode: 451 }, MAX_ATTEMPTS, now)).toEqual({
      status: 'failed',
    });
    expect(outcomeOfFailure({ message: 'no', responseCode: 550 }, 1, now)).toEqual({ status: 'failed' });
  });

  it('takes the Message-ID domain from the from-address, else the workspace', () => {
    expect(messageIdDomain('help@acme.example', 'acme')).toBe('kept.acme.example');
    expect(messageIdDomain(null, 'Test-Co')).toBe('test-co.kept.local');
    expect(isKeptMessageId('<0f6a@kept.acme.example>')).toBe(true);
    expect(isKeptMessageId('abc@test-co.kept.local')).toBe(true);
    expect(isKeptMessageId('<CAF=x@mail.gmail.com>')).toBe(false);
  });

  it('In-Reply-To is the last customer message; References the thread oldest first, de-duplicated', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 10, 24, 10, m));
    const headers = threadingHeaders([
      { messageId: '<c2@customer.test>', direction: 'inbound', at: at(5) },
      { messageId: 'ack1@acme.test', direction: 'outbound', at: at(1) },
      { messageId: 'c1@customer.test', direction: 'inbound', at: at(0) },
      { messageId: 'c1@customer.test', direction: 'inbound', at: at(0) },
      { messageId: 'not an id', direction: 'inbound', at: at(2) },
    ]);
    expect(headers).toEqual({
      inReplyTo: 'c2@customer.test',
      references: ['c1@customer.test', 'ack1@acme.test', 'c2@customer.test'],
    });
    expect(threadingHeaders([])).toEqual({ inReplyTo: null, references: [] });
  });
});
