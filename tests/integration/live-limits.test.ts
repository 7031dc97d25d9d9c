// The push stream's limits (issue 16): a browser that stops reading costs the server a bounded buffer and
// slows no other stream; a stream ends when its session does (logout, expiry, the person deactivated).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { LiveNotice } from '../../src/contract/live-types.ts';
import { SESSION_DAYS, startSession } from '../../src/accounts/index.ts';
import { MAX_QUEUED_NOTICES, noticeStreamStats, streamLimits } from '../../src/http/notice-stream.ts';
import { announceChange } from '../../src/kernel/change-notice.ts';
import { readEventStream } from '../support/event-stream-frames.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { secondInstance, type LiveInstance } from './support/live-instance.ts';
import { subscribeLive } from './support/live-stream.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';
import { until } from './support/until.ts';

const postgres = await canUsePostgres();
// Notices of about 1 KB, so a flood outgrows the loopback socket's kernel buffers quickly.
const PADDING = 'x'.repeat(1_000);
const FLOOD = 12_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stream whose client reads nothing after the headers (a frozen tab): `readFromNow` starts reading it. */
function openUnread(baseUrl: string, cookie: string): Promise<{ readFromNow(): LiveNotice[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/v1/live`, { headers: { cookie } }, (res) => {
      res.pause();
      const notices: LiveNotice[] = [];
      resolve({
        readFromNow() {
          readEventStream(res, (data) => notices.push(JSON.parse(data) as LiveNotice));
          res.resume();
          return notices;
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}

describe.each<StoreKind>(['pglite', 'postgres'])('live stream limits on %s', (kind) => {
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  let kept: TestKept;
  let ws: TestWorkspace;
  let b: LiveInstance;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    ws = await createTestWorkspace(kept);
    b = await secondInstance(kept);
  });
  afterAll(async () => {
    await b?.close();
  });

  /** Announces `count` notices of ~1 KB in small bursts, giving the sockets time between; the peak buffered. */
  async function flood(tag: string, count: number): Promise<number> {
    let peak = 0;
    for (let i = 0; i < count; i += 20) {
      for (let j = i; j < Math.min(count, i + 20); j++) {
        announceChange({ kind: 'desk', workspaceId: ws.id, caseId: null, what: `${tag}.${j}.${PADDING}` });
      }
      peak = Math.max(peak, noticeStreamStats().maxBufferedBytes);
      expect(noticeStreamStats().maxQueued).toBeLessThanOrEqual(MAX_QUEUED_NOTICES);
      await pause(1);
    }
    return peak;
  }

  run('a client that stops reading costs a bounded buffer, other streams get every notice', async () => {
    const reader = await subscribeLive(b.url, ws.agentEn.cookie);
    const frozen = await openUnread(b.url, ws.agentAr.cookie);
    try {
      const peak = await flood('flood', FLOOD);
      await reader.waitFor((n) => n.what?.startsWith(`flood.${FLOOD - 1}.`) ?? false, 15_000);
      expect(reader.notices.filter((n) => n.what?.startsWith('flood.')).length).toBe(FLOOD);
      // Node's high-water mark (16 KiB) and one notice, never the flood (12 MB).
      expect(peak).toBeLessThanOrEqual(32 * 1024);
      // Once the tab reads again it is told to refetch everything instead of what it missed.
      const late = frozen.readFromNow();
      await until(() => late.some((n) => n.kind === 'resync'), 'the resync hint');
      expect(late.filter((n) => n.what?.startsWith('flood.')).length).toBeLessThan(FLOOD);
    } finally {
      reader.close();
      frozen.close();
    }
  });

  run('a stream whose client reads nothing for the stall limit is dropped, its buffer freed', async () => {
    const saved = streamLimits.stallMs;
    streamLimits.stallMs = 200;
    const reader = await subscribeLive(b.url, ws.agentEn.cookie);
    const frozen = await openUnread(b.url, ws.agentAr.cookie);
    try {
      await until(() => noticeStreamStats().open >= 2, 'both streams open');
      const before = noticeStreamStats().open;
      await flood('stall', 6_000);
      await until(() => noticeStreamStats().open === before - 1, 'the frozen stream dropped');
      // The reader goes on.
      announceChange({ kind: 'desk', workspaceId: ws.id, caseId: null, what: 'after.stall' });
      await reader.waitFor((n) => n.what === 'after.stall');
    } finally {
      streamLimits.stallMs = saved;
      reader.close();
      frozen.close();
    }
  });

  const newSession = async (staff: TestStaff, now = new Date()) =>
    `kept_session=${await startSession(kept.store.db, { id: staff.id, workspaceId: ws.id }, now)}`;

  run('logging out ends that session’s streams on every instance, and no notice reaches them after', async () => {
    const created = await ws.request(ws.supervisor, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { customer: { name: 'Ivo Live', email: `ivo-${ws.slug}@example.com` }, channel: 'web', body: 'Hi' },
    });
    const caseId = json<CaseDetailResponse>(created).case.id;
    const laptop = await newSession(ws.agentEn);
    const leaving = await subscribeLive(b.url, laptop);
    const staying = await subscribeLive(b.url, ws.agentEn.cookie);
    try {
      const out = await kept.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: laptop } });
      expect(out.statusCode).toBe(204);
      // Written after the logout committed: the ended stream must not carry it.
      await ws.request(ws.supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${caseId}/messages`,
        payload: { direction: 'inbound', channel: 'phone', body: 'Calling again.' },
      });
      await leaving.ended;
      await staying.waitFor((n) => n.caseId === caseId && n.what === 'message.received');
      expect(leaving.notices.filter((n) => n.kind === 'desk' && n.caseId === caseId)).toEqual([]);
      await expect(subscribeLive(b.url, laptop)).rejects.toThrow('401');
    } finally {
      leaving.close();
      staying.close();
    }
  });

  run('a session that expires ends its stream; a person deactivated loses every stream', async () => {
    // A session started long ago, so that it ends half a second from now.
    const ending = await newSession(ws.agentEn, new Date(Date.now() - SESSION_DAYS * 86_400_000 + 500));
    const expiring = await subscribeLive(b.url, ending);
    await expiring.ended;

    const olga = [
      await subscribeLive(b.url, ws.agentRu.cookie),
      await subscribeLive(b.url, await newSession(ws.agentRu)),
    ];
    const tom = await subscribeLive(b.url, ws.agentEn.cookie);
    try {
      const off = await ws.request(ws.admin, {
        method: 'PATCH',
        url: `/api/v1/users/${ws.agentRu.id}`,
        payload: { active: false },
      });
      expect(off.statusCode).toBe(200);
      await Promise.all(olga.map((s) => s.ended));
      announceChange({ kind: 'desk', workspaceId: ws.id, caseId: null, what: 'after.deactivation' });
      await tom.waitFor((n) => n.what === 'after.deactivation');
      for (const s of olga) expect(s.notices.some((n) => n.what === 'after.deactivation')).toBe(false);
    } finally {
      for (const s of [...olga, tom]) s.close();
    }
  });
});
