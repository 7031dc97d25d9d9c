// A state-changing request that a browser sent from another site is refused (403
// auth.cross_origin) before it reaches any route: logout, login and setup (login CSRF), staff
// writes and the portal. Requests from Kept's own pages, API clients with a bearer token and
// non-browser clients (no Origin, no Sec-Fetch-Site) go through.
import { beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './support/each-store.ts';
import { createTestWorkspace, TEST_PASSWORD, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';

const EVIL = 'https://evil.example';

await describeEachStore('cross-origin requests', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;
  beforeAll(async () => {
    kept = await testKept(kind);
    ws = await createTestWorkspace(kept);
  });

  const me = async () => (await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/me' })).statusCode;

  it('a body-less cross-site POST /auth/logout is refused and the session lives on', async () => {
    expect(await me()).toBe(200);
    const byOrigin = await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: EVIL } });
    expect(byOrigin.statusCode).toBe(403);
    expect(json(byOrigin).error).toMatchObject({ code: 'auth.cross_origin', header: 'Origin' });
    expect(json(byOrigin).error.message).toContain(EVIL);
    const headers = { 'sec-fetch-site': 'cross-site' };
    const bySite = await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(bySite.statusCode).toBe(403);
    expect(json(bySite).error).toMatchObject({ code: 'auth.cross_origin', header: 'Sec-Fetch-Site' });
    // A sibling subdomain is "same-site" to the browser, and still not Kept's own origin.
    const sibling = { 'sec-fetch-site': 'same-site', origin: 'https://blog.kept.test' };
    expect((await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/auth/logout', headers: sibling })).statusCode).toBe(403);
    // A sandboxed frame or a data: page sends "null".
    expect((await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'null' } })).statusCode).toBe(403);
    expect((await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'not a url' } })).statusCode).toBe(403);
    expect(await me()).toBe(200);
  });

  it('refuses foreign writes of every kind: staff changes, login, setup, the portal', async () => {
    const headers = { origin: EVIL };
    const team = await ws.request(ws.admin, { method: 'POST', url: '/api/v1/teams', headers, payload: { name: 'Evil desk' } });
    expect(team.statusCode).toBe(403);
    const patch = await ws.request(ws.admin, { method: 'PATCH', url: `/api/v1/users/${ws.agentEn.id}`, headers, payload: { capacity: 0 } });
    expect(patch.statusCode).toBe(403);
    const payload = { email: ws.agentEn.email, password: TEST_PASSWORD };
    const login = await kept.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload });
    expect(login.statusCode).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    // Refused before the route runs: not setup's 409 "already done".
    const setupBody = { workspaceName: 'X', adminName: 'X', adminEmail: 'x@x.test', password: 'long-enough-pw', language: 'en' };
    expect((await kept.app.inject({ method: 'POST', url: '/api/v1/setup', headers, payload: setupBody })).statusCode).toBe(403);
    const portalBody = { name: 'Mallory', email: 'm@evil.example', body: 'Spam' };
    const portal = await kept.app.inject({ method: 'POST', url: `/api/v1/portal/${ws.slug}/requests`, headers, payload: portalBody });
    expect(portal.statusCode).toBe(403);
    // Reading is not changing anything: a foreign GET is answered as usual.
    expect((await ws.request(ws.admin, { method: 'GET', url: '/api/v1/teams', headers })).statusCode).toBe(200);
  });

  it("accepts Kept's own pages, API tokens, and clients that are not browsers", async () => {
    // inject's Host is localhost:80; a browser leaves the default port out of Origin.
    const own = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };
    const payload = { email: ws.agentEn.email, password: TEST_PASSWORD };
    const login = await kept.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: own, payload });
    expect(login.statusCode).toBe(200);
    // An older browser: Origin alone, matching the Host header.
    const team = await ws.request(ws.admin, { method: 'POST', url: '/api/v1/teams', headers: { origin: 'http://localhost' }, payload: { name: 'Own desk' } });
    expect(team.statusCode).toBe(201);
    // Behind a proxy that rewrites Host, the configured public URL is Kept's origin too.
    const publicOrigin = new URL(kept.ctx.publicUrl).origin;
    const viaProxy = { origin: publicOrigin, 'sec-fetch-site': 'cross-site', host: 'kept-internal:3000' };
    expect((await ws.request(ws.admin, { method: 'POST', url: '/api/v1/teams', headers: viaProxy, payload: { name: 'Proxy desk' } })).statusCode).toBe(201);
    // A typed address or a bookmark: the user started it.
    expect((await ws.request(ws.admin, { method: 'POST', url: '/api/v1/teams', headers: { 'sec-fetch-site': 'none' }, payload: { name: 'Typed desk' } })).statusCode).toBe(201);
    // curl, the CLI, a server: neither header.
    expect((await ws.request(ws.admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Curl desk' } })).statusCode).toBe(201);
    // A bearer token is not sent by a browser on its own, so a foreign page cannot ride on it.
    const token = json(await ws.request(ws.admin, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'integration' } })).token as string;
    const bearer = { authorization: `Bearer ${token}`, origin: EVIL, 'sec-fetch-site': 'cross-site' };
    expect((await kept.app.inject({ method: 'POST', url: '/api/v1/teams', headers: bearer, payload: { name: 'Token desk' } })).statusCode).toBe(201);
  });
});
