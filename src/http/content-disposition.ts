// Content-Disposition for a download (RFC 6266): `filename` is a plain-ASCII fallback for old
// clients, `filename*` the exact name in UTF-8 (RFC 8187, formerly 5987). Only attr-chars stay
// as they are there; encodeURIComponent leaves ' ( ) * alone, which that grammar does not allow.
import { storableText } from '../db/storable-text.ts';

const percentEncoded = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

export function attachmentDisposition(filename: string): string {
  // Quotes and backslashes would end or escape the quoted string; % is decoded by some clients.
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // A well-formed string: encodeURIComponent throws on an unpaired surrogate.
  const exact = encodeURIComponent(storableText(filename)).replace(/['()*]/g, percentEncoded);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
