import { describe, expect, it } from 'vitest';
import { MAX_SAFE_FILENAME_BYTES, safeFilename } from './safe-filename.ts';

// [the sender's name, the name it is stored and served under]
const CASES: Array<[string, string, string]> = [
  ['an ordinary name', 'invoice.pdf', 'invoice.pdf'],
  ['Cyrillic', 'Договор №5 (копия).pdf', 'Договор №5 (копия).pdf'],
  ['Arabic', 'فاتورة.pdf', 'فاتورة.pdf'],
  ['Hebrew', 'חשבונית 2026.xlsx', 'חשבונית 2026.xlsx'],
  ['an emoji', 'photo 😀.jpg', 'photo 😀.jpg'],
  ['a path', '../../../../etc/passwd', 'passwd'],
  ['a Windows path', '..\\..\\Windows\\system.ini', 'system.ini'],
  ['only a slash', '/', 'attachment'],
  ['only parent folders', '../..', 'attachment'],
  ['a right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
  ['NUL, bell and a line break', 'a\u0000b\u0007c\r\n.txt', 'abc.txt'],
  ['a zero-width space', 'zero\u200bwidth.txt', 'zerowidth.txt'],
  ['an unpaired surrogate', 'half\ud800.txt', 'half\ufffd.txt'],
  ['a leading dot', '.htaccess', 'htaccess'],
  ['leading dots and spaces', ' ...hidden.txt ', 'hidden.txt'],
  ['a trailing dot', 'page.html.', 'page.html'],
  ['characters Windows refuses', 'a<b>c:d"e|f?g*.txt', 'a_b_c_d_e_f_g_.txt'],
  ['a device name', 'CON', '_CON'],
  ['a device name with an extension', 'nul.txt', '_nul.txt'],
  ['a numbered device name', 'lpt1.log', '_lpt1.log'],
  ['a name that only starts like a device', 'console.log', 'console.log'],
];

describe('safeFilename', () => {
  it.each(CASES)('%s', (_what, original, safe) => {
    expect(safeFilename(original)).toBe(safe);
    // Idempotent: a safe name stays as it is.
    expect(safeFilename(safe)).toBe(safe);
  });

  it('bounds the length in bytes, cutting whole characters and keeping the extension', () => {
    const long = safeFilename(`${'я'.repeat(200)}.pdf`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_SAFE_FILENAME_BYTES);
    expect(long).toMatch(/^я+\.pdf$/);
    expect(safeFilename('😀'.repeat(100)).isWellFormed()).toBe(true);
    expect(safeFilename('a'.repeat(1000))).toHaveLength(MAX_SAFE_FILENAME_BYTES);
  });
});
