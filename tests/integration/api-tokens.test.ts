// API tokens: an admin lists them (never the secret) and revokes one; the next request with it is refused. Both stores.
import { beforeAll, expect } from 'vitest';
import type { ApiTokenListResponse } from '../../src/contract/api-token-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describeOnEachStore('API tokens', (kept, run) => {
  let a: TestWorkspace;
  let b: TestWorkspace;

  const create = async (ws: TestWorkspace, name: string) => {
    const created = await ws.request(ws.admin, { method: 'POST', url: '/api/v1/tokens', payload: { name } });
    expect(created.statusCode).toBe(201);
    return json<{ token: string }>(created).token;
  };
  const list = async (ws: TestWorkspace) =>
    json<ApiTokenListResponse>(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/tokens' })).tokens;
  const me = (token: string) =>
    kept().app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    if (!kept()) return;
    a = await createTestWorkspace(kept());
    b = await createTestWorkspace(kept());
  });

  run('needs a login (401), an admin (403), a uuid (400) and a token of this workspace (404)', async () => {
    expect((await a.request(null, { method: 'GET', url: '/api/v1/tokens' })).statusCode).toBe(401);
    expect((await a.request(null, { method: 'DELETE', url: `/api/v1/tokens/${RANDOM_ID}` })).statusCode).toBe(401);
    expect((await a.request(a.agentEn, { method: 'GET', url: '/api/v1/tokens' })).statusCode).toBe(403);
    expect((await a.request(a.agentEn, { method: 'DELETE', url: `/api/v1/tokens/${RANDOM_ID}` })).statusCode).toBe(403);
    const bad = await a.request(a.admin, { method: 'DELETE', url: '/api/v1/tokens/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('id');
    expect((await a.request(a.admin, { method: 'DELETE', url: `/api/v1/tokens/${RANDOM_ID}` })).statusCode).toBe(404);
    // Another workspace's token is not found, and keeps working.
    const theirs = await create(b, 'Their CRM');
    const [theirRow] = await list(b);
    const foreign = await a.request(a.admin, { method: 'DELETE', url: `/api/v1/tokens/${theirRow!.id}` });
    expect(foreign.statusCode).toBe(404);
    expect((await me(theirs)).statusCode).toBe(200);
    expect((await list(a)).map((t) => t.id)).not.toContain(theirRow!.id);
  });

  run('lists tokens newest first without their secret, with who made them and when last used', async () => {
    const first = await create(a, 'Billing sync');
    kept().clock.advanceMinutes(1);
    await create(a, 'Shop webhook');
    expect((await me(first)).statusCode).toBe(200);
    const tokens = await list(a);
    expect(tokens.map((t) => t.name).slice(0, 2)).toEqual(['Shop webhook', 'Billing sync']);
    const billing = tokens.find((t) => t.name === 'Billing sync')!;
    expect(billing.userId).toBe(a.admin.id);
    expect(billing.userName).toBe(a.admin.name);
    expect(billing.lastUsedAt).not.toBeNull();
    expect(tokens.find((t) => t.name === 'Shop webhook')!.lastUsedAt).toBeNull();
    expect(JSON.stringify(tokens)).not.toContain(first);
  });

  run('a revoked token is refused on its next request', async () => {
    const token = await create(a, 'Leaked token');
    expect((await me(token)).statusCode).toBe(200);
    const row = (await list(a)).find((t) => t.name === 'Leaked token')!;
    const revoked = await a.request(a.admin, { method: 'DELETE', url: `/api/v1/tokens/${row.id}` });
    expect(revoked.statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
    expect((await list(a)).map((t) => t.id)).not.toContain(row.id);
    expect((await a.request(a.admin, { method: 'DELETE', url: `/api/v1/tokens/${row.id}` })).statusCode).toBe(404);
  });
});
