// Number columns as PostgreSQL arrays in the binary wire format, for bulk uploads through
// `pg`: node-postgres sends a Buffer parameter in binary, so the server reads it with the
// array type's receive function (`$1::float8[]`) instead of parsing text. For 695,000 doubles
// that is 0.07 s to build and no text at all, against 0.75 s to print them in Node and 0.7 s
// to parse them in PostgreSQL — per column, per connection. Exact: a double arrives bit for bit.
// PGlite does not take Buffers this way; callers use text arrays there.

const OID = { int4: 23, float8: 701 } as const;

/** A one-dimensional array without nulls: the header, then (length, value) per element. */
export function binaryArray(values: ArrayLike<number>, type: keyof typeof OID): Buffer {
  const n = values.length;
  const width = type === 'float8' ? 8 : 4;
  const buf = Buffer.allocUnsafe(20 + n * (4 + width));
  buf.writeInt32BE(1, 0); // dimensions
  buf.writeInt32BE(0, 4); // no nulls
  buf.writeInt32BE(OID[type], 8);
  buf.writeInt32BE(n, 12);
  buf.writeInt32BE(1, 16); // lower bound
  let o = 20;
  for (let i = 0; i < n; i++) {
    buf.writeInt32BE(width, o);
    if (type === 'float8') buf.writeDoubleBE(values[i] as number, o + 4);
    else buf.writeInt32BE(values[i] as number, o + 4);
    o += 4 + width;
  }
  return buf;
}
