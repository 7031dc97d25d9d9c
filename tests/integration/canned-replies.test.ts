import { expect } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type {
  CannedReplyListResponse,
  CannedReplyView,
  CaseCannedRepliesResponse,
} from '../../src/contract/canned-reply-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

// Issue 16: canned replies per language, shared and personal, filled in for a case.
describeOnEachStore('canned replies', (kept, run) => {
  const create = (ws: TestWorkspace, as: TestStaff, payload: Record<string, unknown>) =>
    ws.request(as, { method: 'POST', url: '/api/v1/canned-replies', payload });
  const list = async (ws: TestWorkspace, as: TestStaff) =>
    json<CannedReplyListResponse>(await ws.request(as, { method: 'GET', url: '/api/v1/canned-replies' })).replies;
  const missingId = '00000000-0000-4000-8000-000000000000';

  run('needs a login (401), a valid body naming the field (400), and an id it can see (404)', async () => {
    const ws = await createTestWorkspace(kept());
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/canned-replies' })).statusCode).toBe(401);
    const good = { title: 'Hello', body: 'Hi {{customer_name}}', language: 'en' };
    expect((await ws.request(null, { method: 'POST', url: '/api/v1/canned-replies', payload: good })).statusCode).toBe(
      401,
    );
    for (const [field, payload] of [
      ['title', { ...good, title: '  ' }],
      ['body', { ...good, body: 'x'.repeat(5001) }],
      ['body', { ...good, body: 'Hi {{customer_nmae}}' }],
      ['language', { ...good, language: 'English' }],
      ['shared', { ...good, shared: 'yes' }],
    ] as const) {
      const bad = await create(ws, ws.agentEn, payload);
      expect(bad.statusCode, field).toBe(400);
      expect(json(bad).error.field).toBe(field);
    }
    const put = await ws.request(ws.agentEn, {
      method: 'PUT',
      url: `/api/v1/canned-replies/${missingId}`,
      payload: good,
    });
    expect(put.statusCode).toBe(404);
    const del = await ws.request(ws.agentEn, { method: 'DELETE', url: `/api/v1/canned-replies/${missingId}` });
    expect(del.statusCode).toBe(404);
    const forCase = await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${missingId}/canned-replies` });
    expect(forCase.statusCode).toBe(404);
  });

  run('shared replies are written by supervisors, personal ones are their owner’s alone', async () => {
    const ws = await createTestWorkspace(kept());
    const shared = await create(ws, ws.agentEn, { title: 'Hi', body: 'Hi', language: 'en', shared: true });
    expect(shared.statusCode).toBe(403);
    const team = json<CannedReplyView>(
      await create(ws, ws.supervisor, { title: 'Refund', body: 'Refund on its way', language: 'en', shared: true }),
    );
    const mine = json<CannedReplyView>(
      await create(ws, ws.agentEn, { title: 'Mine', body: 'My words', language: 'en' }),
    );
    expect(mine).toMatchObject({ shared: false, editable: true });
    expect((await list(ws, ws.agentEn)).map((r) => [r.title, r.editable])).toEqual([
      ['Mine', true],
      ['Refund', false],
    ]);
    // Another agent sees the shared reply only; the personal one is "not found" to them.
    expect((await list(ws, ws.agentRu)).map((r) => r.title)).toEqual(['Refund']);
    const peek = await ws.request(ws.agentRu, {
      method: 'PUT',
      url: `/api/v1/canned-replies/${mine.id}`,
      payload: { title: 'Taken', body: 'x', language: 'en' },
    });
    expect(peek.statusCode).toBe(404);
    const agentEdit = await ws.request(ws.agentEn, {
      method: 'PUT',
      url: `/api/v1/canned-replies/${team.id}`,
      payload: { title: 'Changed', body: 'x', language: 'en', shared: false },
    });
    expect(agentEdit.statusCode).toBe(403);
    const edited = await ws.request(ws.agentEn, {
      method: 'PUT',
      url: `/api/v1/canned-replies/${mine.id}`,
      payload: { title: 'Mine, better', body: 'Better words', language: 'ru' },
    });
    expect(json<CannedReplyView>(edited)).toMatchObject({ title: 'Mine, better', language: 'ru' });
    expect(
      (await ws.request(ws.agentEn, { method: 'DELETE', url: `/api/v1/canned-replies/${mine.id}` })).statusCode,
    ).toBe(204);
    expect((await list(ws, ws.agentEn)).map((r) => r.title)).toEqual(['Refund']);

    // Another workspace's reply is "not found", like none.
    const other = await createTestWorkspace(kept());
    const foreign = await other.request(other.admin, { method: 'DELETE', url: `/api/v1/canned-replies/${team.id}` });
    expect(foreign.statusCode).toBe(404);
    expect(await list(other, other.admin)).toEqual([]);
  });

  run('fills the customer name, reference and quoted time, the customer’s language first', async () => {
    const ws = await createTestWorkspace(kept());
    const opened = await ws.request(ws.agentAr, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: 'أحمد منصور', email: `ahmed-${Date.now()}@example.com`, language: 'ar' },
        channel: 'web',
        body: 'أين طلبي؟',
      },
    });
    const detail = json<CaseDetailResponse>(opened);
    await create(ws, ws.supervisor, {
      title: 'Where is it',
      body: 'Dear {{customer_name}}, {{case_reference}} will be answered by {{quoted_time}}.',
      language: 'en',
      shared: true,
    });
    await create(ws, ws.agentAr, {
      title: 'أين الطلب',
      body: 'عزيزي {{customer_name}}، سنرد على {{case_reference}} قبل {{quoted_time}}. {{agent_name}}',
      language: 'ar',
    });
    const filled = json<CaseCannedRepliesResponse>(
      await ws.request(ws.agentAr, { method: 'GET', url: `/api/v1/cases/${detail.case.id}/canned-replies` }),
    );
    expect(filled.language).toBe('ar');
    expect(filled.replies.map((r) => r.language)).toEqual(['ar', 'en']);
    const [arabic] = filled.replies;
    expect(arabic!.missing).toEqual([]);
    expect(arabic!.text).toContain(`عزيزي أحمد منصور، سنرد على ${detail.case.reference} قبل `);
    expect(arabic!.text).toContain('Layla');
    expect(arabic!.text).not.toContain('{{');

    const foreign = await createTestWorkspace(kept());
    const aimed = await foreign.request(foreign.agentEn, {
      method: 'GET',
      url: `/api/v1/cases/${detail.case.id}/canned-replies`,
    });
    expect(aimed.statusCode).toBe(404);
  });
});
