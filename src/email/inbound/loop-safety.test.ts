import { describe, expect, it } from 'vitest';
import { automaticReason, overRateLimit, type LoopCheckInput } from './loop-safety.ts';

const person: LoopCheckInput = {
  headers: {},
  fromAddress: 'ann@example.com',
  envelopeFrom: 'ann@example.com',
  contentType: 'text/plain',
  ownMessageIdDomains: ['kept.example.com'],
  messageIdHeader: 'abc@mail.example.com',
};

describe('automaticReason', () => {
  it('lets a person through', () => {
    expect(automaticReason(person)).toBeNull();
    expect(automaticReason({ ...person, headers: { 'auto-submitted': 'no' } })).toBeNull();
    expect(automaticReason({ ...person, headers: { precedence: 'first-class' } })).toBeNull();
  });
  it('recognises auto-replies by their headers', () => {
    expect(automaticReason({ ...person, headers: { 'auto-submitted': 'auto-replied' } })).toBe('auto_submitted');
    expect(automaticReason({ ...person, headers: { 'x-autoreply': 'yes' } })).toBe('x_autoreply');
    expect(automaticReason({ ...person, headers: { 'x-autorespond': '' } })).toBe('x_autoreply');
    expect(automaticReason({ ...person, headers: { precedence: 'Bulk' } })).toBe('precedence');
    expect(automaticReason({ ...person, headers: { precedence: 'list' } })).toBe('precedence');
  });
  it('recognises bounces and daemons', () => {
    expect(automaticReason({ ...person, envelopeFrom: '' })).toBe('null_sender');
    expect(automaticReason({ ...person, fromAddress: 'MAILER-DAEMON@mx.example.com' })).toBe('daemon_sender');
    expect(automaticReason({ ...person, fromAddress: 'postmaster@example.com' })).toBe('daemon_sender');
    expect(automaticReason({ ...person, contentType: 'multipart/report; report-type=delivery-status' })).toBe(
      'delivery_report',
    );
  });
  it('recognises our own acknowledgements coming back', () => {
    expect(automaticReason({ ...person, headers: { 'x-kept-acknowledgement': 'K-12' } })).toBe('kept_own');
    expect(automaticReason({ ...person, messageIdHeader: 'ack.1@kept.example.com' })).toBe('kept_own');
  });
});

describe('overRateLimit', () => {
  it('allows twenty in the window and stops the twenty-first', () => {
    expect(overRateLimit({ recent: 20 })).toBe(false);
    expect(overRateLimit({ recent: 21 })).toBe(true);
  });
});
