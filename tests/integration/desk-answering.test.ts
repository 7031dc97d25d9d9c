import { expect } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

// Issue 16, "Answering": a logged call finds the customer's open case; "send and resolve".
describeOnEachStore('answering from the desk', (kept, run) => {
  const logCall = (ws: TestWorkspace, payload: Record<string, unknown>) =>
    ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/cases', payload: { channel: 'phone', ...payload } });
  const caller = () => ({ name: 'Mara Lind', email: `mara-${Math.random().toString(36).slice(2)}@example.com` });

  run('refuses a missing login (401), a bad newTopic or resolve (400) and an unknown case (404)', async () => {
    const ws = await createTestWorkspace(kept());
    const anonymous = await ws.request(null, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'phone', customer: caller(), body: 'Called' },
    });
    expect(anonymous.statusCode).toBe(401);
    const badTopic = await logCall(ws, { customer: caller(), body: 'Called', newTopic: 'yes' });
    expect(badTopic.statusCode).toBe(400);
    expect(json(badTopic).error.field).toBe('newTopic');
    const opened = json<CaseDetailResponse>(await logCall(ws, { customer: caller(), body: 'Called about a refund' }));
    const url = `/api/v1/cases/${opened.case.id}/messages`;
    const badResolve = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { direction: 'outbound', channel: 'email', body: 'Done', resolve: 1 },
    });
    expect(badResolve.statusCode).toBe(400);
    expect(json(badResolve).error.field).toBe('resolve');
    const noteResolves = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { direction: 'outbound', channel: 'email', body: 'Note', internal: true, resolve: true },
    });
    expect(noteResolves.statusCode).toBe(400);
    expect(json(noteResolves).error.field).toBe('resolve');
    const missing = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/messages',
      payload: { direction: 'outbound', channel: 'email', body: 'Done', resolve: true },
    });
    expect(missing.statusCode).toBe(404);
  });

  run('a logged call from a customer with an open case goes onto that case, unless it is a new topic', async () => {
    const ws = await createTestWorkspace(kept());
    const who = caller();
    const first = json<CaseDetailResponse>(await logCall(ws, { customer: who, subject: 'Refund', body: 'First call' }));
    const again = await logCall(ws, { customer: { name: who.name, email: who.email.toUpperCase() }, body: 'Again' });
    expect(again.statusCode).toBe(201);
    const onSame = json<CaseDetailResponse>(again);
    expect(onSame.case.id).toBe(first.case.id);
    expect(onSame.timeline.filter((i) => i.message?.direction === 'inbound')).toHaveLength(2);

    const byId = json<CaseDetailResponse>(
      await logCall(ws, { customerId: first.customer.id, channel: 'voicemail', body: 'Left a voicemail' }),
    );
    expect(byId.case.id).toBe(first.case.id);

    const other = json<CaseDetailResponse>(
      await logCall(ws, { customerId: first.customer.id, body: 'A new order question', newTopic: true }),
    );
    expect(other.case.id).not.toBe(first.case.id);

    // Channels customers write in themselves keep opening a case of their own, as integrations expect.
    const chat = json<CaseDetailResponse>(
      await logCall(ws, { customerId: first.customer.id, channel: 'chat', body: 'From the chat widget' }),
    );
    expect([first.case.id, other.case.id]).not.toContain(chat.case.id);
  });

  run('a call from another workspace’s customer never lands on that workspace’s case', async () => {
    const a = await createTestWorkspace(kept());
    const b = await createTestWorkspace(kept());
    const who = caller();
    const inA = json<CaseDetailResponse>(await logCall(a, { customer: who, body: 'Call in A' }));
    const inB = json<CaseDetailResponse>(await logCall(b, { customer: who, body: 'Call in B' }));
    expect(inB.case.id).not.toBe(inA.case.id);
    const foreignId = await logCall(b, { customerId: inA.customer.id, body: 'Aimed at A' });
    expect(foreignId.statusCode).toBe(404);
  });

  run('send and resolve answers the customer and resolves the case in one step', async () => {
    const ws = await createTestWorkspace(kept());
    const opened = json<CaseDetailResponse>(await logCall(ws, { customer: caller(), body: 'Where is my parcel?' }));
    const sent = await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/cases/${opened.case.id}/messages`,
      payload: { direction: 'outbound', channel: 'email', body: 'It arrives tomorrow.', resolve: true },
    });
    expect(sent.statusCode).toBe(201);
    const after = json<CaseDetailResponse>(sent);
    expect(after.case.status).toBe('resolved');
    const changes = after.timeline.flatMap((i) => (i.eventType === 'case.status_changed' ? [i.data] : []));
    expect(changes).toContainEqual({ from: 'open', to: 'resolved' });
  });
});
