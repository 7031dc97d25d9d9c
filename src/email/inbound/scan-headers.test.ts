import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { addressOf, messageIdOf, messageIdsIn, scanHeaders } from './scan-headers.ts';

describe('scanHeaders', () => {
  it('reads Message-ID, From and Subject from the header block only', () => {
    const raw = Buffer.from(
      'From: "Ann Lee" <Ann@Example.com>\r\nSubject: Hello\r\n there\r\nMessage-ID:\r\n <a1@mail.example.com>\r\n\r\nMessage-ID: <not-this@x>\r\n',
    );
    expect(scanHeaders(raw)).toEqual({
      messageId: 'a1@mail.example.com',
      fromAddress: 'ann@example.com',
      subject: 'Hello there',
      authorHeaders: 'from:"Ann Lee" <Ann@Example.com>\nsubject:Hello there\nmessage-id:<a1@mail.example.com>',
      bodyOffset: raw.indexOf('\r\n\r\n') + 4,
    });
  });
  it('finds nothing rather than failing on garbage', () => {
    expect(scanHeaders(Buffer.from([0, 255, 13, 10, 58, 0]))).toEqual({
      messageId: null,
      fromAddress: null,
      subject: null,
      authorHeaders: '',
      bodyOffset: null,
    });
    expect(scanHeaders(Buffer.from('Message-ID: <a\u0000b@x>\n\n'))).toMatchObject({ messageId: null });
  });
  it('keeps a subject with a raw NUL, without the NUL (the store refuses NUL in text)', () => {
    expect(scanHeaders(Buffer.from('Subject: Order\u0000 42\r\n\r\nbody', 'latin1')).subject).toBe('Order 42');
  });
  it('collects every id of References', () => {
    expect(messageIdsIn('<a@x> <b@y>\r\n <c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(messageIdsIn(['<a@x>', '<b@y>'])).toEqual(['a@x', 'b@y']);
    expect(messageIdsIn('bare@id')).toEqual(['bare@id']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});

describe('hostile headers (issue 14)', () => {
  it('still finds a bare address after a long word', () => {
    expect(addressOf(`${'x'.repeat(5_000)} ann@example.com`)).toBe('ann@example.com');
  });
  itIsLinearOnHostileText('addressOf', addressOf);
  itIsLinearOnHostileText('messageIdOf', messageIdOf);
  itIsLinearOnHostileText('messageIdsIn', messageIdsIn);
  itIsLinearOnHostileText('scanHeaders (From)', (from) =>
    scanHeaders(Buffer.from(`From: ${from}\r\nSubject: x\r\n\r\nbody`)),
  );
});
