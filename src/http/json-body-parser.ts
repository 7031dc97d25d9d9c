import type { FastifyInstance } from 'fastify';
import { KeptError } from '../errors/kept-error.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are decoded strictly: invalid UTF-8 is refused (never silently replaced), and
 * a syntax error says where it is. Prototype-polluting keys are dropped.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'buffer' }, (_request, body, done) => {
    const buffer = body as Buffer;
    let text: string;
    try {
      text = strictUtf8.decode(buffer);
    } catch {
      const at = firstInvalidUtf8Offset(buffer);
      done(new KeptError('request.invalid_encoding', `The body is not valid UTF-8 (first bad byte at offset ${at})`), undefined);
      return;
    }
    if (text.trim().length === 0) {
      done(new KeptError('request.malformed_json', 'The JSON body is empty'), undefined);
      return;
    }
    try {
      // A reviver costs a call per value on every request; only a body that names one of the keys needs it.
      const risky = text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
      done(null, risky ? JSON.parse(text, (key, value) => (key === '__proto__' || key === 'constructor' ? undefined : value)) : JSON.parse(text));
    } catch (error) {
      done(new KeptError('request.malformed_json', `The body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
}

/** Linear scan for the offset to report; the strict decoder has already said the body is bad. */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const extra = lead < 0x80 ? 0 : lead >= 0xc2 && lead < 0xe0 ? 1 : (lead & 0xf0) === 0xe0 ? 2 : lead >= 0xf0 && lead < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return i;
}
