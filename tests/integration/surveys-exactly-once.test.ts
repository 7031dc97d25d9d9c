// Issue 15: "exactly once across several instances", with two real `kept serve` processes on one
// PostgreSQL database, each with its own pg-boss workers and outbox sender. Every customer has two
// cases, resolved at the same moment on the two instances, and every planning and sending job is
// delivered more than once (as pg-boss does after an expiry), in an order that puts a customer's two
// surveys, or two copies of one survey, into the two instances' batches at the same moment (pg-boss
// hands out due jobs oldest first, 20 at a time). Each customer still gets one satisfaction survey
// (the other held back by the 30-day rule under the customer's row lock), one NPS survey for the
// period, and each e-mail reaches the mail sink once.
import type { ChildProcess } from 'node:child_process';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/accounts/sessions.ts';
import { migrateStore, openPostgres, queryRows, type Store } from '../../src/db/open-database.ts';
import { cases, customers } from '../../src/db/schema.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { startJobs, type JobRunner } from '../../src/jobs/start-jobs.ts';
import { RecordingTimers } from '../../src/kernel/desk-context.ts';
import { SURVEY_JOB } from '../../src/kernel/job-names.ts';
import { sendSurvey, updateSurveySettings } from '../../src/surveys/index.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { killHard, startServe } from './support/kept-serve.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';
import { waitFor } from './support/timer-kit.ts';

// One pg-boss batch (20) of each customer's first surveys, then one of their second surveys.
const CUSTOMERS = 20;
const SUBJECT = 'How did we do?';

