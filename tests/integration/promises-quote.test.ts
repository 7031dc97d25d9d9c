import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse, PromiseView } from '../../src/contract/api-types.ts';
import type {
  DueSoonResponse,
  OverPromiseError,
  PromiseRatesResponse,
  QuoteResponse,
  RecognizeResponse,
  SimulationResponse,
  ExpectationReportResponse,
} from '../../src/contract/promise-api-types.ts';
import { events } from '../../src/db/schema.ts';
import { forgetCapability } from '../../src/desk/promises/capability/capability-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, json, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';
import { and, eq } from 'drizzle-orm';

const postgres = await canUsePostgres();

/** A generated history: `n` completed durations of a kind (minutes from `durations(i)`), all in the last weeks. */
async function seedHistory(
  kept: TestKept,
  workspaceId: string,
  kind: string,
  channel: string,
  n: number,
  durations: (i: number) => number,
) {
  await kept.store.db.execute(sql`
    insert into promise_durations (workspace_id, kind, channel, language, priority, started_at, completed_at, minutes)
    select ${workspaceId}::uuid, ${kind}, ${channel}, 'en', 'normal',
           now() - interval '2 days' - (g || ' minutes')::interval, now() - interval '1 day', 0
    from generate_series(1, ${n}) g`);
  // minutes set from JS so the distribution is exactly known
  for (let i = 0; i < n; i += 50) {
    const values = Array.from({ length: Math.min(50, n - i) }, (_, k) => durations(i + k));
    await kept.store.db.execute(sql`
      update promise_durations set minutes = v.m from (select unnest(${sql.raw(`array[${values.join(',')}]`)}::int[]) m, generate_series(1, ${values.length}) r) v,
        (select id, row_number() over (order by id) r from promise_durations where workspace_id = ${workspaceId}::uuid and kind = ${kind} and minutes = 0 limit ${values.length}) t
      where promise_durations.id = t.id and t.r = v.r`);
  }
  forgetCapability(kept.store.db, workspaceId);
}

