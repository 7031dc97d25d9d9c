import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type {
  CaseComplaintView,
  ComplaintMarkResponse,
  ComplaintsReportResponse,
} from '../../src/contract/complaint-types.ts';
import type { ComplaintRateResponse, ParetoResponse } from '../../src/contract/retention-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();
const NO_SUCH_CASE = '00000000-0000-4000-8000-000000000000';

describe.each<StoreKind>(['pglite', 'postgres'])('complaints (K12) on %s', (kind) => {
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

  const openCase = async (ws: TestWorkspace, body: string, name = 'Dana Levi') =>
    json<CaseDetailResponse>(
      await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name, email: `c-${Math.random().toString(36).slice(2)}@example.com` },
          channel: 'web',
          body,
        },
      }),
    );
  const complaintOf = async (ws: TestWorkspace, caseId: string) =>
    json<CaseComplaintView>(await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${caseId}/complaint` }));
  const mark = (ws: TestWorkspace, caseId: string, payload: object) =>
    ws.request(ws.agentAr, { method: 'POST', url: `/api/v1/cases/${caseId}/complaint`, payload });
  const unmark = (ws: TestWorkspace, caseId: string, payload: object) =>
    ws.request(ws.agentAr, { method: 'POST', url: `/api/v1/cases/${caseId}/complaint/unmark`, payload });

  run('refuses without a login (401), bad bodies naming the field (400), unknown and foreign cases (404)', async () => {
    const own = await openCase(a, 'Where is my parcel?');
    const url = `/api/v1/cases/${own.case.id}/complaint`;
    expect((await a.request(null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await a.request(null, { method: 'POST', url, payload: { kind: 'billing', reason: 'x' } })).statusCode).toBe(
      401,
    );
    expect((await a.request(null, { method: 'GET', url: '/api/v1/retention/complaints' })).statusCode).toBe(401);

    const badKind = await mark(a, own.case.id, { kind: 'rudeness', reason: 'Shouted at' });
    expect(badKind.statusCode).toBe(400);
    expect(json(badKind).error.field).toBe('kind');
    const noReason = await mark(a, own.case.id, { kind: 'billing', reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.field).toBe('reason');
    const longReason = await unmark(a, own.case.id, { reason: 'x'.repeat(501) });
    expect(longReason.statusCode).toBe(400);
    expect(json(longReason).error.field).toBe('reason');
    expect((await mark(a, 'K-12', { kind: 'billing', reason: 'x' })).statusCode).toBe(400);

    expect((await mark(a, NO_SUCH_CASE, { kind: 'billing', reason: 'Charged twice' })).statusCode).toBe(404);
    // Another workspace's case is "not found", and stays untouched.
    const foreign = await openCase(b, 'Where is my parcel?');
    expect((await mark(a, foreign.case.id, { kind: 'billing', reason: 'Charged twice' })).statusCode).toBe(404);
    expect((await unmark(a, foreign.case.id, { reason: 'No' })).statusCode).toBe(404);
    expect(
      (await a.request(a.agentEn, { method: 'GET', url: `/api/v1/cases/${foreign.case.id}/complaint` })).statusCode,
    ).toBe(404);
    expect((await complaintOf(b, foreign.case.id)).isComplaint).toBe(false);
  });

  run('an agent marks, changes the kind with a reason, and unmarks; each on the timeline', async () => {
    const created = await openCase(a, 'Could you check my last invoice?');
    expect((await complaintOf(a, created.case.id)).isComplaint).toBe(false);

    const marked = json<ComplaintMarkResponse>(
      await mark(a, created.case.id, { kind: 'billing', reason: 'Charged twice' }),
    );
    expect(marked.outcome).toBe('marked');
    expect(marked.complaint).toMatchObject({
      isComplaint: true,
      kind: 'billing',
      source: 'agent',
      reason: 'Charged twice',
    });
    const same = json<ComplaintMarkResponse>(await mark(a, created.case.id, { kind: 'billing', reason: 'Again' }));
    expect(same.outcome).toBe('unchanged');
    const changed = json<ComplaintMarkResponse>(
      await mark(a, created.case.id, { kind: 'staff', reason: 'It was about how the agent spoke' }),
    );
    expect(changed).toMatchObject({ outcome: 'changed', complaint: { kind: 'staff', source: 'agent' } });

    const unmarked = json<ComplaintMarkResponse>(
      await unmark(a, created.case.id, { reason: 'A question, not a complaint' }),
    );
    expect(unmarked.complaint).toMatchObject({ isComplaint: false, kind: 'staff' });
    const again = await unmark(a, created.case.id, { reason: 'Twice' });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('complaint.not_marked');

    const detail = json<CaseDetailResponse>(
      await a.request(a.agentEn, { method: 'GET', url: `/api/v1/cases/${created.case.id}` }),
    );
    expect(detail.case.isComplaint).toBe(false);
    const events = detail.timeline.filter((i) => i.eventType?.startsWith('complaint.'));
    expect(events.map((e) => e.eventType)).toEqual(['complaint.marked', 'complaint.changed', 'complaint.unmarked']);
    expect(events[1]!.data).toMatchObject({
      fromKind: 'billing',
      toKind: 'staff',
      reason: 'It was about how the agent spoke',
    });
    expect(events[0]!.actor?.id).toBe(a.agentAr.id);
  });

  run('the customer’s words mark a complaint (not a plain question, not a negated one)', async () => {
    const angry = await openCase(a, 'This is unacceptable, I have been charged twice and nobody answers.');
    expect(await complaintOf(a, angry.case.id)).toMatchObject({
      isComplaint: true,
      source: 'customer_words',
      kind: 'unspecified',
    });
    const russian = await openCase(a, 'Хочу пожаловаться на вашего курьера.', 'Ольга');
    expect(await complaintOf(a, russian.case.id)).toMatchObject({ isComplaint: true, reason: 'жалоба' });
    const calm = await openCase(a, 'No complaints at all, just a question about delivery times.');
    expect((await complaintOf(a, calm.case.id)).isComplaint).toBe(false);
    // A later message in the thread can make it one.
    await a.request(a.agentEn, {
      method: 'POST',
      url: `/api/v1/cases/${calm.case.id}/messages`,
      payload: {
        direction: 'inbound',
        channel: 'phone',
        body: 'Called back: very disappointed that it is late again.',
      },
    });
    expect((await complaintOf(a, calm.case.id)).isComplaint).toBe(true);
  });

  run('a customer asking for a supervisor is a complaint; an agent’s own escalation is not', async () => {
    const asked = await openCase(a, 'Let me speak to your supervisor please.');
    expect(await complaintOf(a, asked.case.id)).toMatchObject({ isComplaint: true, source: 'supervisor_request' });
    const byAgent = await openCase(a, 'What are your opening hours?');
    await a.request(a.agentEn, {
      method: 'POST',
      url: `/api/v1/cases/${byAgent.case.id}/escalations`,
      payload: { reason: 'VIP' },
    });
    expect((await complaintOf(a, byAgent.case.id)).isComplaint).toBe(false);
  });

  run('the reports show the complaints: per 1,000 active customers, by kind and source, the Lorenz curve', async () => {
    const ws = await createTestWorkspace(kept);
    const one = await openCase(ws, 'Your service is terrible.', 'Ann');
    await openCase(ws, 'Thanks, all good.', 'Ben');
    const third = await openCase(ws, 'Could you call me back?', 'Cy');
    await mark(ws, third.case.id, { kind: 'delivery', reason: 'Parcel lost twice' });
    const report = json<ComplaintsReportResponse>(
      await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/retention/complaints' }),
    );
    expect(report).toMatchObject({ complaints: 2, active: 3, complainers: 2, open: 2 });
    expect(report.per1000).toBeCloseTo(666.67, 1);
    expect(report.byKind.find((k) => k.key === 'delivery')!.complaints).toBe(1);
    expect(report.byKind.find((k) => k.key === 'unspecified')!.complaints).toBe(1);
    expect(report.bySource.find((k) => k.key === 'customer_words')!.complaints).toBe(1);
    expect(report.bySource.find((k) => k.key === 'agent')!.complaints).toBe(1);
    const rate = json<ComplaintRateResponse>(
      await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/retention/complaint-rate' }),
    );
    expect(rate.overall.complaints).toBe(2);
    const pareto = json<ParetoResponse>(
      await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/retention/pareto' }),
    );
    expect(pareto.complaints.population).toBe(2);
    const queue = json<{ cases: Array<{ id: string }> }>(
      await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases?view=complaints' }),
    );
    expect(queue.cases.map((c) => c.id).sort()).toEqual([one.case.id, third.case.id].sort());
  });
});
