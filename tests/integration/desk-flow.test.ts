import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse, EscalationView, UnansweredResponse } from '../../src/contract/api-types.ts';
import { events } from '../../src/db/schema.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, json, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';
import { caseByReference, portalRequest } from './support/desk-requests.ts';

const postgres = await canUsePostgres();

describe.each<StoreKind>(['pglite', 'postgres'])('the service desk on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
  });
  afterEach(() => kept?.clock.reset());

  const run = kind === 'postgres' && !postgres ? it.skip : it;

  run('refuses staff endpoints without a login (401) and bad bodies (400) before anything else', async () => {
    ws = await createTestWorkspace(kept);
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/queues/unanswered' })).statusCode).toBe(401);
    const bad = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'pigeon', body: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('channel');
  });

  run('spreads new cases over the staff who speak the language, by their open cases', async () => {
    ws = await createTestWorkspace(kept);
    // Layla (ar, en) and Tom (en) both take English, both with room: the second case goes to
    // whoever did not get the first, because the first now counts as an open case.
    const owners: string[] = [];
    for (const n of [1, 2]) {
      const res = await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: `Load ${n}`, email: `load-${n}-${Math.random().toString(36).slice(2)}@example.com` },
          channel: 'web',
          body: 'Hello, where is my parcel? It has not arrived yet.',
        },
      });
      expect(res.statusCode).toBe(201);
      owners.push(json<CaseDetailResponse>(res).case.owner!.id);
    }
    expect(new Set(owners)).toEqual(new Set([ws.agentAr.id, ws.agentEn.id]));
  });

  run(
    'takes an Arabic request in the portal: owner who speaks Arabic, acknowledgement in Arabic, escalation on request',
    async () => {
      ws = await createTestWorkspace(kept);
      const created = await portalRequest(
        ws,
        'طلبت استرداد المبلغ قبل أسبوعين ولم يتصل بي أحد. أريد التحدث إلى المشرف من فضلك',
      );
      expect(created.reference).toMatch(/^K-\d+$/);
      expect(created.acknowledgement).toContain(created.reference);
      expect(created.acknowledgement).toMatch(/[\u0600-\u06FF]/); // written in Arabic
      expect(new Date(created.promisedBy).getTime()).toBeGreaterThan(Date.now());

      const detail = await caseByReference(ws, created.reference);
      expect(detail.case.owner?.id).toBe(ws.agentAr.id); // the agent who speaks Arabic
      expect(detail.customer.language).toBe('ar');
      expect(detail.case.openEscalation).toBe(true);
      const types = detail.timeline.map((i) => i.eventType ?? i.kind);
      expect(types).toEqual(
        expect.arrayContaining([
          'case.opened',
          'case.assigned',
          'message',
          'acknowledgement.sent',
          'promise.made',
          'escalation.opened',
        ]),
      );
      expect(detail.promises.find((p) => p.kind === 'first_response')?.status).toBe('open');

      const queue = json<UnansweredResponse>(
        await ws.request(ws.agentAr, { method: 'GET', url: '/api/v1/queues/unanswered' }),
      );
      expect(queue.items.map((i) => i.reference)).toEqual([created.reference]);
    },
  );

  run('answers drain the unanswered queue oldest first, keep the first-answer promise, and reach zero', async () => {
    ws = await createTestWorkspace(kept);
    const base = new Date('2026-03-02T09:00:00Z');
    kept.clock.set(base);
    const first = await portalRequest(ws, 'My order never arrived and nobody answers the phone.', {
      name: 'Jane Roe',
      email: `jane-${Math.random()}@example.com`,
    });
    kept.clock.advanceMinutes(10);
    const second = await portalRequest(ws, 'Перезвоните мне, пожалуйста, по поводу счёта.', {
      name: 'Ирина Петрова',
      email: `irina-${Math.random()}@example.com`,
    });
    const queue = json<UnansweredResponse>(
      await ws.request(ws.admin, { method: 'GET', url: '/api/v1/queues/unanswered' }),
    );
    expect(queue.items.map((i) => i.reference)).toEqual([first.reference, second.reference]);
    expect(queue.total).toBe(2);

    for (const reference of [first.reference, second.reference]) {
      const detail = await caseByReference(ws, reference);
      kept.clock.advanceMinutes(30);
      const replied = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/messages`,
        payload: { direction: 'outbound', channel: 'portal', body: 'Thank you, I am on it and will update you today.' },
      });
      expect(replied.statusCode).toBe(201);
      const after = json<CaseDetailResponse>(replied);
      expect(after.promises.find((p) => p.kind === 'first_response')?.status).toBe('kept');
      expect(after.case.status).toBe('open');
      expect(after.respect.firstResponseMinutes).toBeGreaterThan(0);
    }
    const empty = json<UnansweredResponse>(
      await ws.request(ws.admin, { method: 'GET', url: '/api/v1/queues/unanswered' }),
    );
    expect(empty).toEqual({ total: 0, items: [] });
  });

  run('acknowledges repeated messages inside the window once, not once per message', async () => {
    ws = await createTestWorkspace(kept);
    const email = `rep-${Math.random()}@example.com`;
    const created = await portalRequest(ws, 'Hello, my invoice is wrong.', { name: 'Rep Eater', email });
    const detail = await caseByReference(ws, created.reference);
    for (const body of ['Hello? Anyone?', 'Still waiting on the invoice.']) {
      kept.clock.advanceMinutes(2);
      const r = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/messages`,
        payload: { direction: 'inbound', channel: 'web', body },
      });
      expect(r.statusCode).toBe(201);
    }
    const rows = await kept.store.db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(eq(events.caseId, detail.case.id));
    const sent = rows.filter((r) => r.type === 'acknowledgement.sent');
    expect(sent).toHaveLength(1);
    const received = rows.filter((r) => r.type === 'message.received');
    expect(received).toHaveLength(3);
    // Each repeat's acknowledgement record is on its own message's event, pointing at the first acknowledgement.
    const firstAcknowledgementId = (sent[0]!.data as { acknowledgementId: string }).acknowledgementId;
    expect(
      received.map((r) => (r.data as { suppressedAcknowledgement?: unknown }).suppressedAcknowledgement ?? null),
    ).toEqual([
      null,
      { previousAcknowledgementId: firstAcknowledgementId },
      { previousAcknowledgementId: firstAcknowledgementId },
    ]);
    // The timeline shows one "not acknowledged again" line per repeat, after its message.
    const shown = json<CaseDetailResponse>(
      await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${detail.case.id}` }),
    );
    const kinds = shown.timeline.map((item) =>
      item.kind === 'message' ? `message:${item.message?.body}` : item.eventType,
    );
    expect(kinds.filter((k) => k === 'acknowledgement.suppressed')).toHaveLength(2);
    expect(kinds.indexOf('acknowledgement.suppressed')).toBe(kinds.indexOf('message:Hello? Anyone?') + 1);
  });

  run('hands off only with a reason and a receiver; the receiver owns the case and its promises', async () => {
    ws = await createTestWorkspace(kept);
    const created = await portalRequest(ws, 'I need help with my account settings please.', {
      name: 'Hand Off',
      email: `ho-${Math.random()}@example.com`,
    });
    const detail = await caseByReference(ws, created.reference);
    const url = `/api/v1/cases/${detail.case.id}/handoffs`;
    const noReason = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { toUserId: ws.agentRu.id, reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    const shortReason = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { toUserId: ws.agentRu.id, reason: 'hm' },
    });
    expect([400, 422]).toContain(shortReason.statusCode);
    const ok = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { toUserId: ws.agentRu.id, reason: 'Billing specialist needed' },
    });
    expect(ok.statusCode).toBe(200);
    const after = json<CaseDetailResponse>(ok);
    expect(after.case.owner?.id).toBe(ws.agentRu.id);
    expect(after.promises.filter((p) => p.status === 'open').every((p) => p.owner.id === ws.agentRu.id)).toBe(true);
    const handoff = after.timeline.find((i) => i.eventType === 'case.handed_off');
    expect(handoff?.data).toMatchObject({
      toUserId: ws.agentRu.id,
      toUserName: 'Olga Ivanova',
      reason: 'Billing specialist needed',
    });
    expect(after.respect.transfers).toBe(1);
  });

  run('moves status only along the table, and not past an unanswered escalation', async () => {
    ws = await createTestWorkspace(kept);
    const created = await portalRequest(ws, 'Please let me talk to your supervisor about this charge.', {
      name: 'Esc Alate',
      email: `esc-${Math.random()}@example.com`,
    });
    const detail = await caseByReference(ws, created.reference);
    const url = `/api/v1/cases/${detail.case.id}/transitions`;
    expect((await ws.request(ws.agentEn, { method: 'POST', url, payload: { to: 'closed' } })).statusCode).toBe(409);
    const blocked = await ws.request(ws.agentEn, { method: 'POST', url, payload: { to: 'resolved' } });
    expect(blocked.statusCode).toBe(409);
    expect(json(blocked).error.code).toBe('escalation.not_answered');

    const escalation = detail.escalations[0]!;
    const agentClose = await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/escalations/${escalation.id}/close`,
    });
    expect(agentClose.statusCode).toBe(403);
    const earlyClose = await ws.request(ws.supervisor, {
      method: 'POST',
      url: `/api/v1/escalations/${escalation.id}/close`,
    });
    expect(earlyClose.statusCode).toBe(409);
    const answered = await ws.request(ws.supervisor, {
      method: 'POST',
      url: `/api/v1/escalations/${escalation.id}/answer`,
      payload: { body: 'I am the supervisor; I have refunded the charge today.' },
    });
    expect(json<EscalationView>(answered).status).toBe('answered');
    const closed = await ws.request(ws.supervisor, {
      method: 'POST',
      url: `/api/v1/escalations/${escalation.id}/close`,
    });
    expect(json<EscalationView>(closed).status).toBe('closed');
    expect((await ws.request(ws.agentEn, { method: 'POST', url, payload: { to: 'resolved' } })).statusCode).toBe(200);
    const reopened = json<CaseDetailResponse>(
      await ws.request(ws.agentEn, { method: 'POST', url, payload: { to: 'open' } }),
    );
    expect(reopened.case.status).toBe('open');
    expect(reopened.hell.metrics.reopenings).toBe(1);
  });

  run('logs a letter with a follow-up task that an outbound answer completes', async () => {
    ws = await createTestWorkspace(kept);
    const created = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: 'Letter Writer', email: `lw-${Math.random()}@example.com` },
        channel: 'letter',
        subject: 'Complaint by post',
        body: 'I wrote to you three times about the broken boiler.',
      },
    });
    expect(created.statusCode).toBe(201);
    const detail = json<CaseDetailResponse>(created);
    expect(detail.tasks.map((t) => [t.kind, t.doneAt])).toEqual([['follow_up_contact', null]]);
    const answered = json<CaseDetailResponse>(
      await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/messages`,
        payload: { direction: 'outbound', channel: 'phone', body: 'Called the customer, engineer booked for Tuesday.' },
      }),
    );
    expect(answered.tasks[0]?.doneAt).not.toBeNull();
  });
});
