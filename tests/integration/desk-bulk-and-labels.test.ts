// Priority and tags on a case, and bulk changes from a queue (issue 16), on PGlite and PostgreSQL.
import { beforeAll, expect } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { BulkChangeResponse, CaseListPage } from '../../src/contract/desk-find-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describeOnEachStore('labels and bulk changes', (kept, run) => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  const ids: string[] = [];
  let foreignCase = '';

  const open = async (ws: TestWorkspace, n: number) => {
    const response = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: `Bulk ${n}`, email: `bulk-${n}-${ws.slug}@example.com`, language: 'en' },
        channel: 'email',
        subject: `Parcel ${n}`,
        body: 'Where is my parcel? It has not arrived.',
      },
    });
    expect(response.statusCode).toBe(201);
    return json<CaseDetailResponse>(response).case.id;
  };
  const events = async (ws: TestWorkspace, caseId: string) =>
    json<CaseDetailResponse>(await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${caseId}` })).timeline;

  beforeAll(async () => {
    if (!kept()) return;
    a = await createTestWorkspace(kept());
    b = await createTestWorkspace(kept());
    for (const n of [1, 2, 3]) ids.push(await open(a, n));
    foreignCase = await open(b, 9);
  });

  run('needs a login (401), a valid body (400) and cases of the workspace (404)', async () => {
    const patch = (ws: TestWorkspace | null, id: string, payload: object) =>
      a.request(ws ? ws.agentEn : null, { method: 'PATCH', url: `/api/v1/cases/${id}`, payload });
    const bulk = (payload: object, anonymous = false) =>
      a.request(anonymous ? null : a.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/bulk/${'status' in payload ? 'status' : 'owner'}`,
        payload,
      });
    expect((await patch(null, ids[0]!, { priority: 'high' })).statusCode).toBe(401);
    expect((await bulk({ caseIds: ids, status: 'open' }, true)).statusCode).toBe(401);
    for (const [payload, field] of [
      [{ priority: 'asap' }, 'priority'],
      [{}, 'priority'],
      [{ tags: ['x'.repeat(41)] }, 'tags'],
    ] as const) {
      const response = await patch(a, ids[0]!, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json(response).error.field).toMatch(new RegExp(`^${field}`));
    }
    expect((await bulk({ caseIds: [], status: 'open' })).statusCode).toBe(400);
    expect((await bulk({ caseIds: ['nope'], status: 'open' })).statusCode).toBe(400);
    expect((await bulk({ caseIds: ids, status: 'pending' })).statusCode).toBe(400);
    expect((await patch(a, foreignCase, { priority: 'high' })).statusCode).toBe(404);
    expect((await patch(a, RANDOM_ID, { priority: 'high' })).statusCode).toBe(404);
    const foreign = await bulk({ caseIds: [ids[0], foreignCase], status: 'open' });
    expect(foreign.statusCode).toBe(404);
    expect(json(foreign).error.field).toBe('caseIds');
    const foreignOwner = await bulk({ caseIds: ids, ownerId: b.agentEn.id, reason: 'cover' });
    expect(foreignOwner.statusCode).toBe(404);
    // Nothing changed by the refused requests.
    const detail = json<CaseDetailResponse>(
      await a.request(a.admin, { method: 'GET', url: `/api/v1/cases/${ids[0]}` }),
    );
    expect(detail.case.status).toBe('new');
    expect(detail.case.priority).toBe('normal');
  });

  run('sets priority and tags with one event, and filters and sorts by them', async () => {
    const response = await a.request(a.agentEn, {
      method: 'PATCH',
      url: `/api/v1/cases/${ids[1]}`,
      payload: { priority: 'urgent', tags: ['Refund', ' refund ', 'VIP  customer'] },
    });
    expect(response.statusCode).toBe(200);
    const detail = json<CaseDetailResponse>(response);
    expect(detail.case.priority).toBe('urgent');
    expect(detail.case.tags).toEqual(['refund', 'vip customer']);
    const labelled = (await events(a, ids[1]!)).filter((item) => JSON.stringify(item).includes('case.labelled'));
    expect(labelled).toHaveLength(1);
    // The same again changes nothing and records nothing.
    await a.request(a.agentEn, { method: 'PATCH', url: `/api/v1/cases/${ids[1]}`, payload: { priority: 'urgent' } });
    expect((await events(a, ids[1]!)).filter((item) => JSON.stringify(item).includes('case.labelled'))).toHaveLength(1);

    const list = async (query: string) =>
      json<CaseListPage>(await a.request(a.agentEn, { method: 'GET', url: `/api/v1/cases?view=all&${query}` })).cases;
    expect((await list('tag=refund')).map((c) => c.id)).toEqual([ids[1]]);
    expect((await list('priority=urgent,high')).map((c) => c.id)).toEqual([ids[1]]);
    expect((await list('sort=priority'))[0]!.id).toBe(ids[1]);
  });

  run('changes many statuses through the transition table and hands many cases over, each with its event', async () => {
    const resolved = json<BulkChangeResponse>(
      await a.request(a.agentEn, {
        method: 'POST',
        url: '/api/v1/cases/bulk/status',
        payload: { caseIds: [ids[0], ids[2]], status: 'resolved' },
      }),
    );
    expect(resolved.changed.sort()).toEqual([ids[0], ids[2]].sort());
    expect(resolved.refused).toEqual([]);
    // resolved → new is not in the table: refused, named, the others unaffected.
    const back = json<BulkChangeResponse>(
      await a.request(a.agentEn, {
        method: 'POST',
        url: '/api/v1/cases/bulk/status',
        payload: { caseIds: [ids[0], ids[1]], status: 'new' },
      }),
    );
    expect(back.changed).toEqual([]);
    expect(back.refused.map((r) => r.caseId).sort()).toEqual([ids[0], ids[1]].sort());

    const handed = json<BulkChangeResponse>(
      await a.request(a.admin, {
        method: 'POST',
        url: '/api/v1/cases/bulk/owner',
        payload: { caseIds: ids, ownerId: a.supervisor.id, reason: 'Covering the weekend' },
      }),
    );
    expect(handed.changed.sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const detail = json<CaseDetailResponse>(await a.request(a.admin, { method: 'GET', url: `/api/v1/cases/${id}` }));
      expect(detail.case.owner?.id).toBe(a.supervisor.id);
      expect(JSON.stringify(detail.timeline)).toContain('Covering the weekend');
    }
  });
});
