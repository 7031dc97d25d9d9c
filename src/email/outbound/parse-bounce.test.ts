import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { parseBounce } from './parse-bounce.ts';

const fixture = (name: string) =>
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'bounce-fixtures', name));

describe('parseBounce', () => {
  it('reads an RFC 3464 report from Postfix: recipient, action, status, diagnostic, original Message-ID', () => {
    const report = parseBounce(fixture('postfix-rfc3464.eml'));
    expect(report).toEqual({
      kind: 'dsn',
      permanent: true,
      recipients: [
        {
          address: 'nobody@customer.test',
          action: 'failed',
          status: '5.1.1',
          diagnostic: '550 5.1.1 <nobody@customer.test>: Recipient address rejected: User unknown',
        },
      ],
      originalMessageId: '0f6a1c2e-1111-4222-8333-944455556666@acme.test',
      reportingMta: 'mx.example.net',
    });
  });

  it('reads a Gmail DSN with nested alternative parts and the original as message/rfc822', () => {
    const report = parseBounce(fixture('gmail-dsn.eml'))!;
    expect(report.kind).toBe('dsn');
    expect(report.permanent).toBe(true);
    expect(report.recipients[0]).toMatchObject({ address: 'gone.person@gmail.com', action: 'failed', status: '5.1.1' });
    expect(report.originalMessageId).toBe('7b7c2a10-aaaa-4bbb-8ccc-ddddeeeeffff@acme.test');
  });

  it('drops NULs, which no text column takes, from everything it reads', () => {
    const raw = fixture('postfix-rfc3464.eml')
      .toString('latin1')
      .replaceAll('User unknown', 'User\u0000 unknown')
      .replaceAll('nobody@customer.test', 'nobody@custo\u0000mer.test');
    const report = parseBounce(Buffer.from(raw, 'latin1'))!;
    expect(report.recipients[0]).toMatchObject({
      address: 'nobody@customer.test',
      diagnostic: expect.stringMatching(/User unknown$/),
    });
  });

  it('a delayed DSN is a bounce report, but not a permanent one', () => {
    const report = parseBounce(fixture('delayed-dsn.eml'))!;
    expect(report.permanent).toBe(false);
    expect(report.recipients[0]).toMatchObject({ address: 'slow@customer.test', action: 'delayed', status: '4.4.1' });
    expect(report.originalMessageId).toBe('aaaa0000-1111-4222-8333-944455550000@acme.test');
  });

  it('reads an exim text bounce (no report part)', () => {
    const report = parseBounce(fixture('exim-nonstandard.eml'))!;
    expect(report).toMatchObject({
      kind: 'heuristic',
      permanent: true,
      originalMessageId: 'c0ffee00-1234-4567-89ab-cdef01234567@acme.test',
    });
    expect(report.recipients).toEqual([
      expect.objectContaining({ address: 'olga.petrova@customer.test', action: 'failed', status: '5.1.1' }),
    ]);
    expect(report.recipients[0]!.diagnostic).toContain('550 5.1.1 Mailbox does not exist');
  });

  it('reads a qmail failure notice', () => {
    const report = parseBounce(fixture('qmail-failure-notice.eml'))!;
    expect(report).toMatchObject({
      kind: 'heuristic',
      permanent: true,
      originalMessageId: 'deadbeef-0000-4000-8000-000000000001@acme.test',
    });
    expect(report.recipients.map((r) => r.address)).toEqual(['yossi@customer.test']);
    expect(report.recipients[0]!.status).toBe('5.1.1');
  });

  it('reads an Exchange NDR in plain text', () => {
    const report = parseBounce(fixture('exchange-ndr.eml'))!;
    expect(report).toMatchObject({
      kind: 'heuristic',
      permanent: true,
      originalMessageId: '5a5a5a5a-0000-4000-8000-00000000abcd@acme.test',
    });
    expect(report.recipients.map((r) => r.address)).toEqual(['layla@contoso.test']);
    expect(report.recipients[0]!.status).toBe('5.1.10');
  });

  it('an out-of-office reply and a customer writing about a returned parcel are not bounces', () => {
    expect(parseBounce(fixture('out-of-office.eml'))).toBeNull();
    expect(parseBounce(fixture('customer-mail.eml'))).toBeNull();
  });

  it('survives garbage and deep nesting without throwing', () => {
    expect(parseBounce('')).toBeNull();
    expect(parseBounce('\u0000\u0001 not mail at all')).toBeNull();
    let nested = 'Subject: x\nContent-Type: multipart/mixed; boundary="b0"\n\n';
    for (let i = 1; i < 50; i++) nested += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n`;
    expect(parseBounce(nested)).toBeNull();
  });
});

describe('parseBounce on hostile input (issue 14)', () => {
  // Anyone can send with a null sender and a daemon's From: the body is read like a bounce's.
  const daemon = 'From: Mail Delivery System <mailer-daemon@mx.test>\nSubject: Undelivered Mail Returned to Sender\n\n';
  const shapes: Record<string, (length: number) => string> = {
    '"failed:" then blank lines': (n) => `The following address failed:${'\n '.repeat(n / 2)}!`,
    'recipients without spaces': (n) => `${'recipient'.repeat(n / 9)}@x`,
    'failed to these recipients, then spaces': (n) => `Delivery has failed to these recipients:\n${' '.repeat(n)}!`,
    'a line of dashes': (n) => `${'-'.repeat(n)} x`,
  };
  itIsLinearOnHostileText('parseBounce (body)', (body) => parseBounce(daemon + body), { shapes });
  itIsLinearOnHostileText('parseBounce (From)', (from) =>
    parseBounce(`From: ${from}\nSubject: Undelivered\n\nnothing`),
  );

  it('reads the recipient of a bounce whose text runs on for a megabyte', () => {
    const report = parseBounce(
      `${daemon}The following address failed:\n\n  gone@customer.test\n\n${'padding '.repeat(130_000)}`,
    );
    expect(report?.recipients.map((r) => r.address)).toEqual(['gone@customer.test']);
  });
});
