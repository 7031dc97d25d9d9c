// A state-changing request that a browser sent from another site is refused (403
// auth.cross_origin) before it reaches any route: logout, login and setup (login CSRF), staff
// writes and the portal. Requests from Kept's own pages, API clients with a bearer token and
// non-browser clients (no Origin, no Sec-Fetch-Site) go through.
import { expect, it } from 'vitest';
import { describeEachStore, keptWithWorkspace } from './support/each-store.ts';
import { TEST_PASSWORD } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const EVIL = 'https://evil.example';

await describeEachStore('cross-origin requests', (kind) => {
  const t = keptWithWorkspace(kind);
  type Headers = Record<string, string>;
  const me = async () => (await t.ws.request(t.ws.agentEn, { method: 'GET', url: '/api/v1/me' })).statusCode;
  const logOut = (headers: Headers) =>
    t.ws.request(t.ws.agentEn, { method: 'POST', url: '/api/v1/auth/logout', headers });
  const addTeam = (name: string, headers: Headers = {}) =>
    t.ws.request(t.ws.admin, { method: 'POST', url: '/api/v1/teams', headers, payload: { name } });
  const anonymous = (url: string, headers: Headers, payload: object) =>
    t.kept.app.inject({ method: 'POST', url, headers, payload });

  it('a body-less cross-site POST /auth/logout is refused and the session lives on', async () => {
    expect(await me()).toBe(200);
    const byOrigin = await logOut({ origin: EVIL });
    expect(byOrigin.statusCode).toBe(403);
    expect(json(byOrigin).error).toMatchObject({ code: 'auth.cross_origin', header: 'Origin' });
    expect(json(byOrigin).error.message).toContain(EVIL);
    const bySite = await logOut({ 'sec-fetch-site': 'cross-site' });
    expect(bySite.statusCode).toBe(403);
    expect(json(bySite).error).toMatchObject({ code: 'auth.cross_origin', header: 'Sec-Fetch-Site' });
    // A sibling subdomain is "same-site" to the browser, and still not Kept's own origin.
    expect((await logOut({ 'sec-fetch-site': 'same-site', origin: 'https://blog.kept.test' })).statusCode).toBe(403);
    // A sandboxed frame or a data: page sends "null".
    expect((await logOut({ origin: 'null' })).statusCode).toBe(403);
    expect((await logOut({ origin: 'not a url' })).statusCode).toBe(403);
    expect(await me()).toBe(200);
  });

  it('refuses foreign writes of every kind: staff changes, login, setup, the portal', async () => {
    const headers = { origin: EVIL };
    expect((await addTeam('Evil desk', headers)).statusCode).toBe(403);
    const url = `/api/v1/users/${t.ws.agentEn.id}`;
    const patch = await t.ws.request(t.ws.admin, { method: 'PATCH', url, headers, payload: { capacity: 0 } });
    expect(patch.statusCode).toBe(403);
    const login = await anonymous('/api/v1/auth/login', headers, {
      email: t.ws.agentEn.email,
      password: TEST_PASSWORD,
    });
    expect(login.statusCode).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    // Refused before the route runs: not setup's 409 "already done".
    const setup = {
      workspaceName: 'X',
      adminName: 'X',
      adminEmail: 'x@x.test',
      password: 'long-enough-pw',
      language: 'en',
    };
    expect((await anonymous('/api/v1/setup', headers, setup)).statusCode).toBe(403);
    const request = { name: 'Mallory', email: 'm@evil.example', body: 'Spam' };
    expect((await anonymous(`/api/v1/portal/${t.ws.slug}/requests`, headers, request)).statusCode).toBe(403);
    // Reading is not changing anything: a foreign GET is answered as usual.
    expect((await t.ws.request(t.ws.admin, { method: 'GET', url: '/api/v1/teams', headers })).statusCode).toBe(200);
  });

  it("accepts Kept's own pages, API tokens, and clients that are not browsers", async () => {
    // inject's Host is localhost:80; a browser leaves the default port out of Origin.
    const own = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };
    const login = await anonymous('/api/v1/auth/login', own, { email: t.ws.agentEn.email, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    // An older browser: Origin alone, matching the Host header.
    expect((await addTeam('Own desk', { origin: 'http://localhost' })).statusCode).toBe(201);
    // Behind a proxy that rewrites Host, the configured public URL is Kept's origin too.
    const publicOrigin = new URL(t.kept.ctx.publicUrl).origin;
    const viaProxy = { origin: publicOrigin, 'sec-fetch-site': 'cross-site', host: 'kept-internal:3000' };
    expect((await addTeam('Proxy desk', viaProxy)).statusCode).toBe(201);
    // A typed address or a bookmark: the user started it.
    expect((await addTeam('Typed desk', { 'sec-fetch-site': 'none' })).statusCode).toBe(201);
    // curl, the CLI, a server: neither header.
    expect((await addTeam('Curl desk')).statusCode).toBe(201);
    // A bearer token is not sent by a browser on its own, so a foreign page cannot ride on it.
    const created = await t.ws.request(t.ws.admin, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'ci' } });
    const token = json(created).token as string;
    const bearer = { authorization: `Bearer ${token}`, origin: EVIL, 'sec-fetch-site': 'cross-site' };
    expect((await anonymous('/api/v1/teams', bearer, { name: 'Token desk' })).statusCode).toBe(201);
  });
});
