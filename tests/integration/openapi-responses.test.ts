import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/kept-config.ts';
import { openStore } from '../../src/db/open-database.ts';
import { seedDemoCompany } from '../../src/demo/seed-demo-company.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { RecordingTimers } from '../../src/kernel/desk-context.ts';
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
  // A stream that never ends (Server-Sent Events): tests/integration/live-desk.test.ts reads it.
  'GET /api/v1/live',
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
    const { check, mismatches, successes } = checkerOf(doc);

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
    // A survey link needs a sent survey (tests/integration/surveys.test.ts answers one); here it is refused.
    const reads = operations
      .filter((op) => op.method === 'GET' && op.path !== '/api/v1/portal/survey/{token}')
      .map((op) => `GET ${op.path}`);
    expect(reads.filter((read) => !successes.includes(read))).toEqual([]);
    expect(new Set(successes).size).toBeGreaterThanOrEqual(45);
  });
});

// The demo company as `kept demo` seeds it (stories, four languages, a shop history, fitted
// models) on the embedded store: every read of the document, and each case and customer page.
describe('the demo company’s answers against the OpenAPI document', () => {
  const NOW = new Date('2025-06-15T12:00:00Z');
  it('match on every list, report and detail page', { timeout: 600_000 }, async () => {
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'kept-openapi-demo-'));
    const store = await openStore({ databaseUrl: null, dataDir: dir });
    try {
      const password = 'demo-password-123';
      await seedDemoCompany(store, { customers: 40, password, now: NOW, publicUrl: 'http://kept.test' });
      const ctx = { db: store.db, timers: new RecordingTimers(), now: () => NOW, publicUrl: 'http://kept.test' };
      const config = readConfig({}, { databaseUrl: null, runJobs: false, logLevel: 'silent' });
      const app = await buildApp({ ctx, store, config, jobsHealthy: () => true });
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin@demo.kept.test', password },
      });
      expect(login.statusCode, login.body).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const { check, mismatches } = checkerOf(doc);
      const get = async (path: string, url = path) => {
        const response = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
        check('GET', path, response);
        return response.json();
      };
      for (const op of operationsOf(doc)) {
        const needsQuery = op.parameters.some((p) => p.in === 'query' && (p as { required?: boolean }).required);
        const walked = !NOT_WALKED.has(`GET ${op.path}`);
        if (op.method === 'GET' && walked && !op.path.includes('{') && !needsQuery) await get(op.path);
      }
      const { cases } = await get('/api/v1/cases', '/api/v1/cases?view=all');
      for (const c of cases.slice(0, 40) as Array<{ id: string; customer: { id: string } }>) {
        await get('/api/v1/cases/{id}', `/api/v1/cases/${c.id}`);
        await get('/api/v1/promises/quote', `/api/v1/promises/quote?caseId=${c.id}&kind=resolution`);
        await get('/api/v1/customers/{id}', `/api/v1/customers/${c.customer.id}`);
        await get('/api/v1/retention/customers/{id}/risk', `/api/v1/retention/customers/${c.customer.id}/risk`);
      }
      expect(cases.length).toBeGreaterThan(10);
      expect(mismatches).toEqual([]);
      await app.close();
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

type Check = (method: string, path: string, response: LightMyRequestResponse) => void;

/** Holds answers to the document: `check` notes each mismatch, and each success it saw. */
function checkerOf(doc: Doc): { check: Check; mismatches: string[]; successes: string[] } {
  const mismatches: string[] = [];
  const successes: string[] = [];
  const check: Check = (method: string, path: string, response: LightMyRequestResponse) => {
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

  return { check, mismatches, successes };
}

/** The writes the generic walk leaves out, and the minimal answers, with bodies of our own. */
async function walkTheRest(ws: TestWorkspace, check: Check): Promise<void> {
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
