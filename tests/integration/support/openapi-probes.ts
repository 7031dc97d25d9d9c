import crypto from 'node:crypto';
import type { JSONSchema7 } from 'json-schema';
import { sample } from 'openapi-sampler';
import type { IdKind, WorkspaceData } from './factories.ts';

// Reads the API's own OpenAPI document and plans, for every operation, a request aimed at
// each id it carries: enumerated from the document, so a new route is probed without a new test.

type Schema = JSONSchema7 & { example?: unknown };
export type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };
interface OpenApiOperation {
  tags?: string[];
  parameters?: Array<{ in: string; name: string; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Operation {
  method: string;
  path: string;
  /** Portal routes: the caller is a customer holding a signed link, not staff. */
  isPortal: boolean;
  parameters: Array<{ in: string; name: string; schema: Schema }>;
  body: Schema | null;
}

/** What an id-like field names: a row kind, a signed link, or a portal's slug. */
export type FieldKind = IdKind | 'portalToken' | 'expectToken' | 'slug';

export interface IdField {
  in: 'path' | 'query' | 'body';
  /** The field's name, dotted for a nested body field (as the error handler names it). */
  name: string;
  kind: FieldKind | null;
  isArray: boolean;
}

export type Variant = 'own' | 'foreign' | 'random' | 'malformed';

export interface Workspaces {
  a: WorkspaceData & { slug: string };
  b: WorkspaceData & { slug: string };
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      isPortal: (op.tags ?? []).includes('portal'),
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

const COLLECTIONS: Record<string, IdKind> = {
  cases: 'case',
  customers: 'customer',
  promises: 'promise',
  escalations: 'escalation',
  tasks: 'task',
  users: 'user',
  teams: 'team',
  mailboxes: 'mailbox',
  attachments: 'attachment',
  addresses: 'address',
  'canned-replies': 'cannedReply',
  'saved-views': 'savedView',
  imports: 'import',
  tokens: 'apiToken',
};
// The names a field gives the row it points at ("ownerId", "toUserId", "assigneeId" are people).
const NOUNS: Record<string, IdKind> = {
  case: 'case',
  customer: 'customer',
  promise: 'promise',
  escalation: 'escalation',
  task: 'task',
  user: 'user',
  owner: 'user',
  toUser: 'user',
  assignee: 'user',
  team: 'team',
  mailbox: 'mailbox',
  attachment: 'attachment',
  address: 'address',
};

// A bare noun names a row only for these, and only as a string: a body's "address" is an e-mail
// address, its "mailbox" an IMAP folder, and POST /cases's "customer" an object describing one.
const BARE_NOUNS = new Set(['case', 'customer', 'promise', 'escalation', 'task', 'user', 'owner', 'assignee', 'team']);
const isIdLike = (name: string, schema: Schema) =>
  name === 'id' ||
  /Ids?$/.test(name) ||
  (BARE_NOUNS.has(name) && schema.type === 'string') ||
  schema.format === 'uuid' ||
  (schema.items as Schema | undefined)?.format === 'uuid';

function kindOf(op: Operation, name: string, where: IdField['in']): FieldKind | null {
  const leaf = name.split('.').at(-1)!;
  if (op.isPortal && where === 'path') {
    if (leaf === 'slug') return 'slug';
    if (leaf === 'token') return op.path.startsWith('/api/v1/portal/expect/') ? 'expectToken' : 'portalToken';
    if (leaf === 'caseId') return 'portalCase'; // a customer's link opens only that customer's requests
  }
  if (leaf === 'id' && where === 'path') {
    const segments = op.path.split('/');
    return COLLECTIONS[segments[segments.indexOf('{id}') - 1] ?? ''] ?? null;
  }
  return NOUNS[leaf.replace(/Ids?$/, '')] ?? null;
}

function bodyIdFields(op: Operation, schema: Schema | null, prefix: string[] = []): IdField[] {
  if (!schema || typeof schema !== 'object') return [];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])] as Schema[];
  const fields = nested.flatMap((s) => bodyIdFields(op, s, prefix));
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    const path = [...prefix, key];
    if (isIdLike(key, child)) {
      const name = path.join('.');
      fields.push({ in: 'body', name, kind: kindOf(op, name, 'body'), isArray: child.type === 'array' });
    } else fields.push(...bodyIdFields(op, child, path));
  }
  return fields;
}

