import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PromiseView } from '../../src/contract/api-types.ts';
import { events } from '../../src/db/schema.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, json, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';
import { caseByReference, portalRequest } from './support/desk-requests.ts';

const postgres = await canUsePostgres();

describe.each<StoreKind>(['pglite', 'postgres'])('promises, escalations and service hell at the desk on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
  });
  afterEach(() => kept?.clock.reset());

  const run = kind === 'postgres' && !postgres ? it.skip : it;

  run('reminds before a callback is due, breaks it when missed, and escalates', async () => {
    ws = await createTestWorkspace(kept);
    kept.clock.set(new Date('2026-04-06T12:00:00Z'));
    const created = await portalRequest(ws, 'Please call me back about my broken router.', {
      name: 'Call Me',
      email: `cb-${Math.random()}@example.com`,
    });
    const detail = await caseByReference(ws, created.reference);
    const promise = json<PromiseView>(
      await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/promises`,
        payload: {
          kind: 'callback',
          channel: 'phone',
          dueAt: '2026-04-06T15:00:00Z',
          description: 'Call back about the router',
        },
      }),
    );
    expect(promise.status).toBe('open');
    kept.clock.set(new Date('2026-04-06T14:40:00Z'));
    await kept.fireDueTimers();
    const reminded = await kept.store.db
      .select()
      .from(events)
      .where(and(eq(events.caseId, detail.case.id), eq(events.type, 'promise.reminded')));
    expect(reminded.map((e) => e.data.promiseId)).toContain(promise.id);

    kept.clock.set(new Date('2026-04-06T15:01:00Z'));
    await kept.fireDueTimers();
    await kept.fireDueTimers(); // running a timer twice changes nothing
    const after = await caseByReference(ws, created.reference);
    expect(after.promises.find((p) => p.id === promise.id)?.status).toBe('broken');
    expect(after.escalations.some((e) => e.via === 'promise_breach' && e.status === 'open')).toBe(true);
    const broken = await kept.store.db
      .select()
      .from(events)
      .where(and(eq(events.caseId, detail.case.id), eq(events.type, 'promise.broken')));
    expect(broken.filter((e) => e.data.promiseId === promise.id)).toHaveLength(1);
  });

  run('renegotiates only with a message to the customer, and the timeline shows both', async () => {
    ws = await createTestWorkspace(kept);
    const created = await portalRequest(ws, 'When will my refund arrive?', {
      name: 'Re Fund',
      email: `rf-${Math.random()}@example.com`,
    });
    const detail = await caseByReference(ws, created.reference);
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const promise = json<PromiseView>(
      await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/promises`,
        payload: { kind: 'refund', channel: 'portal', dueAt: due, description: 'Refund by tomorrow' },
      }),
    );
    const url = `/api/v1/promises/${promise.id}/renegotiate`;
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await ws.request(ws.agentEn, { method: 'POST', url, payload: { dueAt: later } })).statusCode).toBe(400);
    const moved = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { dueAt: later, messageToCustomer: 'The bank needs two more days; the refund will arrive by Friday.' },
    });
    expect(moved.statusCode).toBe(200);
    const after = await caseByReference(ws, created.reference);
    expect(after.promises.find((p) => p.id === promise.id)?.status).toBe('renegotiated');
    expect(after.promises.some((p) => p.status === 'open' && p.dueAt === later)).toBe(true);
    expect(after.timeline.some((i) => i.eventType === 'promise.renegotiated')).toBe(true);
    expect(after.timeline.some((i) => i.message?.body.includes('two more days'))).toBe(true);
  });

  run('sends a missed escalation deadline to the next level', async () => {
    ws = await createTestWorkspace(kept);
    kept.clock.set(new Date('2026-05-04T08:00:00Z'));
    const created = await portalRequest(ws, 'I want to speak to a manager right now.', {
      name: 'Ang Ry',
      email: `an-${Math.random()}@example.com`,
    });
    kept.clock.set(new Date('2026-05-04T20:00:00Z'));
    await kept.fireDueTimers();
    const after = await caseByReference(ws, created.reference);
    expect(after.escalations[0]?.level).toBe(2);
    expect(after.timeline.some((i) => i.eventType === 'escalation.deadline_missed')).toBe(true);
    const tasks = json(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/tasks?mine=true' })).tasks as Array<{
      kind: string;
    }>;
    expect(tasks.some((t) => t.kind === 'escalation_overdue')).toBe(true);
  });

  run('flags service hell from the facts and lists it for managers', async () => {
    ws = await createTestWorkspace(kept);
    kept.clock.set(new Date('2026-06-01T09:00:00Z'));
    const created = await portalRequest(ws, 'My phone line has been dead for a week.', {
      name: 'Hell Customer',
      email: `hell-${Math.random()}@example.com`,
    });
    const detail = await caseByReference(ws, created.reference);
    const staff = [ws.agentEn, ws.agentRu, ws.agentAr, ws.supervisor];
    for (let i = 0; i < 4; i++) {
      kept.clock.advanceMinutes(24 * 60);
      await ws.request(ws.admin, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/messages`,
        payload: { direction: 'inbound', channel: 'phone', body: `Called again, attempt ${i + 2}.` },
      });
      await ws.request(staff[i]!, {
        method: 'POST',
        url: `/api/v1/cases/${detail.case.id}/handoffs`,
        payload: { toUserId: staff[(i + 1) % 4]!.id, reason: 'Transferring to another department' },
      });
    }
    await kept.fireDueTimers();
    const flags = json(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/flags' })).cases as Array<{
      id: string;
      hellReasons: Array<{ metric: string }>;
    }>;
    const flagged = flags.find((c) => c.id === detail.case.id);
    expect(flagged).toBeDefined();
    expect(flagged!.hellReasons.map((r) => r.metric)).toEqual(expect.arrayContaining(['handoffs']));
    const metrics = json(
      await ws.request(ws.admin, {
        method: 'GET',
        url: `/api/v1/metrics/service?from=2026-05-01T00:00:00Z&to=2026-07-01T00:00:00Z`,
      }),
    );
    expect(metrics.hellFlaggedCases).toBeGreaterThanOrEqual(1);
    expect(metrics.handoffsPerCase.max).toBe(4);
  });
});
