import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.ts';

describe('attachmentDisposition', () => {
  it('gives an ASCII name as it is, twice', () => {
    expect(attachmentDisposition('invoice-5.pdf')).toBe(
      `attachment; filename="invoice-5.pdf"; filename*=UTF-8''invoice-5.pdf`,
    );
  });

  it('percent-encodes UTF-8 and the characters RFC 8187 does not allow bare, with an ASCII fallback', () => {
    expect(attachmentDisposition("Договор (копия)'s *.pdf")).toBe(
      `attachment; filename="_______ (_____)'s *.pdf"; filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%20%28%D0%BA%D0%BE%D0%BF%D0%B8%D1%8F%29%27s%20%2A.pdf`,
    );
  });

  it('never lets a quote, backslash, percent sign, line break or unpaired surrogate through', () => {
    const header = attachmentDisposition('a"b\\c%41\r\nX-Evil: 1\ud800.txt');
    expect(header).toBe(
      `attachment; filename="a_b_c_41__X-Evil: 1_.txt"; filename*=UTF-8''a%22b%5Cc%2541%0D%0AX-Evil%3A%201%EF%BF%BD.txt`,
    );
  });
});
