// The name an attachment is stored and served under. The sender's name is kept beside it for
// display only: it may hold a path ("../../../../etc/passwd"), control characters, bidi overrides
// that reorder what is shown ("invoice\u202Efdp.exe"), a leading dot (a hidden file), a trailing
// dot Windows drops (so "a.html." opens as HTML), a name Windows reserves (CON, NUL), or run to
// thousands of characters. Whatever saves the download must not be steered by any of those.
import { storableText } from '../../db/storable-text.ts';

/** UTF-8 bytes: well under the 255 most file systems allow, with room for "(2)" and the like. */
export const MAX_SAFE_FILENAME_BYTES = 150;
const FALLBACK = 'attachment';

// C0 and C1 controls, zero-width and bidi formatting characters, the byte-order mark.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Characters Windows refuses in a name.
const FORBIDDEN = /[<>:"|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

export function safeFilename(original: string): string {
  const last = storableText(original).split(/[\\/]/).pop() ?? '';
  let name = last.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  name = trimDotsAndSpaces(name);
  if (RESERVED.test(name)) name = `_${name}`;
  return bounded(name, MAX_SAFE_FILENAME_BYTES) || FALLBACK;
}

/** At most `max` UTF-8 bytes, whole characters only; the extension (if short) survives the cut. */
function bounded(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = '';
  let bytes = Buffer.byteLength(extension);
  for (const char of name.slice(0, name.length - extension.length)) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    stem += char;
  }
  return trimDotsAndSpaces(trimDotsAndSpaces(stem) + extension);
}

/** Leading dots hide a file, trailing ones Windows drops; a loop, not /[\s.]+$/, which is quadratic on "....x". */
function trimDotsAndSpaces(name: string): string {
  let end = name.length;
  while (end > 0 && (name[end - 1] === '.' || name[end - 1] === ' ')) end--;
  return name.slice(0, end).replace(/^[\s.]+/, '');
}