describe.each<StoreKind>(['pglite', 'postgres'])(
  'promises: quotes, over-promises, renegotiation, breach on %s',
  (kind) => {
    let kept: TestKept;
    let ws: TestWorkspace;

    beforeAll(async () => {
      if (kind === 'postgres' && !postgres) return;
      kept = await testKept(kind);
    });
    afterEach(() => kept?.clock.reset());
    const run = kind === 'postgres' && !postgres ? it.skip : it;

    async function newCase(body = 'My router stopped working yesterday, please help.') {
      const r = await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: 'Jane Roe', email: `jane-${Math.random().toString(36).slice(2)}@example.com` },
          channel: 'email',
          subject: 'Router',
          body,
        },
      });
      expect(r.statusCode).toBe(201);
      return json<CaseDetailResponse>(r);
    }

    run(
      'without history the acknowledgement keeps the fixed time; with history it quotes the 90th percentile',
      async () => {
        ws = await createTestWorkspace(kept);
        kept.clock.set(new Date());
        const before = await newCase();
        const firstPromise = before.promises.find((p) => p.kind === 'first_response')!;
        expect(new Date(firstPromise.dueAt).getTime() - kept.clock.now().getTime()).toBe(8 * 60 * 60_000);

        // 100 first answers on e-mail: 1..100 minutes → p90 = 90 minutes, rounded up to a quarter hour.
        await seedHistory(kept, ws.id, 'first_response', 'email', 100, (i) => i + 1);
        const after = await newCase();
        const quoted = after.promises.find((p) => p.kind === 'first_response')!;
        const span = (new Date(quoted.dueAt).getTime() - kept.clock.now().getTime()) / 60_000;
        expect(span).toBeGreaterThanOrEqual(90);
        expect(span).toBeLessThan(105);
        expect(new Date(quoted.dueAt).getUTCMinutes() % 15).toBe(0);
        const made = await kept.store.db
          .select()
          .from(events)
          .where(and(eq(events.caseId, after.case.id), eq(events.type, 'promise.made')));
        expect((made[0]!.data as { quote?: { minutes: number; percentile: number } }).quote).toMatchObject({
          minutes: 90,
          percentile: 90,
        });

        const q = json<QuoteResponse>(
          await ws.request(ws.agentEn, {
            method: 'GET',
            url: `/api/v1/promises/quote?caseId=${after.case.id}&kind=first_response`,
          }),
        );
        expect(q.quote).toMatchObject({
          minutes: 90,
          percentile: 90,
          sampleSize: 100,
          group: 'channel+language+priority+team+category',
        });
      },
    );

    run('an over-promise needs confirmOverPromise (422 with the numbers); confirmed, it is recorded', async () => {
      ws = await createTestWorkspace(kept);
      kept.clock.set(new Date());
      const c = await newCase();
      // callbacks took 5 hours for 90% of them
      await seedHistory(kept, ws.id, 'callback', 'email', 40, (i) => (i < 36 ? 240 + i : 300));
      const dueAt = new Date(kept.clock.now().getTime() + 60 * 60_000).toISOString();
      const refused = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${c.case.id}/promises`,
        payload: { kind: 'callback', channel: 'phone', dueAt, description: 'Call back about the router' },
      });
      expect(refused.statusCode).toBe(422);
      const body = json<OverPromiseError>(refused);
      expect(body.error.code).toBe('promise.over_promise');
      expect(body.error.field).toBe('confirmOverPromise');
      expect(body.warning).toBe('similar callbacks: 90% done within 4.5 h; you promised 60 min');
      expect(body.quote.minutes).toBe(275);

      const ok = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${c.case.id}/promises`,
        payload: {
          kind: 'callback',
          channel: 'phone',
          dueAt,
          description: 'Call back about the router',
          confirmOverPromise: true,
        },
      });
      expect(ok.statusCode).toBe(201);
      const promise = json<PromiseView & { warning: string }>(ok);
      expect(promise.overPromiseConfirmed).toBe(true);
      expect(promise.warning).toContain('you promised 60 min');
      const made = await kept.store.db
        .select()
        .from(events)
        .where(and(eq(events.caseId, c.case.id), eq(events.type, 'promise.made')));
      const data = made
        .map((e) => e.data as { promiseId: string; overPromiseConfirmed?: boolean })
        .find((d) => d.promiseId === promise.id)!;
      expect(data.overPromiseConfirmed).toBe(true);

      // At or beyond the quote: no warning, no confirmation needed.
      const slow = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${c.case.id}/promises`,
        payload: {
          kind: 'callback',
          channel: 'phone',
          dueAt: new Date(kept.clock.now().getTime() + 6 * 3_600_000).toISOString(),
          description: 'Call back',
        },
      });
      expect(slow.statusCode).toBe(201);
      expect(json(slow).warning).toBeNull();
    });

    run(
      'renegotiation tells the customer and keeps the history; a breach escalates and shows in the reports',
      async () => {
        ws = await createTestWorkspace(kept);
        kept.clock.set(new Date('2026-03-02T10:00:00Z'));
        const c = await newCase();
        const made = json<PromiseView>(
          await ws.request(ws.agentEn, {
            method: 'POST',
            url: `/api/v1/cases/${c.case.id}/promises`,
            payload: {
              kind: 'refund',
              channel: 'email',
              dueAt: '2026-03-03T10:00:00Z',
              description: 'Refund the duplicate charge',
            },
          }),
        );
        const silent = await ws.request(ws.agentEn, {
          method: 'POST',
          url: `/api/v1/promises/${made.id}/renegotiate`,
          payload: { dueAt: '2026-03-04T10:00:00Z', messageToCustomer: '' },
        });
        expect(silent.statusCode).toBe(400);
        const moved = json<PromiseView>(
          await ws.request(ws.agentEn, {
            method: 'POST',
            url: `/api/v1/promises/${made.id}/renegotiate`,
            payload: {
              dueAt: '2026-03-04T10:00:00Z',
              messageToCustomer: 'The bank needs one more day; your refund will be there by Wednesday 10:00.',
            },
          }),
        );
        const detail = json<CaseDetailResponse>(
          await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${c.case.id}` }),
        );
        const reneg = detail.timeline.find((t) => t.eventType === 'promise.renegotiated')!;
        expect(reneg.data).toMatchObject({
          fromDueAt: '2026-03-03T10:00:00.000Z',
          toDueAt: '2026-03-04T10:00:00.000Z',
        });
        expect(detail.timeline.some((t) => t.message?.body.includes('by Wednesday 10:00'))).toBe(true);

        const soon = json<DueSoonResponse>(
          await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/promises/reports/due-soon?hours=72' }),
        );
        expect(soon.items.map((i) => i.promise.id)).toContain(moved.id);
        const mine = json<DueSoonResponse>(
          await ws.request(ws.agentRu, { method: 'GET', url: '/api/v1/promises/reports/due-soon?hours=72' }),
        );
        expect(mine.items.map((i) => i.promise.id)).not.toContain(moved.id);

        kept.clock.set(new Date('2026-03-04T10:01:00Z'));
        await kept.fireDueTimers();
        const broken = json(
          await ws.request(ws.supervisor, {
            method: 'GET',
            url: '/api/v1/promises/reports/broken?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z',
          }),
        );
        const item = broken.items.find((i: { promise: PromiseView }) => i.promise.id === moved.id);
        expect(item.next.map((n: { type: string }) => n.type)).toContain('escalation.opened');

        const rates = json<PromiseRatesResponse>(
          await ws.request(ws.supervisor, {
            method: 'GET',
            url: '/api/v1/promises/reports/rates?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z',
          }),
        );
        const refunds = rates.byKind.find((r) => r.key === 'refund')!;
        expect(refunds).toMatchObject({ made: 2, broken: 1, renegotiated: 1, kept: 0 });
        expect(rates.byWeek.map((w) => w.key)).toContain('2026-03-02');
        const sim = json<SimulationResponse>(
          await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/promises/reports/simulation?weeks=4' }),
        );
        expect(sim.promises).toBeGreaterThanOrEqual(1);
      },
    );

    run('recognises a commitment in a reply and offers it with the parsed time', async () => {
      ws = await createTestWorkspace(kept);
      kept.clock.set(new Date('2026-03-02T10:00:00Z'));
      const c = await newCase();
      const r = json<RecognizeResponse>(
        await ws.request(ws.agentEn, {
          method: 'POST',
          url: '/api/v1/promises/recognize',
          payload: { caseId: c.case.id, text: 'Thanks for waiting. I will call you back tomorrow at 3 pm.' },
        }),
      );
      expect(r.suggestions).toHaveLength(1);
      expect(r.suggestions[0]).toMatchObject({ kind: 'callback', dueAt: '2026-03-03T15:00:00.000Z', timeStated: true });
      const ru = json<RecognizeResponse>(
        await ws.request(ws.agentEn, {
          method: 'POST',
          url: '/api/v1/promises/recognize',
          payload: { caseId: c.case.id, text: 'Перезвоню завтра в 15:00.' },
        }),
      );
      expect(ru.suggestions[0]).toMatchObject({ kind: 'callback', dueAt: '2026-03-03T15:00:00.000Z' });
      const none = json<RecognizeResponse>(
        await ws.request(ws.agentEn, {
          method: 'POST',
          url: '/api/v1/promises/recognize',
          payload: { caseId: c.case.id, text: 'I can’t promise anything yet.' },
        }),
      );
      expect(none.suggestions).toEqual([]);
    });

    run('the customer says by when they expect an answer: in the portal form and by the signed link', async () => {
      ws = await createTestWorkspace(kept);
      kept.clock.set(new Date('2026-03-02T10:00:00Z'));
      const created = await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/${ws.slug}/requests`,
        payload: {
          name: 'Ahmed',
          email: `a-${Math.random().toString(36).slice(2)}@example.com`,
          body: 'My refund has not arrived.',
          expectation: 'hour',
        },
      });
      expect(created.statusCode).toBe(201);
      const ack = json(created).acknowledgement as string;
      const link = /\/portal\/expect\/([A-Za-z0-9_.-]+)/.exec(ack)?.[1];
      expect(link).toBeTruthy();
      const page = await ws.request(null, { method: 'GET', url: `/api/v1/portal/expect/${link}` });
      expect(page.statusCode).toBe(200);
      kept.clock.advanceMinutes(2);
      const answered = await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/expect/${link}`,
        payload: { choice: 'today' },
      });
      expect(answered.statusCode).toBe(201);
      expect(json(answered).answered.choice).toBe('today');
      expect((await ws.request(null, { method: 'GET', url: `/api/v1/portal/expect/${link}x` })).statusCode).toBe(401);

      kept.clock.set(new Date('2026-03-03T12:00:00Z'));
      const report = json<ExpectationReportResponse>(
        await ws.request(ws.supervisor, {
          method: 'GET',
          url: '/api/v1/promises/reports/expectations?from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z',
        }),
      );
      expect(report.overall.customers).toBe(1);
      expect(report.overall.met).toBe(0);
      expect(report.byChannel[0]!.key).toBe('portal');
    });
  },
);
