import { describe, expect, it } from 'vitest';
import { cleanJson, findUnstorableText, invalidTextError } from './request-text.ts';

describe('bad text in a request', () => {
  it('finds the first bad value or key and names its JSON path', () => {
    expect(findUnstorableText({ a: 'ok', b: [1, 'fine', { c: 'x\u0000' }] })).toEqual({
      field: 'b.2.c',
      what: 'a NUL character (U+0000)',
      inKey: false,
    });
    expect(findUnstorableText({ customer: { 'na\u0000me': 'A' } })).toEqual({
      field: 'customer.na\\u0000me',
      what: 'a NUL character (U+0000)',
      inKey: true,
    });
    expect(findUnstorableText({ q: '\ud800' })?.field).toBe('q');
    expect(findUnstorableText({ a: 'ok', n: 1, t: true, z: null, list: ['😀'] })).toBeNull();
    expect(findUnstorableText('top\u0000')).toEqual({ field: '', what: 'a NUL character (U+0000)', inKey: false });
  });

  it('cleans every key and string, and drops a key that becomes a prototype key', () => {
    const cleaned = cleanJson({
      'bo\u0000dy': 'a\u0000b',
      list: ['\ud800', 2, null],
      nested: { 'x\udc00': true },
      '__pro\u0000to__': { admin: true },
    }) as Record<string, unknown>;
    expect(cleaned).toEqual({ body: 'ab', list: ['\ufffd', 2, null], nested: { 'x\ufffd': true } });
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
  });

  it('refuses with a catalogued 400 that says what and where', () => {
    const error = invalidTextError('body', { field: 'customer.name', what: 'a NUL character (U+0000)', inKey: false });
    expect(error.toJSON().error).toEqual({
      code: 'request.invalid_text',
      message: '"customer.name" in the body holds a NUL character (U+0000), which cannot be stored; remove it',
      field: 'customer.name',
    });
    expect(error.status).toBe(400);
    expect(
      invalidTextError('query string', { field: 'q\\u0000', what: 'a NUL character (U+0000)', inKey: true }).message,
    ).toMatch(/^A field name in the query string/);
  });
});