describe.skipIf(!(await canUsePostgres()))('surveys exactly once across two instances (PostgreSQL)', () => {
  let store: Store | null = null;
  let sender: JobRunner | null = null;
  let drop: (() => Promise<void>) | null = null;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) await killHard(child);
    await sender?.stop();
    await store?.close();
    await drop?.();
  });

  it(
    'each satisfaction and NPS survey is decided and e-mailed once, however the two instances share the jobs',
    { timeout: 300_000 },
    async () => {
      const database = await createTestDatabase('kept_survey_twins');
      drop = database.drop;
      store = await openPostgres(database.url);
      await migrateStore(store);
      const db = store.db;
      const tag = Math.random().toString(36).slice(2, 8);
      const { workspace, admin } = await createWorkspace(db, {
        workspaceName: `Survey twins ${tag}`,
        adminName: 'Ada',
        adminEmail: `twins-admin-${tag}@kept.test`,
        password: 'twins-password-1',
        language: 'en',
        slug: `twins-${tag}`,
      });
      await updateSurveySettings(
        db,
        workspace.id,
        // An hour's delay: the planned send jobs wait, and the test's own deliveries come first.
        { enabled: true, delayBusinessMinutes: 60, askEffort: false, throttleDays: 30, npsIntervalDays: 90 },
        new Date(),
      );
      const token = await createApiToken(db, { workspaceId: workspace.id, userId: admin.id, name: 'survey twins' });
      const instances = await Promise.all([
        startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: 'off' }),
        startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: 'off' }),
      ]);
      children.push(...instances.map((i) => i.child));
      // The test's own pg-boss, without workers: it only delivers jobs a second time.
      sender = await startJobs(store);

      const call = async <T>(url: string, path: string, body: unknown): Promise<T> => {
        const response = await fetch(`${url}/api/v1${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
        expect(response.status, `${path}: ${response.status}`).toBeLessThan(300);
        return (await response.json()) as T;
      };
      // Two cases per customer, one on each instance.
      const caseIds = await Promise.all(
        Array.from({ length: CUSTOMERS }, (_, i) =>
          Promise.all(
            instances.map(async (instance, n) => {
              const created = await call<{ case: { id: string } }>(instance.url, '/cases', {
                customer: { name: `Customer ${i}`, email: `c${i}-${tag}@example.com`, language: 'en' },
                channel: 'email',
                subject: `Request ${i}.${n}`,
                body: `My order ${i}.${n} has not arrived.`,
              });
              return created.case.id;
            }),
          ),
        ),
      );
      // Both of a customer's cases resolved at once, each on its own instance.
      await Promise.all(
        caseIds.flatMap((pair) =>
          pair.map((caseId, n) => call(instances[n]!.url, `/cases/${caseId}/transitions`, { to: 'resolved' })),
        ),
      );
      for (const caseId of caseIds.flat())
        await sender.timers.schedule(db, {
          name: SURVEY_JOB.planAfterResolution,
          payload: { workspaceId: workspace.id, caseId },
          startAfter: new Date(),
        });

      const statuses = async () => {
        const rows = await db
          .select({ kind: surveyRequests.kind, status: surveyRequests.status, skipReason: surveyRequests.skipReason })
          .from(surveyRequests)
          .where(eq(surveyRequests.workspaceId, workspace.id));
        const count = (kind: string, status: string) =>
          rows.filter((r) => r.kind === kind && r.status === status).length;
        return {
          rows,
          satisfactionSent: count('satisfaction', 'sent'),
          satisfactionSkipped: count('satisfaction', 'skipped'),
          npsScheduled: count('nps', 'scheduled'),
          npsSent: count('nps', 'sent'),
        };
      };
      const planned = await waitFor(
        () => db.select().from(surveyRequests).where(eq(surveyRequests.workspaceId, workspace.id)),
        (rows) => rows.length === 3 * CUSTOMERS,
        120_000,
        500,
      );
      expect(planned).toHaveLength(3 * CUSTOMERS);
      /**
       * Copies of these surveys' send jobs, all due together a few seconds from now, in this order:
       * pg-boss hands out due jobs by creation time, so each is created in a statement of its own.
       */
      const deliverTogether = async (surveyIds: string[]) => {
        const at = new Date(Date.now() + 8_000);
        for (const surveyId of surveyIds)
          await sender!.timers.schedule(db, {
            name: SURVEY_JOB.send,
            payload: { workspaceId: workspace.id, surveyId },
            startAfter: at,
          });
        expect(Date.now()).toBeLessThan(at.getTime());
      };
      const satisfaction = caseIds.map((pair) =>
        pair.map((caseId) => planned.find((s) => s.caseId === caseId && s.kind === 'satisfaction')!.id),
      );
      const firsts = satisfaction.map((pair) => pair[0]!);
      const seconds = satisfaction.map((pair) => pair[1]!);
      await deliverTogether([...firsts, ...seconds, ...firsts, ...seconds]);
      const settled = await waitFor(
        statuses,
        (s) => s.satisfactionSent + s.satisfactionSkipped === 2 * CUSTOMERS && s.npsScheduled === CUSTOMERS,
        120_000,
        500,
      );
      expect(settled.rows).toHaveLength(3 * CUSTOMERS);
      expect(settled.satisfactionSent).toBe(CUSTOMERS);
      expect(settled.rows.filter((r) => r.status === 'skipped').map((r) => r.skipReason)).toEqual(
        Array(CUSTOMERS).fill('recently_surveyed'),
      );
      const oneEach = await queryRows<{ customer_id: string; n: number }>(
        db,
        sql`select customer_id, count(*)::int as n from survey_requests
            where workspace_id = ${workspace.id} and kind = 'satisfaction' and status = 'sent' group by customer_id`,
      );
      expect(oneEach.map((r) => r.n)).toEqual(Array(CUSTOMERS).fill(1));

      // The NPS period's survey, a month later: the first surveys are moved a month into the past and
      // each NPS survey's send job delivered twice at once (each instance takes a batch of copies).
      await queryRows(
        db,
        sql`update survey_requests set sent_at = sent_at - interval '31 days'
            where workspace_id = ${workspace.id} and sent_at is not null`,
      );
      const nps = planned.filter((s) => s.kind === 'nps').map((s) => s.id);
      await deliverTogether([...nps, ...nps]);
      const npsDone = await waitFor(statuses, (s) => s.npsScheduled === 0, 120_000, 500);
      expect(npsDone.npsSent).toBe(CUSTOMERS);

      // One `survey.sent` per survey, one outbox message each, and each in the mail sink once.
      const sentEvents = await queryRows<{ survey_id: string; n: number }>(
        db,
        sql`select data->>'surveyId' as survey_id, count(*)::int as n from events
            where workspace_id = ${workspace.id} and type = 'survey.sent' group by 1`,
      );
      expect(sentEvents).toHaveLength(2 * CUSTOMERS);
      expect(sentEvents.every((e) => e.n === 1)).toBe(true);
      const mailCounts = async () => {
        const [row] = await queryRows<{ outbox: number; sink: number; delivered: number }>(
          db,
          sql`select
                (select count(*)::int from outbox where workspace_id = ${workspace.id} and subject like ${`%${SUBJECT}%`}) as outbox,
                (select count(*)::int from email_sink_messages where workspace_id = ${workspace.id}
                   and subject like ${`%${SUBJECT}%`}) as sink,
                (select count(distinct outbox_id)::int from email_sink_messages where workspace_id = ${workspace.id}
                   and subject like ${`%${SUBJECT}%`}) as delivered`,
        );
        return row!;
      };
      const mail = await waitFor(mailCounts, (m) => m.sink >= 2 * CUSTOMERS, 120_000, 500);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // a late duplicate would show up now
      expect(await mailCounts()).toEqual({ outbox: 2 * CUSTOMERS, sink: 2 * CUSTOMERS, delivered: 2 * CUSTOMERS });
      expect(mail.outbox).toBe(2 * CUSTOMERS);
    },
  );
});

/**
 * The 30-day rule's race itself: two connections (two pools, as two instances have) decide a
 * customer's two surveys at the same moment, and the first holds its transaction open after its
 * throttle check (in its timer scheduling, which comes after the decision) until the second has
 * either finished or is waiting for a lock. With the customer's row lock (send-survey.ts) the second
 * waits, then reads the first's send and skips; without it both read "never surveyed" and both send.
 * The surveys are due an hour from now, so neither batch picks up the other's survey (only the job's
 * own survey is decided regardless of its time). PostgreSQL only: PGlite runs one transaction at a time.
 * The test above passes even without that lock (one instance's batch of 50 takes a customer's two surveys
 * together, and the in-batch rule holds the second); this one fails without it (the customers read without
 * `.for('update')` in decideBatch: both outcomes 'sent' in the first round).
 */
describe.skipIf(!(await canUsePostgres()))('surveys: the 30-day rule under a race (PostgreSQL)', () => {
  const opened: Store[] = [];
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const s of opened) await s.close();
    await drop?.();
  });

  it('two connections deciding one customer’s two surveys at once send one', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase('kept_survey_race');
    drop = database.drop;
    const [one, two] = [await openPostgres(database.url), await openPostgres(database.url)];
    opened.push(one, two);
    await migrateStore(one);
    const tag = Math.random().toString(36).slice(2, 8);
    const now = new Date();
    const { workspace } = await createWorkspace(one.db, {
      workspaceName: `Survey race ${tag}`,
      adminName: 'Ada',
      adminEmail: `race-admin-${tag}@kept.test`,
      password: 'race-password-1',
      language: 'en',
      slug: `race-${tag}`,
    });
    const settings = {
      enabled: true,
      delayBusinessMinutes: 0,
      askEffort: false,
      throttleDays: 30,
      npsIntervalDays: 90,
    };
    await updateSurveySettings(one.db, workspace.id, settings, now);
    const survey = async (customerId: string, n: number) => {
      const [c] = await one.db
        .insert(cases)
        .values({ workspaceId: workspace.id, customerId, subject: `Order ${n}`, status: 'resolved', channel: 'email' })
        .returning();
      const [s] = await one.db
        .insert(surveyRequests)
        .values({
          workspaceId: workspace.id,
          dedupeKey: `case:${c!.id}`,
          kind: 'satisfaction',
          caseId: c!.id,
          customerId,
          channel: 'email',
          language: 'en',
          sendAt: new Date(now.getTime() + 3_600_000),
        })
        .returning();
      return s!.id;
    };
    /** Is a transaction of this database waiting for a row lock (the second, behind the first)? */
    const someoneWaits = async () =>
      (
        await queryRows<{ n: number }>(
          one.db,
          sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
        )
      )[0]!.n > 0;

    const ROUNDS = 5;
    for (let round = 0; round < ROUNDS; round++) {
      const [customer] = await one.db
        .insert(customers)
        .values({ workspaceId: workspace.id, name: `Race ${round}`, email: `race${round}-${tag}@example.com` })
        .returning();
      const [first, second] = [await survey(customer!.id, 2 * round), await survey(customer!.id, 2 * round + 1)];
      let checked!: () => void;
      const firstChecked = new Promise<void>((resolve) => (checked = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // The first instance's timers: it has decided and written its send, and waits here uncommitted.
      const holding = new RecordingTimers();
      holding.schedule = async (tx, timer) => {
        checked();
        await released;
        await RecordingTimers.prototype.schedule.call(holding, tx, timer);
      };
      const ctx = (store: Store, timers: RecordingTimers) => ({
        db: store.db,
        timers,
        now: () => now,
        publicUrl: 'http://kept.test',
      });
      const a = sendSurvey(ctx(one, holding), { workspaceId: workspace.id, surveyId: first });
      await firstChecked;
      let bDone = false;
      const b = sendSurvey(ctx(two, new RecordingTimers()), { workspaceId: workspace.id, surveyId: second }).finally(
        () => (bDone = true),
      );
      // Until the second has finished (no lock) or waits behind the first (the lock); 10 s at most.
      const until = Date.now() + 10_000;
      while (!bDone && !(await someoneWaits()) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      release();
      const outcomes = [(await a).outcome, (await b).outcome];
      expect(outcomes, `round ${round}`).toEqual(['sent', 'skipped']);
      const rows = await one.db
        .select({ status: surveyRequests.status, skipReason: surveyRequests.skipReason })
        .from(surveyRequests)
        .where(and(eq(surveyRequests.workspaceId, workspace.id), eq(surveyRequests.customerId, customer!.id)));
      expect(rows.map((r) => `${r.status}:${r.skipReason ?? ''}`).sort()).toEqual([
        'sent:',
        'skipped:recently_surveyed',
      ]);
    }
  });
});
