import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { CasePresenceResponse, MyNoticesResponse } from '../../src/contract/live-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { secondInstance } from './support/live-instance.ts';
import { subscribeLive } from './support/live-stream.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();
const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describe.each<StoreKind>(['pglite', 'postgres'])('live desk on %s', (kind) => {
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  let kept: TestKept;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let caseId: string;
  let ownerCookie: string;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    ws = await createTestWorkspace(kept);
    other = await createTestWorkspace(kept);
    const created = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: 'Nadia Live', email: `live-${Math.random().toString(36).slice(2)}@example.com` },
        channel: 'web',
        subject: 'Where is order 48213?',
        body: 'Hello, my order has not arrived.',
      },
    });
    expect(created.statusCode).toBe(201);
    const detail = json<CaseDetailResponse>(created);
    caseId = detail.case.id;
    const ownerId = detail.case.owner!.id;
    ownerCookie = [ws.agentAr, ws.agentEn, ws.agentRu, ws.supervisor, ws.admin].find((s) => s.id === ownerId)!.cookie;
  });

  run(
    'refuses without a login (401), a bad body naming the field (400), and foreign or unknown cases (404)',
    async () => {
      for (const [method, url, payload] of [
        ['GET', '/api/v1/live', undefined],
        ['GET', `/api/v1/cases/${caseId}/presence`, undefined],
        ['POST', `/api/v1/cases/${caseId}/presence`, { activity: 'viewing' }],
        ['GET', '/api/v1/notifications', undefined],
        ['POST', '/api/v1/notifications/seen', { upTo: 1 }],
      ] as const) {
        expect((await ws.request(null, { method, url, payload })).statusCode).toBe(401);
      }
      const bad = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${caseId}/presence`,
        payload: { activity: 'typing' },
      });
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.field).toBe('activity');
      const badSeen = await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/notifications/seen',
        payload: { upTo: -1 },
      });
      expect(badSeen.statusCode).toBe(400);
      expect(json(badSeen).error.field).toBe('upTo');
      for (const id of [caseId, RANDOM_ID]) {
        const asOther = await other.request(other.agentEn, {
          method: 'POST',
          url: `/api/v1/cases/${id}/presence`,
          payload: { activity: 'viewing' },
        });
        expect(asOther.statusCode).toBe(404);
        expect(
          (await other.request(other.agentEn, { method: 'GET', url: `/api/v1/cases/${id}/presence` })).statusCode,
        ).toBe(404);
      }
    },
  );

  run('shows who is viewing and replying on a case, and forgets who left', async () => {
    const beat = (cookie: string, activity: string) =>
      kept.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/presence`,
        headers: { cookie },
        payload: { activity },
      });
    expect((await beat(ws.agentEn.cookie, 'viewing')).statusCode).toBe(200);
    const replying = json<CasePresenceResponse>(await beat(ws.supervisor.cookie, 'replying'));
    expect(replying.people.map((p) => [p.name, p.activity])).toEqual([
      ['Tom Baker', 'viewing'],
      ['Sam Supervisor', 'replying'],
    ]);
    await beat(ws.supervisor.cookie, 'left');
    const after = json<CasePresenceResponse>(
      await ws.request(ws.agentAr, { method: 'GET', url: `/api/v1/cases/${caseId}/presence` }),
    );
    expect(after.people.map((p) => p.name)).toEqual(['Tom Baker']);
    await beat(ws.agentEn.cookie, 'left');
  });

  run(
    'a message posted to instance A reaches a subscriber on instance B; another workspace hears nothing',
    async () => {
      const b = await secondInstance(kept);
      const mine = await subscribeLive(b.url, ws.agentAr.cookie);
      const theirs = await subscribeLive(b.url, other.agentAr.cookie);
      try {
        const posted = await ws.request(ws.agentEn, {
          method: 'POST',
          url: `/api/v1/cases/${caseId}/messages`,
          payload: { direction: 'inbound', channel: 'phone', body: 'The customer called again about the parcel.' },
        });
        expect(posted.statusCode).toBe(201);
        const notice = await mine.waitFor((n) => n.kind === 'desk' && n.what === 'message.received');
        expect(notice).toEqual({ kind: 'desk', caseId, what: 'message.received' });
        // Presence on instance A reaches instance B's stream too.
        await ws.request(ws.agentEn, {
          method: 'POST',
          url: `/api/v1/cases/${caseId}/presence`,
          payload: { activity: 'replying' },
        });
        await mine.waitFor((n) => n.kind === 'presence' && n.caseId === caseId);
        const onB = await b.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${caseId}/presence`,
          headers: { cookie: ws.agentAr.cookie },
        });
        expect(json<CasePresenceResponse>(onB).people.map((p) => [p.name, p.activity])).toContainEqual([
          'Tom Baker',
          'replying',
        ]);
        expect(theirs.notices.filter((n) => n.kind !== 'resync')).toEqual([]);
      } finally {
        mine.close();
        theirs.close();
        await b.close();
      }
    },
  );

  run('notifies the owner of a new message on their case, and counts it read once seen', async () => {
    await ws.request(ws.supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      payload: { direction: 'inbound', channel: 'letter', body: 'A letter arrived about the same order.' },
    });
    const list = async (cookie: string) =>
      json<MyNoticesResponse>(
        await kept.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie } }),
      );
    const before = await list(ownerCookie);
    const message = before.notices.find((n) => n.caseId === caseId && n.kind === 'message');
    expect(message).toMatchObject({ subject: 'Where is order 48213?', unread: true });
    expect(before.unread).toBeGreaterThan(0);
    const seen = await kept.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/seen',
      headers: { cookie: ownerCookie },
      payload: { upTo: before.notices[0]!.eventId },
    });
    expect(seen.statusCode).toBe(204);
    // Marking an older id later does not un-read anything.
    await kept.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/seen',
      headers: { cookie: ownerCookie },
      payload: { upTo: 0 },
    });
    expect((await list(ownerCookie)).unread).toBe(0);
    expect((await list(other.admin.cookie)).notices).toEqual([]);
  });
});
