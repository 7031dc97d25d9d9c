import { describe, expect, it } from 'vitest';
import { TEXT_BOUNDS } from '../../language/index.ts';
import { parseEmail } from './parse-email.ts';

const message = (headers: string, body = 'hello') =>
  Buffer.from(`From: Ann <ann@x.test>\r\nMessage-ID: <m1@x.test>\r\n${headers}\r\n\r\n${body}`);

describe('parseEmail on hostile input (issue 14)', () => {
  // Whole, mailparser spent ~1.3 s of one synchronous stretch on these addresses.
  it('reads a To of 66,000 addresses (a megabyte) only as far as its bound', async () => {
    const to = Array.from({ length: 66_000 }, (_, i) => `u${i}@x.test`).join(', ');
    const parsed = await parseEmail(message(`To: ${to}\r\nSubject: many`));
    expect(parsed.recipients.length).toBeGreaterThan(500);
    expect(parsed.recipients.length).toBeLessThan(2_000);
    expect(parsed.recipients[0]).toBe('u0@x.test');
    // Everything else in the header is still read.
    expect(parsed).toMatchObject({ subject: 'many', messageId: 'm1@x.test', from: { address: 'ann@x.test' } });
    expect(parsed.text).toBe('hello');
    // The same with bare line feeds.
    const lf = message(`To: ${to}\r\nSubject: many`).toString('latin1').replace(/\r\n/g, '\n');
    const bare = await parseEmail(Buffer.from(lf, 'latin1'));
    expect(bare).toMatchObject({ subject: 'many', text: 'hello', recipients: parsed.recipients });
  });

  it('reads a 200 KB subject (as far as its bound) and a megabyte line whole', async () => {
    const subject = 's'.repeat(200_000);
    const parsed = await parseEmail(message(`To: s@k.test\r\nSubject: ${subject}`, 'x'.repeat(1_000_000)));
    expect(parsed.subject?.length).toBeGreaterThan(10_000);
    expect(parsed.subject?.length).toBeLessThanOrEqual(TEXT_BOUNDS.headerFieldBytes);
    expect(parsed.text?.length).toBe(1_000_000);
  });

  it('reads MIME nested 200 deep, and one nested past the parser’s limit leniently', async () => {
    const nested = (depth: number) => {
      let body = 'Content-Type: text/plain\r\n\r\nhello deep\r\n';
      for (let i = depth; i > 0; i--) {
        body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
      }
      return Buffer.from(`From: ann@x.test\r\nTo: s@k.test\r\nSubject: deep\r\nMIME-Version: 1.0\r\n${body}`);
    };
    expect((await parseEmail(nested(200))).text).toBe('hello deep');
    const deeper = await parseEmail(nested(1_200));
    expect(deeper.subject).toBe('deep');
    expect(deeper.text).toContain('hello deep');
  });
});