/** Every id the operation carries: each path parameter, and query and body fields that name a row. */
export function idFieldsOf(op: Operation): IdField[] {
  const fromParameters = op.parameters
    .filter((p) => p.in === 'path' || (p.in === 'query' && isIdLike(p.name, p.schema)))
    .map((p): IdField => {
      const where = p.in as 'path' | 'query';
      return { in: where, name: p.name, kind: kindOf(op, p.name, where), isArray: p.schema.type === 'array' };
    });
  return [...fromParameters, ...bodyIdFields(op, op.body)];
}

/** Objects in a body schema that accept fields the document does not list: an id could travel there unprobed. */
export function openObjectsOf(schema: Schema | null, path = 'body'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const own = schema.type === 'object' && schema.additionalProperties !== false ? [path] : [];
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  const children = properties.flatMap(([key, child]) => openObjectsOf(child, `${path}.${key}`));
  const item = typeof schema.items === 'object' && !Array.isArray(schema.items) ? (schema.items as Schema) : null;
  const items = openObjectsOf(item, `${path}[]`);
  const choices = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])] as Schema[];
  const alternatives = choices.flatMap((s) => openObjectsOf(s, path));
  return [...own, ...children, ...items, ...alternatives];
}

const randomToken = () => {
  const payload = Buffer.from(`${crypto.randomUUID()}.${crypto.randomUUID()}`).toString('base64url');
  return `${payload}.${crypto.randomBytes(32).toString('base64url')}`;
};
/** The caller's own link re-pointed at the other workspace's rows, keeping the caller's signature. */
const repointed = (own: string, other: string) => `${other.split('.')[0]}.${own.split('.')[1]}`;

// The portal's signed links; an API token's row is named by a plain uuid.
const isSignedLink = (kind: FieldKind) => kind === 'portalToken' || kind === 'expectToken';

export function valueFor(kind: FieldKind, variant: Variant, ws: Workspaces): string | null {
  const { a, b } = ws;
  if (variant === 'malformed') return kind === 'slug' ? 'x'.repeat(61) : isSignedLink(kind) ? 'short' : 'not-an-id';
  if (variant === 'random') {
    if (kind === 'slug') return `no-such-${crypto.randomBytes(4).toString('hex')}`;
    return isSignedLink(kind) ? randomToken() : crypto.randomUUID();
  }
  if (kind === 'slug') return variant === 'own' ? a.slug : null; // every portal is public: another's slug is no intrusion
  if (kind === 'portalToken') return variant === 'own' ? a.portalToken : repointed(a.portalToken, b.portalToken);
  if (kind === 'expectToken') return variant === 'own' ? a.expectToken : repointed(a.expectToken, b.expectToken);
  return (variant === 'own' ? a : b).ids[kind];
}

export interface PlannedRequest {
  method: string;
  url: string;
  payload?: unknown;
}

/** A valid request from the schema's examples, every id the caller's own, except `field` set to `value`. */
export function requestFor(op: Operation, ws: Workspaces, now: Date, field?: IdField, value?: string): PlannedRequest {
  const fields = idFieldsOf(op);
  const pick = (f: IdField) => {
    const v = f.in === field?.in && f.name === field.name ? value! : valueFor(f.kind!, 'own', ws)!;
    return f.isArray ? [v] : v;
  };
  let url = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    const f = fields.find((x) => x.in === p.in && x.name === p.name);
    const v = f ? pick(f) : sampleOf(p.schema, now);
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(v)));
    else if (p.in === 'query') query.set(p.name, String(v));
  }
  if (query.size > 0) url += `?${query}`;
  if (!op.body) return { method: op.method, url };
  const payload = sampleOf(op.body, now) as Record<string, unknown>;
  for (const f of fields.filter((x) => x.in === 'body')) setPath(payload, f.name.split('.'), pick(f));
  return { method: op.method, url, payload };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) target[head!] = value;
  else setPath((target[head!] ??= {}) as Record<string, unknown>, rest, value);
}

/**
 * openapi-sampler's example, made acceptable where a fixed sample cannot be: times move to the
 * future (a promise due in 2019 is refused for that), e-mail addresses are made unique.
 */
function sampleOf(schema: Schema, now: Date): unknown {
  const future = new Date(now.getTime() + 3 * 86_400_000).toISOString();
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return future;
    if (v === 'user@example.com') return `probe-${crypto.randomBytes(4).toString('hex')}@example.com`;
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x)]));
    return v;
  };
  return fix(sample(schema, { skipNonRequired: false, quiet: true }));
}
