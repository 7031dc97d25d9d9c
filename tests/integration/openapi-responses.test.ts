import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, seedEveryKind, type TestWorkspace } from './support/factories.ts';
import { operationsOf, requestFor, type OpenApiDocument, type Workspaces } from './support/openapi-probes.ts';

// Issue 19 item 7: the OpenAPI document and src/contract cannot drift apart. Every operation
// declares a schema for its success status, and real answers over demo-like data (one row of
// every kind, made through the API) are held to the document with Ajv — not to the zod schemas
// the server serializes with, so a transform that loses something on its way to the document shows.

type Schema = Record<string, unknown>;
interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
type Doc = OpenApiDocument & {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
};

// ajv-formats is CommonJS: its default export arrives wrapped under vitest's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
// `nullable` (OpenAPI 3.0) is one of Ajv's own keywords; `example` is documentation only.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addKeyword('example');
const compiled = new Map<string, ValidateFunction>();

/** Writes that reach the network (an IMAP login to a sampled host): checked with a body of our own below. */
const NOT_WALKED = new Set([
  'POST /api/v1/email/mailboxes/test',
  'POST /api/v1/email/mailboxes',
  'POST /api/v1/imports',
]);

describeOnEachStore('responses against the OpenAPI document', (kept, run) => {
  const loadDoc = async () => (await kept().app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;

  run('every operation declares a schema for a success status and the shared error body', async () => {
    const doc = await loadDoc();
    const lacking: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const responses = op.responses ?? {};
        const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        // A 204 documents "no body" by having no content; every other success names its body.
        const described = success.some(([status, r]) => status === '204' || Object.keys(r.content ?? {}).length > 0);
        if (!described) lacking.push(`${method.toUpperCase()} ${path}: no success response schema`);
        const error = responses['500']?.content?.['application/json']?.schema;
        if (!error) lacking.push(`${method.toUpperCase()} ${path}: no error body for 500`);
      }
    }
    expect(lacking).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(60);
  });

  run('real answers of a walk over every operation match the document', async () => {
    const doc = await loadDoc();
    const ws = await createTestWorkspace(kept());
    const data = await seedEveryKind(kept(), ws);
    const workspaces: Workspaces = { a: { ...data, slug: ws.slug }, b: { ...data, slug: ws.slug } };
    const mismatches: string[] = [];
    const successes: string[] = [];
    const check = (method: string, path: string, response: LightMyRequestResponse) => {
      const where = `${method} ${path} → ${response.statusCode}`;
      const declared = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(response.statusCode)];
      if (!declared) {
        // An error status a route does not list is allowed (sent as is); a success is not.
        if (response.statusCode < 300) mismatches.push(`${where}: status not in the document`);
        return;
      }
      if (response.statusCode < 300) successes.push(`${method} ${path}`);
      const schema = declared.content?.['application/json']?.schema;
      if (!schema) return; // 204, or a download
      const key = `${method} ${path} ${response.statusCode}`;
      let validate = compiled.get(key);
      if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
      let body: unknown;
      try {
        body = response.json();
      } catch {
        mismatches.push(`${where}: not JSON (${JSON.stringify(response.body.slice(0, 80))})`);
        return;
      }
      if (!validate(body)) mismatches.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    };

    const operations = operationsOf(doc).filter((op) => !NOT_WALKED.has(`${op.method} ${op.path}`));
    // Reads first, then writes, deletions last: a deleted row would turn later requests into 404s.
    const order = (method: string) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].indexOf(method);
    operations.sort((x, y) => order(x.method) - order(y.method));
    for (const op of operations) {
      const planned = requestFor(op, workspaces, kept().clock.now());
      const as = op.isPortal ? null : ws.admin;
      let response = await ws.request(as, {
        method: planned.method as 'GET',
        url: planned.url,
        ...(planned.payload !== undefined ? { payload: planned.payload as object } : {}),
      });
      // Sampled query values can contradict each other (from = to); a read's defaults cannot.
      if (op.method === 'GET' && response.statusCode === 400 && planned.url.includes('?')) {
        check(op.method, op.path, response);
        response = await ws.request(as, { method: 'GET', url: planned.url.split('?')[0]! });
      }
      expect(response.statusCode, `${op.method} ${op.path}: ${response.body}`).toBeLessThan(500);
      check(op.method, op.path, response);
    }
    await walkTheRest(ws, check);

    expect(mismatches).toEqual([]);
    // Every read answers with data, and most writes succeed with sampled bodies.
    const reads = operations.filter((op) => op.method === 'GET').map((op) => `GET ${op.path}`);
    expect(reads.filter((read) => !successes.includes(read))).toEqual([]);
    expect(new Set(successes).size).toBeGreaterThanOrEqual(45);
  });
});

/** The writes the generic walk leaves out, and the minimal answers, with bodies of our own. */
async function walkTheRest(
  ws: TestWorkspace,
  check: (method: string, path: string, response: LightMyRequestResponse) => void,
): Promise<void> {
  const minimal = await ws.request(ws.agentEn, {
    method: 'POST',
    url: '/api/v1/cases',
    headers: { prefer: 'return=minimal' },
    payload: {
      customer: { name: 'Mina Minimal', phone: '+972 3 555 0100' },
      channel: 'phone',
      body: 'Only the ids, please',
    },
  });
  expect(minimal.json(), minimal.body).toHaveProperty('messageId');
  check('POST', '/api/v1/cases', minimal);
  const imap = { host: '127.0.0.1', port: 1, secure: false, username: 'u', password: 'p', skipTest: true };
  check(
    'POST',
    '/api/v1/email/mailboxes',
    await ws.request(ws.admin, { method: 'POST', url: '/api/v1/email/mailboxes', payload: imap }),
  );
  const csv = 'customer_id,date,amount\nc-1,2026-01-05,20\nc-1,2026-03-01,35\nc-2,2026-02-10,12\n';
  const upload = await ws.request(ws.admin, {
    method: 'POST',
    url: '/api/v1/imports?format=csv',
    payload: csv,
    headers: { 'content-type': 'text/csv' },
  });
  check('POST', '/api/v1/imports', upload);
  const refused = await ws.request(null, { method: 'GET', url: '/api/v1/cases' });
  expect(refused.statusCode).toBe(401);
  check('GET', '/api/v1/cases', refused);
}
