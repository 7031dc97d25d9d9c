import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse, PortalRequestCreated } from '../../src/contract/api-types.ts';
import type { ClvResponse, RetentionSettingsView } from '../../src/contract/retention-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, json, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// Issue 16: figures that disagreed between two screens, each traced to its cause.
describe.each<StoreKind>(['pglite', 'postgres'])('figures that agree on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
  });
  afterEach(() => kept?.clock.reset());

  const run = kind === 'postgres' && !postgres ? it.skip : it;

  run('the flagged queue shows the waiting time the case page shows, not the one stored at flagging', async () => {
    ws = await createTestWorkspace(kept);
    kept.clock.set(new Date('2026-06-01T09:00:00Z'));
    const created = json<PortalRequestCreated>(
      await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/${ws.slug}/requests`,
        payload: { name: 'Nadia Waits', email: `nadia-${Math.random()}@example.com`, body: 'Still no internet.' },
      }),
    );
    const list = await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases?view=all&q=${created.reference}` });
    const caseId = json(list).cases[0].id as string;
    // Four unanswered days: over the three-day waiting limit, so the case is flagged.
    kept.clock.advanceMinutes(4 * 24 * 60);
    await ws.request(ws.admin, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      payload: { direction: 'inbound', channel: 'phone', body: 'Called again: still nothing.' },
    });
    await kept.fireDueTimers();
    // Hours later, nothing else happened: the stored reason is stale, the live one is not.
    kept.clock.advanceMinutes(152);
    const flags = json(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/flags' })).cases as Array<{
      id: string;
      hellReasons: Array<{ metric: string; value: number }>;
    }>;
    const queued = flags.find((c) => c.id === caseId);
    expect(queued, 'the case is flagged').toBeDefined();
    const detail = json<CaseDetailResponse>(
      await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${caseId}` }),
    );
    const wait = (reasons: Array<{ metric: string; value: number }>) =>
      reasons.find((r) => r.metric === 'totalWaitMinutes')?.value;
    expect(wait(queued!.hellReasons)).toBeGreaterThan(4 * 24 * 60);
    expect(wait(queued!.hellReasons)).toBe(wait(detail.hell.reasons));
    expect(queued!.hellReasons).toEqual(detail.hell.reasons);
  });

  run('the shop currency: 401 without a login, 400 naming the field for an unknown code, then on the CLV', async () => {
    ws = await createTestWorkspace(kept);
    const put = (as: typeof ws.admin | null, currency: unknown) =>
      ws.request(as, { method: 'PUT', url: '/api/v1/retention/settings', payload: { currency } });
    expect((await put(null, 'EUR')).statusCode).toBe(401);
    const unknown = await put(ws.admin, 'XYZ');
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error.field).toBe('currency');
    expect((await put(ws.admin, 42)).statusCode).toBe(400);
    expect((await put(ws.agentEn, 'EUR')).statusCode).toBe(403);

    const before = json<ClvResponse>(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/retention/clv' }));
    expect(before.currency).toBe('USD');
    const saved = await put(ws.admin, 'ils');
    expect(saved.statusCode).toBe(200);
    expect(json<RetentionSettingsView>(saved).currency).toBe('ILS');
    const settings = json<RetentionSettingsView>(
      await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/retention/settings' }),
    );
    expect(settings.currency).toBe('ILS');
    const clv = json<ClvResponse>(await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/retention/clv' }));
    expect(clv.currency).toBe('ILS');
  });
});
