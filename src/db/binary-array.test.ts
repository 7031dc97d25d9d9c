import { describe, expect, it } from 'vitest';
import { binaryArray } from './binary-array.ts';

describe('binaryArray', () => {
  it('writes the one-dimensional array header and (length, value) per element', () => {
    const b = binaryArray([1, -2], 'int4');
    expect([...b]).toEqual([
      0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 23, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 4, 255, 255, 255,
      254,
    ]);
  });

  it('keeps doubles bit for bit', () => {
    const values = Float64Array.of(0.1 + 0.2, -1e-300, Number.MAX_VALUE);
    const b = binaryArray(values, 'float8');
    expect(b.readInt32BE(8)).toBe(701);
    expect([0, 1, 2].map((i) => b.readDoubleBE(20 + i * 12 + 4))).toEqual([...values]);
  });
});
