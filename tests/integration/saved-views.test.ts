// Saved views (issue 16): named sets of case filters, personal or shared, with live counts; both stores.
import { beforeAll, expect } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { CaseListPage } from '../../src/contract/desk-find-types.ts';
import type { SavedViewListResponse, SavedViewView } from '../../src/contract/saved-view-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describeOnEachStore('saved views', (kept, run) => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  const ids: string[] = [];

  const open = async (ws: TestWorkspace, n: number) => {
    const response = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: `Viewed ${n}`, email: `viewed-${n}-${ws.slug}@example.com`, language: 'en' },
        channel: 'email',
        subject: `Blender ${n}`,
        body: 'The blender I bought stopped working.',
      },
    });
    expect(response.statusCode).toBe(201);
    return json<CaseDetailResponse>(response).case.id;
  };
  const create = (ws: TestWorkspace, as: TestStaff | null, payload: Record<string, unknown>) =>
    ws.request(as, { method: 'POST', url: '/api/v1/saved-views', payload });
  const list = async (ws: TestWorkspace, as: TestStaff) =>
    json<SavedViewListResponse>(await ws.request(as, { method: 'GET', url: '/api/v1/saved-views' })).views;

  beforeAll(async () => {
    if (!kept()) return;
    a = await createTestWorkspace(kept());
    b = await createTestWorkspace(kept());
    for (const n of [1, 2, 3]) ids.push(await open(a, n));
  });

  run('needs a login (401), filters the case list accepts (400 naming the filter), ids it can see (404)', async () => {
    expect((await a.request(null, { method: 'GET', url: '/api/v1/saved-views' })).statusCode).toBe(401);
    expect((await create(a, null, { name: 'x', filters: {} })).statusCode).toBe(401);
    for (const [field, payload] of [
      ['name', { name: ' ', filters: {} }],
      ['filters.status', { name: 'x', filters: { status: 'open,sleeping' } }],
      ['filters.flagged', { name: 'x', filters: { flagged: 'yes' } }],
      ['filters.ownerId', { name: 'x', filters: { ownerId: 'Emily' } }],
      ['filters.colour', { name: 'x', filters: { colour: 'red' } }],
      ['filters', { name: 'x', filters: 'status=open' }],
      ['shared', { name: 'x', filters: {}, shared: 'yes' }],
    ] as const) {
      const bad = await create(a, a.agentEn, payload);
      expect(bad.statusCode, field).toBe(400);
      expect(json(bad).error.field, field).toBe(field);
    }
    // A person of another workspace is not found, named by the filter that carried it.
    const foreign = await create(a, a.agentEn, { name: 'x', filters: { ownerId: b.agentEn.id } });
    expect(foreign.statusCode).toBe(404);
    expect(json(foreign).error.field).toBe('filters.ownerId');
    const put = await a.request(a.agentEn, {
      method: 'PUT',
      url: `/api/v1/saved-views/${RANDOM_ID}`,
      payload: { name: 'y' },
    });
    expect(put.statusCode).toBe(404);
    expect((await a.request(a.agentEn, { method: 'DELETE', url: `/api/v1/saved-views/${RANDOM_ID}` })).statusCode).toBe(
      404,
    );
  });

  run('a view counts what the case list with its filters lists, and the count follows changes', async () => {
    const filters = { view: 'all', priority: 'urgent', q: 'blender' };
    const created = await create(a, a.agentEn, { name: 'Urgent blenders', filters });
    expect(created.statusCode).toBe(201);
    const view = json<SavedViewView>(created);
    expect(view).toMatchObject({ name: 'Urgent blenders', shared: false, editable: true, filters, count: 0 });
    for (const id of ids.slice(0, 2)) {
      const label = await a.request(a.agentEn, {
        method: 'PATCH',
        url: `/api/v1/cases/${id}`,
        payload: { priority: 'urgent' },
      });
      expect(label.statusCode).toBe(200);
    }
    const listed = json<CaseListPage>(
      await a.request(a.agentEn, { method: 'GET', url: '/api/v1/cases?view=all&priority=urgent&q=blender' }),
    );
    expect(listed.cases).toHaveLength(2);
    expect((await list(a, a.agentEn)).find((v) => v.id === view.id)).toMatchObject({ count: 2, more: false });
    // Another workspace's cases never count.
    expect(await list(b, b.agentEn)).toEqual([]);
  });

  run('shared views are written by supervisors; personal ones are their owner’s alone', async () => {
    expect((await create(a, a.agentEn, { name: 'Team', filters: {}, shared: true })).statusCode).toBe(403);
    const team = json<SavedViewView>(
      await create(a, a.supervisor, { name: 'All open', filters: { view: 'open' }, shared: true }),
    );
    expect(team).toMatchObject({ shared: true, editable: true, count: 3 });
    const mine = json<SavedViewView>(await create(a, a.agentEn, { name: 'Mine', filters: { view: 'mine' } }));
    expect((await list(a, a.agentRu)).map((v) => [v.name, v.editable])).toEqual([['All open', false]]);
    const agentRename = await a.request(a.agentEn, {
      method: 'PUT',
      url: `/api/v1/saved-views/${team.id}`,
      payload: { name: 'Mine now' },
    });
    expect(agentRename.statusCode).toBe(403);
    const peek = await a.request(a.agentRu, { method: 'DELETE', url: `/api/v1/saved-views/${mine.id}` });
    expect(peek.statusCode).toBe(404);
    const renamed = await a.request(a.supervisor, {
      method: 'PUT',
      url: `/api/v1/saved-views/${team.id}`,
      payload: { name: 'Everything open', filters: { view: 'open', channel: 'email' } },
    });
    expect(renamed.statusCode).toBe(200);
    expect(json<SavedViewView>(renamed)).toMatchObject({ name: 'Everything open', count: 3 });
    expect(
      (await a.request(a.supervisor, { method: 'DELETE', url: `/api/v1/saved-views/${team.id}` })).statusCode,
    ).toBe(204);
    expect((await list(a, a.agentRu)).map((v) => v.name)).toEqual([]);
  });
});
