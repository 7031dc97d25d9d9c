import type { FastifyInstance } from 'fastify';
import { KeptError } from '../errors/kept-error.ts';
import { cleanJson, findUnstorableText, invalidTextError } from './request-text.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * JSON bodies are decoded strictly: invalid UTF-8 is refused (never silently replaced), and
 * a syntax error says where it is. Prototype-polluting keys are dropped. Text the store cannot
 * keep (NUL, unpaired surrogates) is refused naming its field — except on the routes that take
 * a customer's own words (`config: CUSTOMER_TEXT`), where it and invalid UTF-8 are cleaned, so
 * the request is kept (request-text.ts has the rule).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  const types = ['application/json', 'application/merge-patch+json'];
  app.addContentTypeParser(types, { parseAs: 'buffer' }, (request, body, done) => {
    const buffer = body as Buffer;
    const clean = request.routeOptions.config?.badText === 'clean';
    let text: string;
    try {
      // Invalid bytes from a customer become U+FFFD: their words are kept, the damage shows.
      text = (clean ? lenientUtf8 : strictUtf8).decode(buffer);
    } catch {
      const at = firstInvalidUtf8Offset(buffer);
      done(
        new KeptError('request.invalid_encoding', `The body is not valid UTF-8 (first bad byte at offset ${at})`),
        undefined,
      );
      return;
    }
    if (text.trim().length === 0) {
      done(new KeptError('request.malformed_json', 'The JSON body is empty'), undefined);
      return;
    }
    // Raw NULs are not valid JSON and the decoded text is well-formed: only an escape can hold bad text.
    const escaped = text.includes('\\u');
    let parsed: unknown;
    try {
      // A reviver costs a call per value on every request; only a body that names one of the keys needs it.
      const risky = escaped || text.includes('__proto__') || text.includes('constructor');
      parsed = risky
        ? JSON.parse(text, (key, value) => (key === '__proto__' || key === 'constructor' ? undefined : value))
        : JSON.parse(text);
    } catch (error) {
      done(
        new KeptError('request.malformed_json', `The body is not valid JSON: ${(error as Error).message}`),
        undefined,
      );
      return;
    }
    if (!escaped) return done(null, parsed);
    if (clean) return done(null, cleanJson(parsed));
    const bad = findUnstorableText(parsed);
    done(bad ? invalidTextError('body', bad) : null, bad ? undefined : parsed);
  });
}

/** Linear scan for the offset to report; the strict decoder has already said the body is bad. */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const extra =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead < 0xe0
          ? 1
          : (lead & 0xf0) === 0xe0
            ? 2
            : lead >= 0xf0 && lead < 0xf5
              ? 3
              : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return i;
}
