import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse, PortalSessionResponse } from '../../src/contract/api-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// Text the store cannot keep — NUL (U+0000) and unpaired surrogates, written as JSON escapes
// or percent-encoded in a URL — never makes a route answer 500. The customer's portal requests
// are cleaned and accepted (never lost); staff and API bodies and every URL are refused with a
// 400 naming the field (src/http/request-text.ts says why). The bad pieces, as JSON escapes
// (so the body itself is valid UTF-8 and valid JSON).
const BAD = [
  { name: 'NUL', escaped: 'Where\\u0000 is it', cleaned: 'Where is it' },
  { name: 'lone high surrogate', escaped: 'Where \\ud800is it', cleaned: 'Where \ufffdis it' },
  { name: 'lone low surrogate', escaped: 'Where is it \\udc00x', cleaned: 'Where is it \ufffdx' },
] as const;

const jsonBody = (fields: Record<string, string>) =>
  `{${Object.entries(fields)
    .map(([k, v]) => `"${k}":"${v}"`)
    .join(',')}}`;

// Every kind of bad input gets a clear 4xx that says what and where — never a 500.
describe.each<StoreKind>(['pglite', 'postgres'])('bad input on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    ws = await createTestWorkspace(kept);
  });

  const post = (url: string, payload: string | Buffer, contentType = 'application/json') =>
    ws.request(ws.agentEn, { method: 'POST', url, payload, headers: { 'content-type': contentType } });

  run('malformed JSON is a 400 saying so', async () => {
    const r = await post('/api/v1/cases', '{"channel": "web", "body": ');
    expect(r.statusCode).toBe(400);
    expect(json(r).error.code).toBe('request.malformed_json');
    expect(json(r).error.message).toMatch(/not valid JSON/);
  });

  run('an empty JSON body is a 400', async () => {
    const r = await post('/api/v1/cases', '');
    expect(r.statusCode).toBe(400);
  });

  run('unknown fields are refused by name', async () => {
    const r = await post(
      '/api/v1/cases',
      JSON.stringify({ customer: { name: 'A', email: 'a@example.com' }, channel: 'web', body: 'hi', isVip: true }),
    );
    expect(r.statusCode).toBe(400);
    expect(json(r).error).toMatchObject({ code: 'request.invalid', field: 'isVip' });
    expect(json(r).error.message).toMatch(/Unknown field "isVip"/);
  });

  run('a nested invalid field is named with its path', async () => {
    const r = await post(
      '/api/v1/cases',
      JSON.stringify({ customer: { name: 'A', email: 'not-an-email' }, channel: 'web', body: 'hi' }),
    );
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('customer.email');
  });

  run('an oversized body is a 413', async () => {
    const r = await post(
      '/api/v1/cases',
      JSON.stringify({ customer: { name: 'A', email: 'a@example.com' }, channel: 'web', body: 'x'.repeat(1_100_000) }),
    );
    expect(r.statusCode).toBe(413);
    expect(json(r).error.code).toBe('request.too_large');
  });

  run('a message over the length limit is a 400 naming the field', async () => {
    const r = await post(
      '/api/v1/cases',
      JSON.stringify({ customer: { name: 'A', email: 'a@example.com' }, channel: 'web', body: 'x'.repeat(25_000) }),
    );
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('body');
  });

  run('invalid UTF-8 is refused, not silently replaced', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"customer":{"name":"A'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('","email":"a@example.com"},"channel":"web","body":"hi"}'),
    ]);
    const r = await post('/api/v1/cases', bytes);
    expect(r.statusCode).toBe(400);
    expect(json(r).error.code).toBe('request.invalid_encoding');
    expect(json(r).error.message).toMatch(/offset 22/);
  });

  run('a body that is not JSON is a 415', async () => {
    const r = await post('/api/v1/cases', 'channel=web', 'application/x-www-form-urlencoded');
    expect(r.statusCode).toBe(415);
  });

  run('an id that is not a UUID is a 400 naming the parameter', async () => {
    const r = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases/42' });
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('id');
  });

  run('an unknown query parameter is a 400', async () => {
    const r = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases?view=open&sort=desc' });
    expect(r.statusCode).toBe(400);
  });

  run('an unknown case is a 404, not a 500', async () => {
    const r = await ws.request(ws.agentEn, {
      method: 'GET',
      url: '/api/v1/cases/00000000-0000-4000-8000-000000000000',
    });
    expect(r.statusCode).toBe(404);
    expect(json(r).error.code).toBe('not_found');
  });

  run('script tags in names and messages are stored as text, exactly as written', async () => {
    const name = '<script>alert("name")</script>Mallory';
    const body = '<img src=x onerror="alert(1)"><script>document.cookie</script> please help';
    const r = await post(
      '/api/v1/cases',
      JSON.stringify({ customer: { name, email: `m-${Math.random()}@example.com` }, channel: 'web', body }),
    );
    expect(r.statusCode).toBe(201);
    const detail = json<CaseDetailResponse>(r);
    expect(detail.customer.name).toBe(name);
    expect(detail.timeline.find((i) => i.kind === 'message')?.message?.body).toBe(body);
    expect(r.headers['content-type']).toMatch(/application\/json/);
  });

  run('a transition to a status that does not exist is a 400', async () => {
    const created = json<CaseDetailResponse>(
      await post(
        '/api/v1/cases',
        JSON.stringify({
          customer: { name: 'B', email: `b-${Math.random()}@example.com` },
          channel: 'web',
          body: 'hello',
        }),
      ),
    );
    const r = await post(`/api/v1/cases/${created.case.id}/transitions`, JSON.stringify({ to: 'teleported' }));
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('to');
  });

  run('a promise due in the past is refused with the field', async () => {
    const created = json<CaseDetailResponse>(
      await post(
        '/api/v1/cases',
        JSON.stringify({
          customer: { name: 'C', email: `c-${Math.random()}@example.com` },
          channel: 'web',
          body: 'hello',
        }),
      ),
    );
    const r = await post(
      `/api/v1/cases/${created.case.id}/promises`,
      JSON.stringify({ kind: 'callback', channel: 'phone', dueAt: '2001-01-01T00:00:00Z', description: 'call back' }),
    );
    expect(r.statusCode).toBe(422);
    expect(json(r).error.field).toBe('dueAt');
  });

  const send = (as: TestWorkspace['admin'] | null, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: string) =>
    ws.request(as, { method, url, payload, headers: { 'content-type': 'application/json' } });
  const email = () => `c-${Math.random().toString(36).slice(2)}@example.com`;

  async function portalCase(): Promise<{ token: string; caseId: string }> {
    const created = await send(
      null,
      'POST',
      `/api/v1/portal/${ws.slug}/requests`,
      JSON.stringify({ name: 'Nadia', email: email(), body: 'My parcel is late.' }),
    );
    expect(created.statusCode).toBe(201);
    const token = json(created).portalToken as string;
    const session = json<PortalSessionResponse>(
      await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${token}` }),
    );
    return { token, caseId: session.cases[0]!.id };
  }

  for (const bad of BAD) {
    run(`the portal cleans a ${bad.name} in a new request and keeps the request`, async () => {
      const r = await send(
        null,
        'POST',
        `/api/v1/portal/${ws.slug}/requests`,
        jsonBody({ name: `Nadia ${bad.escaped}`, email: email(), subject: bad.escaped, body: bad.escaped }),
      );
      expect(r.statusCode, r.body).toBe(201);
      const session = json<PortalSessionResponse>(
        await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${json(r).portalToken}` }),
      );
      expect(session.customer.name).toBe(`Nadia ${bad.cleaned}`);
      expect(session.cases[0]!.subject).toBe(bad.cleaned);
      expect(session.cases[0]!.messages[0]!.body).toBe(bad.cleaned);
    });

    run(`the portal cleans a ${bad.name} in a follow-up and a supervisor request`, async () => {
      const { token, caseId } = await portalCase();
      const more = await send(
        null,
        'POST',
        `/api/v1/portal/session/${token}/cases/${caseId}/messages`,
        jsonBody({ body: bad.escaped }),
      );
      expect(more.statusCode, more.body).toBe(201);
      expect(json(more).messages.map((m: { body: string }) => m.body)).toContain(bad.cleaned);
      const supervisor = await send(
        null,
        'POST',
        `/api/v1/portal/session/${token}/cases/${caseId}/supervisor`,
        jsonBody({ reason: bad.escaped }),
      );
      expect(supervisor.statusCode, supervisor.body).toBe(201);
      expect(json(supervisor).supervisorRequested).toBe(true);
    });

    run(`staff bodies with a ${bad.name} are refused with 400 naming the JSON path`, async () => {
      const c = await send(
        ws.agentEn,
        'POST',
        '/api/v1/cases',
        `{"customer":{"name":"${bad.escaped}","email":"${email()}"},"channel":"web","body":"hi"}`,
      );
      expect(c.statusCode, c.body).toBe(400);
      expect(json(c).error).toMatchObject({ code: 'request.invalid_text', field: 'customer.name' });
      expect(json(c).error.message).toMatch(
        /"customer\.name" in the body holds (a NUL character|an unpaired surrogate)/,
      );
      const created = json<CaseDetailResponse>(
        await send(
          ws.agentEn,
          'POST',
          '/api/v1/cases',
          JSON.stringify({ customer: { name: 'Bo', email: email() }, channel: 'web', body: 'hi' }),
        ),
      );
      const reply = await send(
        ws.agentEn,
        'POST',
        `/api/v1/cases/${created.case.id}/messages`,
        jsonBody({ direction: 'outbound', channel: 'email', body: bad.escaped }),
      );
      expect(reply.statusCode).toBe(400);
      expect(json(reply).error).toMatchObject({ code: 'request.invalid_text', field: 'body' });
      const team = await send(ws.admin, 'POST', '/api/v1/teams', jsonBody({ name: bad.escaped }));
      expect(json(team).error).toMatchObject({ code: 'request.invalid_text', field: 'name' });
      const user = await send(ws.admin, 'PATCH', `/api/v1/users/${ws.agentRu.id}`, jsonBody({ name: bad.escaped }));
      expect(json(user).error).toMatchObject({ code: 'request.invalid_text', field: 'name' });
      const login = await send(
        null,
        'POST',
        '/api/v1/auth/login',
        jsonBody({ email: ws.admin.email, password: bad.escaped }),
      );
      expect(json(login).error).toMatchObject({ code: 'request.invalid_text', field: 'password' });
    });
  }

  run('a subject cut from a long first line never splits an emoji in two', async () => {
    const body = `${'a'.repeat(199)}😀 and more\nsecond line`;
    const r = await send(
      null,
      'POST',
      `/api/v1/portal/${ws.slug}/requests`,
      JSON.stringify({ name: 'Nadia', email: email(), body }),
    );
    expect(r.statusCode, r.body).toBe(201);
    const session = json<PortalSessionResponse>(
      await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${json(r).portalToken}` }),
    );
    expect(session.cases[0]!.subject).toBe('a'.repeat(199));
  });

  run('a NUL inside a key: cleaned on the portal, refused by name on staff routes', async () => {
    const portal = await send(
      null,
      'POST',
      `/api/v1/portal/${ws.slug}/requests`,
      `{"name":"Nadia","em\\u0000ail":"${email()}","bo\\u0000dy":"Still waiting"}`,
    );
    expect(portal.statusCode, portal.body).toBe(201);
    const staff = await send(
      ws.agentEn,
      'POST',
      '/api/v1/cases',
      `{"customer":{"na\\u0000me":"A","email":"${email()}"},"channel":"web","body":"hi"}`,
    );
    expect(staff.statusCode).toBe(400);
    expect(json(staff).error).toMatchObject({ code: 'request.invalid_text', field: 'customer.na\\u0000me' });
    expect(json(staff).error.message).toMatch(/field name/);
  });

  run('a body nested 200,000 deep with an escape is a 400 on staff and portal routes, not a 500', async () => {
    const deep = (inner: string) => `${'['.repeat(200_000)}${inner}${']'.repeat(200_000)}`;
    for (const inner of ['"\\u0000"', '"\\u0041"']) {
      for (const [as, url] of [
        [ws.agentEn, '/api/v1/cases'],
        [null, `/api/v1/portal/${ws.slug}/requests`],
      ] as const) {
        const r = await send(as, 'POST', url, deep(inner));
        expect(r.statusCode, `${url} ${inner}: ${r.body}`).toBe(400);
        expect(json(r).error.code).toBe('request.malformed_json');
      }
    }
  });

  run('query strings and path parameters with NUL are a 400 naming the parameter', async () => {
    for (const [url, field, as] of [
      ['/api/v1/customers?q=%00', 'q', ws.agentEn],
      ['/api/v1/cases?view=all&q=a%00b', 'q', ws.agentEn],
      [`/api/v1/portal/x%00y/info`, 'slug', null],
      ['/api/v1/portal/session/abcdefghij%00kl', 'token', null],
    ] as const) {
      const r = await ws.request(as, { method: 'GET', url });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(400);
      expect(json(r).error, url).toMatchObject({ code: 'request.invalid_text', field });
    }
    for (const url of ['/api/v1/cases?view=all&q=%ED%A0%80', '/api/v1/customers?q=%C3%28', '/api/v1/customers?q=%FF']) {
      expect((await ws.request(ws.agentEn, { method: 'GET', url })).statusCode, url).toBeLessThan(500);
    }
    // A path whose %-escapes are not UTF-8 is refused by the router, in the catalogue's shape.
    const badPath = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases/%E0%A4' });
    expect(badPath.statusCode).toBe(400);
    expect(json(badPath).error).toMatchObject({ code: 'request.invalid_encoding' });
  });

  run('no API route answers 500 to bad text in its body, query or path, signed in or not', async () => {
    const routes = (kept.app as unknown as { keptApiRoutes: Array<{ method: string; url: string }> }).keptApiRoutes;
    const { token, caseId } = await portalCase();
    const fill = (url: string, bad: boolean) =>
      url
        .replace(/:token/g, bad ? `${token}%00` : token)
        .replace(/:caseId/g, bad ? 'x%00' : caseId)
        .replace(/:slug/g, bad ? 'a%00' : ws.slug)
        .replace(/:[a-zA-Z]+/g, bad ? 'x%00' : '00000000-0000-4000-8000-000000000000');
    const bodies = [`{"x\\u0000":"\\ud800"}`, `{"body":"\\udc00x","name":"\\u0000","reason":"\\ud800"}`];
    const answered: string[] = [];
    for (const route of routes) {
      for (const as of [null, ws.admin]) {
        // Signed in, the live stream never ends (Server-Sent Events): live-desk.test.ts covers it.
        if (as && route.method === 'GET' && route.url === '/api/v1/live') continue;
        const withBody = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
        const tries = withBody
          ? bodies.map((payload) => ({ url: fill(route.url, false), payload }))
          : [
              { url: `${fill(route.url, false)}?q=%00`, payload: undefined },
              { url: fill(route.url, true), payload: undefined },
            ];
        for (const t of tries) {
          const r = await ws.request(as, {
            method: route.method as 'GET',
            url: t.url,
            ...(t.payload ? { payload: t.payload, headers: { 'content-type': 'application/json' } } : {}),
          });
          expect(r.statusCode, `${route.method} ${t.url} ${t.payload ?? ''} → ${r.body}`).toBeLessThan(500);
          answered.push(`${route.method} ${route.url}`);
        }
      }
    }
    expect(new Set(answered).size).toBeGreaterThan(50);
  });
});
