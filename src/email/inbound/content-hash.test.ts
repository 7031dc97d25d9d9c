import { describe, expect, it } from 'vitest';
import { contentSha256 } from './content-hash.ts';
import { scanHeaders } from './scan-headers.ts';

const hash = (raw: string) => {
  const bytes = Buffer.from(raw, 'latin1');
  return contentSha256(bytes, scanHeaders(bytes));
};
const message =
  'From: Ann <ann@x.test>\r\nTo: support@acme.test\r\nSubject: Kettle\r\nMessage-ID: <k1@x.test>\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n\r\nIt stopped working.\r\n';

describe('the content of a message', () => {
  it('is the same for a copy that took another path: trace headers added, headers refolded', () => {
    expect(
      hash(
        `Received: from mx2.x.test by mx.acme.test; Tue, 3 Mar 2026 10:01:00 +0000\r\nReturn-Path: <ann@x.test>\r\n${message}`,
      ),
    ).toBe(hash(message));
    expect(hash(message.replace('X-Spam: no\r\n', ''))).toBe(
      hash(`X-Spam-Score: 1.2\r\nDelivered-To: support@acme.test\r\n${message}`),
    );
    expect(hash(message.replace('Subject: Kettle', 'Subject:\r\n  Kettle'))).toBe(hash(message));
  });

  it('differs when the author wrote something else: the body, the subject, the sender', () => {
    expect(hash(message.replace('It stopped', 'It started'))).not.toBe(hash(message));
    expect(hash(message.replace('Subject: Kettle', 'Subject: Toaster'))).not.toBe(hash(message));
    expect(hash(message.replace('From: Ann', 'From: Bob'))).not.toBe(hash(message));
  });

  it('is the bytes when no end of the header block is found', () => {
    expect(hash('garbage without a blank line')).not.toBe(hash('garbage without a blank line!'));
  });
});
