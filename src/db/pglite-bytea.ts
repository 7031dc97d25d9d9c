// bytea to and from PGlite. PGlite runs in this process, so its work is the event loop's: its
// own codec writes a parameter as hex text through an array of two-character strings per byte,
// and reads one back with a parseInt per byte, ~1 s a megabyte (issue 14: storing one large
// e-mail held every request and SMTP connection that long). Written instead as the bytes
// themselves: PGlite's protocol layer sends a Uint8Array parameter in binary format, and bytea's
// binary input is a copy (4 MB: ~150 ms against ~600 ms as hex text). Read from the text format
// with Node's native hex codec.

/** The bytes, as they are: sent as a binary parameter. */
export function serializeBytea(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return value;
}

/** "\x6869" → the bytes, as a Buffer (a Uint8Array, like PGlite's own answer). */
export function parseBytea(text: string): Buffer {
  return Buffer.from(text.slice(2), 'hex');
}
