import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse, PortalRequestCreated, PortalSessionResponse } from '../../src/contract/api-types.ts';
import { openPglite, migrateStore, openPostgres } from '../../src/db/open-database.ts';
import { readConfig } from '../../src/config/kept-config.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { RecordingTimers } from '../../src/kernel/desk-context.ts';
import { createTestWorkspace, TEST_PASSWORD, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, createTestDatabase, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

describe.each<StoreKind>(['pglite', 'postgres'])('accounts and workspace isolation on %s', (kind) => {
  let kept: TestKept;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    a = await createTestWorkspace(kept);
    b = await createTestWorkspace(kept);
  });

  run('logs in with the right password only, and the session works', async () => {
    const wrong = await a.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: a.agentEn.email, password: 'wrong-password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).error.code).toBe('auth.invalid_credentials');
    const unknown = await a.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@kept.test', password: 'wrong-password-1' },
    });
    expect(json(unknown).error.message).toBe(json(wrong).error.message); // no hint which e-mails exist
    const ok = await a.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: a.agentEn.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-for': '10.0.0.2' },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^kept_session=/);
    const me = await kept.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(json(me).user.email).toBe(a.agentEn.email);
    await kept.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await kept.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  run('only admins add staff or create API tokens, and a token authenticates', async () => {
    const forbidden = await a.request(a.agentEn, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'CRM sync' },
    });
    expect(forbidden.statusCode).toBe(403);
    const created = await a.request(a.admin, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'CRM sync' } });
    expect(created.statusCode).toBe(201);
    const token = json(created).token as string;
    const me = await kept.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(json(me).workspace.id).toBe(a.id);
    const bogus = await kept.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer kept_not-a-token' },
    });
    expect(bogus.statusCode).toBe(401);
  });

  run('no request can read or change another workspace’s case', async () => {
    const created = json<CaseDetailResponse>(
      await a.request(a.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: 'Private', email: `p-${Math.random()}@example.com` },
          channel: 'web',
          body: 'secret matter',
        },
      }),
    );
    const id = created.case.id;
    expect((await b.request(b.admin, { method: 'GET', url: `/api/v1/cases/${id}` })).statusCode).toBe(404);
    expect(
      (
        await b.request(b.admin, {
          method: 'POST',
          url: `/api/v1/cases/${id}/messages`,
          payload: { direction: 'outbound', channel: 'web', body: 'hi' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await b.request(b.admin, {
          method: 'POST',
          url: `/api/v1/cases/${id}/handoffs`,
          payload: { toUserId: b.agentEn.id, reason: 'stealing this case' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await b.request(b.admin, {
          method: 'POST',
          url: `/api/v1/cases/${id}/transitions`,
          payload: { to: 'resolved' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await b.request(b.admin, { method: 'GET', url: `/api/v1/customers/${created.customer.id}` })).statusCode,
    ).toBe(404);
    // A handoff inside A to a person of B is refused too.
    expect(
      (
        await a.request(a.agentEn, {
          method: 'POST',
          url: `/api/v1/cases/${id}/handoffs`,
          payload: { toUserId: b.agentEn.id, reason: 'cross-tenant handoff' },
        })
      ).statusCode,
    ).toBe(404);
    const listB = json(await b.request(b.admin, { method: 'GET', url: '/api/v1/cases?view=all' }));
    expect(listB.cases.map((c: { id: string }) => c.id)).not.toContain(id);
    const queueB = json(await b.request(b.admin, { method: 'GET', url: '/api/v1/queues/unanswered' }));
    expect(queueB.items.map((i: { caseId: string }) => i.caseId)).not.toContain(id);
  });

  run('a portal link opens only its own customer’s requests, and a forged one is refused', async () => {
    const created = json<PortalRequestCreated>(
      await a.request(null, {
        method: 'POST',
        url: `/api/v1/portal/${a.slug}/requests`,
        payload: { name: 'Portal User', email: `pu-${Math.random()}@example.com`, body: 'Where is my parcel?' },
      }),
    );
    const session = json<PortalSessionResponse>(
      await a.request(null, { method: 'GET', url: `/api/v1/portal/session/${created.portalToken}` }),
    );
    expect(session.cases).toHaveLength(1);
    expect(session.reachAHuman).toBeDefined();
    const [payload, signature] = created.portalToken.split('.');
    const tampered = `${payload}.${signature!.slice(0, -2)}xx`;
    expect((await a.request(null, { method: 'GET', url: `/api/v1/portal/session/${tampered}` })).statusCode).toBe(401);
    const otherCustomer = Buffer.from(`${a.id}.00000000-0000-4000-8000-000000000000`).toString('base64url');
    expect(
      (await a.request(null, { method: 'GET', url: `/api/v1/portal/session/${otherCustomer}.${signature}` }))
        .statusCode,
    ).toBe(401);
    // B's customer cannot post into A's case with B's link.
    const inB = json<PortalRequestCreated>(
      await b.request(null, {
        method: 'POST',
        url: `/api/v1/portal/${b.slug}/requests`,
        payload: { name: 'B User', email: `bu-${Math.random()}@example.com`, body: 'Hello from B' },
      }),
    );
    const r = await b.request(null, {
      method: 'POST',
      url: `/api/v1/portal/session/${inB.portalToken}/cases/${session.cases[0]!.id}/messages`,
      payload: { body: 'intrusion' },
    });
    expect(r.statusCode).toBe(404);
  });

  run('the portal supervisor button opens one escalation, not one per click', async () => {
    const created = json<PortalRequestCreated>(
      await a.request(null, {
        method: 'POST',
        url: `/api/v1/portal/${a.slug}/requests`,
        payload: {
          name: 'Button Presser',
          email: `bp-${Math.random()}@example.com`,
          body: 'My bill doubled this month.',
        },
      }),
    );
    const session = json<PortalSessionResponse>(
      await a.request(null, { method: 'GET', url: `/api/v1/portal/session/${created.portalToken}` }),
    );
    const url = `/api/v1/portal/session/${created.portalToken}/cases/${session.cases[0]!.id}/supervisor`;
    for (let i = 0; i < 3; i++) {
      const r = await a.request(null, { method: 'POST', url, payload: {} });
      expect(r.statusCode).toBe(201);
      expect(json(r).supervisorRequested).toBe(true);
    }
    const escalations = json(await a.request(a.supervisor, { method: 'GET', url: '/api/v1/escalations?status=open' }))
      .escalations as Array<{ caseId: string; via: string }>;
    expect(escalations.filter((e) => e.caseId === session.cases[0]!.id)).toEqual([
      expect.objectContaining({ via: 'portal' }),
    ]);
  });

  run('the OpenAPI document covers every API route', async () => {
    const doc = json(await kept.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const documented = new Set(Object.keys(doc.paths));
    for (const path of [
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/queues/unanswered',
      '/api/v1/escalations/{id}/close',
      '/api/v1/portal/{slug}/requests',
      '/api/v1/metrics/service',
      '/api/health',
    ]) {
      expect(documented).toContain(path);
    }
    // Every /api/v1 route the app registered is in the document, with its method.
    const routes = (kept.app as unknown as { keptApiRoutes: Array<{ method: string; url: string }> }).keptApiRoutes;
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => !doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
  });
});

describe('first-run setup', () => {
  it('creates the workspace and admin once on a new PGlite store, then refuses', async () => {
    const store = await openPglite(null);
    await migrateStore(store);
    await checkSetup(store);
    await store.close();
  });

  it.skipIf(!postgres)('does the same on a new PostgreSQL database', async () => {
    const database = await createTestDatabase();
    const store = await openPostgres(database.url);
    await migrateStore(store);
    await checkSetup(store);
    await store.close();
    await database.drop();
  });

  async function checkSetup(store: Awaited<ReturnType<typeof openPglite>>) {
    const ctx = { db: store.db, timers: new RecordingTimers(), now: () => new Date(), publicUrl: 'http://kept.test' };
    const app = await buildApp({ ctx, store, config: readConfig({}, { logLevel: 'silent' }), jobsHealthy: () => true });
    expect(json(await app.inject({ method: 'GET', url: '/api/v1/setup/status' }))).toEqual({ needsSetup: true });
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        workspaceName: 'Acme',
        adminName: 'Ada',
        adminEmail: 'ada@acme.test',
        password: 'short',
        language: 'en',
      },
    });
    expect(weak.statusCode).toBe(400);
    expect(json(weak).error.field).toBe('password');
    const payload = {
      workspaceName: 'Acme',
      adminName: 'Ada',
      adminEmail: 'ada@acme.test',
      password: 'long-enough-pw',
      language: 'ar',
    };
    const ok = await app.inject({ method: 'POST', url: '/api/v1/setup', payload });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).workspace.defaultLanguage).toBe('ar');
    expect(String(ok.headers['set-cookie'])).toMatch(/kept_session=.*HttpOnly/);
    expect((await app.inject({ method: 'POST', url: '/api/v1/setup', payload })).statusCode).toBe(409);
    expect(json(await app.inject({ method: 'GET', url: '/api/v1/setup/status' }))).toEqual({ needsSetup: false });
    // Login is rate-limited: the 11th attempt within a minute is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: 'ada@acme.test', password: 'wrong-password-x' },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    await app.close();
  }
});
