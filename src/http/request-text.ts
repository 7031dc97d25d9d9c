// Text in a request that the store cannot keep (storable-text.ts): a NUL, or an unpaired
// surrogate. A JSON body can only carry them as escapes ("\u0000", "\ud800": the bytes are
// decoded strictly), a URL as "%00".
//
// The rule, one for every route:
// - What a customer writes on the public portal is CLEANED — NUL dropped, an unpaired surrogate
//   replaced by U+FFFD — and accepted. A customer in a browser cannot act on an error about
//   invisible characters, and their request must never be lost. Those routes say so with
//   `config: CUSTOMER_TEXT`.
// - Everything else — staff and API bodies, the setup and login forms, and the query string and
//   path of every URL — is REFUSED with 400 `request.invalid_text` naming the field (its JSON
//   path). The caller is a program or a person at a desk who can fix it, and staff data
//   (passwords, names, settings, ids) is never changed silently: invalid UTF-8 is refused too.
import type { FastifyInstance } from 'fastify';
import { storableText, unstorableCharacter } from '../db/storable-text.ts';
import { KeptError } from '../errors/kept-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'clean': the route takes a customer's own words, cleaned rather than refused. */
    badText?: 'clean';
  }
}

/** Route config of the routes that take what a customer writes. */
export const CUSTOMER_TEXT = { badText: 'clean' } as const;

// Keys the JSON parser drops (prototype pollution); a key that only becomes one once cleaned too.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor']);

/** A parsed JSON value with every key and string made storable. */
export function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const cleanKey = storableText(key);
    if (!FORBIDDEN_KEYS.has(cleanKey)) out[cleanKey] = cleanJson(inner);
  }
  return out;
}

export interface UnstorableText {
  /** The path as the error handler names fields ("customer.name", "items.0"), escapes visible. */
  field: string;
  /** What is wrong, in words: "a NUL character (U+0000)". */
  what: string;
  /** Whether the bad text is a key (a field name) rather than a value. */
  inKey: boolean;
}

/** The first key or string the store cannot keep, depth first; null when there is none. */
export function findUnstorableText(value: unknown, path: readonly string[] = []): UnstorableText | null {
  if (typeof value === 'string') {
    const what = unstorableCharacter(value);
    return what ? { field: path.join('.'), what, inKey: false } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, inner] of entries) {
    const inKey = unstorableCharacter(key);
    if (inKey) return { field: [...path, visible(key)].join('.'), what: inKey, inKey: true };
    const found = findUnstorableText(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A key as it would be written in JSON, so the invisible character shows ("na\u0000me"). */
const visible = (key: string) => JSON.stringify(key).slice(1, -1);

export function invalidTextError(where: 'body' | 'query string' | 'path', found: UnstorableText): KeptError {
  const message = found.inKey
    ? `A field name in the ${where} ("${found.field}") holds ${found.what}, which cannot be stored; remove it`
    : `"${found.field}" in the ${where} holds ${found.what}, which cannot be stored; remove it`;
  return new KeptError('request.invalid_text', message, { field: found.field });
}

/**
 * The query string and path parameters of every route are checked before validation: they name
 * things (ids, slugs, a search), so bad text there is refused on every route, the portal's too.
 */
export function installUrlTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const inQuery = findUnstorableText(request.query);
    if (inQuery) throw invalidTextError('query string', inQuery);
    const inPath = findUnstorableText(request.params);
    if (inPath) throw invalidTextError('path', inPath);
  });
}
