import { types } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { parseBytea, serializeBytea } from './pglite-bytea.ts';

// The round trip through a real PGlite, a megabyte of it, is in tests/integration/pglite-bytea.test.ts.
describe('bytea for PGlite', () => {
  it('reads the text PGlite reads', () => {
    const theirs = types.parsers[types.BYTEA]!('\\x00017f80feff', types.BYTEA) as Uint8Array;
    expect(parseBytea('\\x00017f80feff')).toEqual(Buffer.from(theirs));
    expect(parseBytea('\\x')).toEqual(Buffer.alloc(0));
  });

  it('writes the bytes themselves, and refuses anything else', () => {
    const bytes = Buffer.from([0, 1, 127, 128, 254, 255]);
    expect(serializeBytea(bytes)).toBe(bytes);
    expect(() => serializeBytea('text')).toThrow(/bytea/);
  });
});
