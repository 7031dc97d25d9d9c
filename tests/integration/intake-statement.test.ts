import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveCustomerMessage } from '../../src/desk/cases/receive-customer-message.ts';
import { readThread } from '../../src/desk/cases/read-intake-state.ts';
import { writeIntake } from '../../src/desk/cases/intake-group-commit.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { acknowledgements, cases, events, messages, promises } from '../../src/db/schema.ts';
import type { DeskContext, TimerRequest } from '../../src/kernel/desk-context.ts';
import { startJobs, type JobRunner } from '../../src/jobs/start-jobs.ts';
import { TIMER } from '../../src/kernel/job-names.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// Intake writes a message in one statement (src/desk/cases/write-intake.ts), timers included, and
// guards a threaded write with the case's row version instead of a lock. These tests use real
// pg-boss timers (the other desk tests record them in memory) and race messages on one case.
describe.each<StoreKind>(['pglite', 'postgres'])('intake in one statement on %s', (kind) => {
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  let kept: TestKept;
  let jobs: JobRunner;
  let ctx: DeskContext;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    jobs = await startJobs(kept.store);
    ctx = { ...kept.ctx, timers: jobs.timers };
    ws = await createTestWorkspace(kept);
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  async function jobsFor(name: string, key: string, value: string) {
    return queryRows<{ id: string }>(
      kept.store.db,
      sql`select id from pgboss.job where name = ${name} and data->>${key} = ${value}`,
    );
  }

  run('writes the promise timers and the hell assessment with the message, into pg-boss', async () => {
    const received = await receiveCustomerMessage(ctx, {
      workspaceId: ws.id,
      customer: { name: 'Nadia', email: `nadia-${randomUUID()}@example.com` },
      channel: 'web',
      body: 'My order has not arrived and nobody answers the phone.',
    });
    const [promise] = await kept.store.db.select().from(promises).where(eq(promises.caseId, received.caseRow.id));
    expect(promise?.kind).toBe('first_response');
    // One job waits per promise: its reminder, which queues the due timer when it fires.
    expect(await jobsFor(TIMER.promiseReminder, 'promiseId', promise!.id)).toHaveLength(1);
    expect(await jobsFor(TIMER.promiseDue, 'promiseId', promise!.id)).toHaveLength(0);
    expect(await jobsFor(TIMER.caseAssessHell, 'caseId', received.caseRow.id)).toHaveLength(1);
    const [stored] = await kept.store.db.select().from(cases).where(eq(cases.id, received.caseRow.id));
    expect(stored?.number).toBe(received.caseRow.number);
    expect(received.reference).toBe(`K-${stored!.number}`);
  });

  run('writes nothing, timers included, when the case changed after it was read', async () => {
    const first = await receiveCustomerMessage(ctx, {
      workspaceId: ws.id,
      customer: { name: 'Igor', email: `igor-${randomUUID()}@example.com` },
      channel: 'web',
      body: 'Where is my refund?',
    });
    const stale = await readThread(kept.store.db, ws.id, first.caseRow.id, { lock: false });
    await kept.store.db.update(cases).set({ priority: 'high' }).where(eq(cases.id, first.caseRow.id));
    const messageId = randomUUID();
    const written = await writeIntake(kept.store.db, jobs.timers, {
      caseWrite: {
        kind: 'update',
        id: first.caseRow.id,
        workspaceId: ws.id,
        version: stale.version,
        set: { status: 'open', lastCustomerMessageAt: new Date(), updatedAt: new Date() },
      },
      newCustomer: null,
      customerLanguage: null,
      message: {
        id: messageId,
        workspaceId: ws.id,
        caseId: first.caseRow.id,
        customerId: first.customer.id,
        direction: 'inbound',
        channel: 'web',
        body: 'late',
      },
      acknowledgement: null,
      outbox: null,
      promise: null,
      task: null,
      events: [
        {
          workspaceId: ws.id,
          caseId: first.caseRow.id,
          customerId: first.customer.id,
          actorUserId: null,
          occurredAt: new Date(),
          type: 'message.received',
          data: { messageId, channel: 'web' },
        },
      ],
      timers: [
        {
          name: TIMER.caseAssessHell,
          payload: { workspaceId: ws.id, caseId: first.caseRow.id, marker: messageId },
          startAfter: new Date(),
        } as TimerRequest,
      ],
    });
    expect(written).toBe(false);
    expect(await kept.store.db.select().from(messages).where(eq(messages.id, messageId))).toHaveLength(0);
    const received = await kept.store.db
      .select()
      .from(events)
      .where(and(eq(events.caseId, first.caseRow.id), eq(events.type, 'message.received')));
    expect(received).toHaveLength(1);
    expect(await jobsFor(TIMER.caseAssessHell, 'marker', messageId)).toHaveLength(0);
  });

  run('keeps every one of many messages racing onto one case, acknowledged once', async () => {
    const first = await receiveCustomerMessage(ctx, {
      workspaceId: ws.id,
      customer: { name: 'Rivka', email: `rivka-${randomUUID()}@example.com` },
      channel: 'web',
      body: 'The invoice is wrong.',
    });
    const bodies = Array.from({ length: 12 }, (_, i) => `Another detail about the invoice, number ${i + 1}.`);
    const results = await Promise.all(
      bodies.map((body) =>
        receiveCustomerMessage(ctx, { workspaceId: ws.id, caseId: first.caseRow.id, channel: 'web', body }),
      ),
    );
    expect(new Set(results.map((r) => r.messageId)).size).toBe(12);
    const stored = await kept.store.db
      .select({ body: messages.body })
      .from(messages)
      .where(eq(messages.caseId, first.caseRow.id));
    expect(stored.map((m) => m.body).sort()).toEqual(['The invoice is wrong.', ...bodies].sort());
    const timeline = await kept.store.db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(eq(events.caseId, first.caseRow.id));
    const received = timeline.filter((e) => e.type === 'message.received');
    expect(received).toHaveLength(13);
    // Inside the window: the first message was acknowledged, the twelve others recorded as suppressed (on their own events).
    expect(
      received.filter((e) => (e.data as { suppressedAcknowledgement?: unknown }).suppressedAcknowledgement),
    ).toHaveLength(12);
    expect(
      await kept.store.db.select().from(acknowledgements).where(eq(acknowledgements.caseId, first.caseRow.id)),
    ).toHaveLength(1);
    expect(await kept.store.db.select().from(promises).where(eq(promises.caseId, first.caseRow.id))).toHaveLength(1);
  });

  run('a first message from the same new address twice at once makes one customer', async () => {
    const email = `twice-${randomUUID()}@example.com`;
    const [a, b] = await Promise.all(
      ['First copy of my question.', 'Second copy of my question.'].map((body) =>
        receiveCustomerMessage(ctx, { workspaceId: ws.id, customer: { name: 'Twice', email }, channel: 'web', body }),
      ),
    );
    expect(a!.customer.id).toBe(b!.customer.id);
  });
});
