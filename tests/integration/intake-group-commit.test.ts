import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveCustomerMessage } from '../../src/desk/cases/receive-customer-message.ts';
import { readThread } from '../../src/desk/cases/read-intake-state.ts';
import { findCustomersForNewCases } from '../../src/desk/cases/read-new-cases.ts';
import { writeIntakes, type IntakeWrite } from '../../src/desk/cases/write-intake.ts';
import { runHotStatement } from '../../src/db/hot-statement.ts';
import { pgErrorCode } from '../../src/db/pg-error.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { events, messages } from '../../src/db/schema.ts';
import type { DeskContext, TimerRequest } from '../../src/kernel/desk-context.ts';
import { startJobs, type JobRunner } from '../../src/jobs/start-jobs.ts';
import { TIMER } from '../../src/kernel/job-names.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();
const kinds: StoreKind[] = postgres ? ['pglite', 'postgres'] : ['pglite'];

// Intake's writes are gathered into one statement while others are on their way
// (src/desk/cases/intake-group-commit.ts), and so are the reads of messages opening cases
// (read-new-cases.ts). These tests use real pg-boss timers.
describe.each(kinds)('intake gathered into shared statements on %s', (kind) => {
  let kept: TestKept;
  let jobs: JobRunner;
  let ctx: DeskContext;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    kept = await testKept(kind);
    jobs = await startJobs(kept.store);
    ctx = { ...kept.ctx, timers: jobs.timers };
    ws = await createTestWorkspace(kept);
    other = await createTestWorkspace(kept);
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  const open = (name: string, body: string) =>
    receiveCustomerMessage(ctx, {
      workspaceId: ws.id,
      customer: { name, email: `${name.toLowerCase()}-${randomUUID()}@example.com` },
      channel: 'web',
      body,
    });

  it('writes many messages arriving at once together, each whole, with its events in order and its timers', async () => {
    const opened = await Promise.all(
      Array.from({ length: 6 }, (_, i) => open(`Opener${i}`, `Order ${i} never arrived.`)),
    );
    const threaded = await Promise.all(
      opened.map((c, i) =>
        receiveCustomerMessage(ctx, {
          workspaceId: ws.id,
          caseId: c.caseRow.id,
          channel: 'web',
          body: `Still waiting for order ${i}.`,
        }),
      ),
    );
    const ids = [...opened, ...threaded].map((r) => r.messageId);
    // Committed together: rows written by one statement carry its transaction id.
    const [groups] = await queryRows<{ n: number | string }>(
      kept.store.db,
      sql`select count(distinct xmin::text) as n from messages where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    expect(Number(groups!.n)).toBeLessThan(ids.length);
    for (const c of opened) {
      const timeline = await kept.store.db
        .select({ type: events.type })
        .from(events)
        .where(eq(events.caseId, c.caseRow.id))
        .orderBy(events.id);
      const types = timeline.map((e) => e.type);
      expect(types.slice(0, 3)).toEqual(['case.opened', 'case.assigned', 'message.received']);
      expect(types.filter((t) => t === 'message.received')).toHaveLength(2);
      const timers = await queryRows<{ id: string }>(
        kept.store.db,
        sql`select id from pgboss.job where name = ${TIMER.caseAssessHell} and data->>'caseId' = ${c.caseRow.id}`,
      );
      expect(timers.length).toBeGreaterThanOrEqual(1);
    }
    const stored = await kept.store.db.select({ id: messages.id }).from(messages).where(inArray(messages.id, ids));
    expect(stored).toHaveLength(12);
  });

  it('writes the others of a statement and nothing of a write whose case changed, timers included', async () => {
    const a = await open('Stale', 'First message on a case that will change.');
    const b = await open('Fresh', 'First message on a case that will not.');
    const staleA = await readThread(kept.store.db, ws.id, a.caseRow.id, { lock: false });
    const freshB = await readThread(kept.store.db, ws.id, b.caseRow.id, { lock: false });
    await kept.store.db.execute(sql`update cases set priority = 'high' where id = ${a.caseRow.id}`);
    const write = (state: typeof staleA, marker: string): IntakeWrite => ({
      caseWrite: {
        kind: 'update',
        id: state.caseRow.id,
        workspaceId: ws.id,
        version: state.version,
        set: { status: 'open', lastCustomerMessageAt: new Date(), updatedAt: new Date() },
      },
      newCustomer: null,
      customerLanguage: null,
      message: {
        id: marker,
        workspaceId: ws.id,
        caseId: state.caseRow.id,
        customerId: state.customer.id,
        direction: 'inbound',
        channel: 'web',
        body: marker,
      },
      acknowledgement: null,
      outbox: null,
      promise: null,
      task: null,
      events: [
        {
          workspaceId: ws.id,
          caseId: state.caseRow.id,
          customerId: state.customer.id,
          actorUserId: null,
          occurredAt: new Date(),
          type: 'message.received',
          data: { messageId: marker, channel: 'web' },
        },
      ],
      timers: [
        {
          name: TIMER.caseAssessHell,
          payload: { workspaceId: ws.id, caseId: state.caseRow.id, marker },
          startAfter: new Date(),
        } as TimerRequest,
      ],
    });
    const [markA, markB] = [randomUUID(), randomUUID()];
    const [writtenA, writtenB] = await writeIntakes(kept.store.db, jobs.timers, [
      write(staleA, markA),
      write(freshB, markB),
    ]);
    expect(writtenA).toBe(false);
    expect(writtenB).toMatchObject({ caseVersion: expect.any(String) });
    expect(await kept.store.db.select().from(messages).where(eq(messages.id, markA))).toHaveLength(0);
    expect(await kept.store.db.select().from(messages).where(eq(messages.id, markB))).toHaveLength(1);
    const marked = async (marker: string) =>
      queryRows<{ id: string }>(
        kept.store.db,
        sql`select id from pgboss.job where name = ${TIMER.caseAssessHell} and data->>'marker' = ${marker}`,
      );
    expect(await marked(markA)).toHaveLength(0);
    expect(await marked(markB)).toHaveLength(1);
  });

  it('a message the store refuses fails alone; the others arriving with it are written', async () => {
    const c = await open('Dup', 'An e-mail that will be delivered twice.');
    const externalId = `<${randomUUID()}@mail.example>`;
    await receiveCustomerMessage(ctx, {
      workspaceId: ws.id,
      caseId: c.caseRow.id,
      channel: 'email',
      body: 'Delivered once.',
      externalId,
    });
    const results = await Promise.allSettled([
      receiveCustomerMessage(ctx, {
        workspaceId: ws.id,
        caseId: c.caseRow.id,
        channel: 'email',
        body: 'Delivered twice.',
        externalId,
      }),
      ...Array.from({ length: 4 }, (_, i) => open(`Bystander${i}`, `An unrelated question ${i}.`)),
    ]);
    expect(results[0]!.status).toBe('rejected');
    expect(pgErrorCode((results[0] as PromiseRejectedResult).reason)).toBe('23505');
    expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true);
  });

  it('finds the customers of messages opening cases together, each by its own key, with a case number each', async () => {
    const known = await open('Known', 'I have written before.');
    const found = await findCustomersForNewCases(kept.store.db, [
      { workspaceId: ws.id, id: null, email: known.customer.email, phone: null },
      { workspaceId: ws.id, id: null, email: `nobody-${randomUUID()}@example.com`, phone: null },
      // The same address in another workspace is another company's customer: not found.
      { workspaceId: other.id, id: null, email: known.customer.email, phone: null },
      { workspaceId: ws.id, id: known.customer.id, email: null, phone: null },
    ]);
    expect(found.map((f) => f.customer?.id ?? null)).toEqual([known.customer.id, null, null, known.customer.id]);
    expect(found[0]!.customerVersion).toEqual(expect.any(String));
    expect(new Set(found.map((f) => f.caseNumber)).size).toBe(4);
  });

  it('refuses, in the database, a message pointing at another workspace’s case or customer', async () => {
    const theirs = await receiveCustomerMessage(
      { ...ctx },
      {
        workspaceId: other.id,
        customer: { name: 'Theirs', email: `theirs-${randomUUID()}@example.com` },
        channel: 'web',
        body: 'A case of the other company.',
      },
    );
    const mine = await open('Mine', 'A case of ours.');
    const insert = (caseId: string, customerId: string) =>
      kept.store.db
        .insert(messages)
        .values({ workspaceId: ws.id, caseId, customerId, direction: 'inbound', channel: 'web', body: 'cross-tenant' });
    await expect(insert(theirs.caseRow.id, mine.customer.id)).rejects.toSatisfy(
      (e: unknown) => pgErrorCode(e) === '23503',
    );
    await expect(insert(mine.caseRow.id, theirs.customer.id)).rejects.toSatisfy(
      (e: unknown) => pgErrorCode(e) === '23503',
    );
    await expect(
      kept.store.db
        .insert(events)
        .values({ workspaceId: ws.id, caseId: theirs.caseRow.id, customerId: null, type: 'note.added', data: {} }),
    ).rejects.toSatisfy((e: unknown) => pgErrorCode(e) === '23503');
  });

  if (kind === 'postgres') {
    it('runs intake’s statements on generic plans, and only those', async () => {
      const setting = sql`select current_setting('plan_cache_mode') as mode, current_setting('enable_seqscan') as seqscan`;
      const [hot] = await runHotStatement<{ mode: string; seqscan: string }>(
        kept.store.db,
        "select current_setting('plan_cache_mode') as mode, current_setting('enable_seqscan') as seqscan",
        [],
      );
      expect(hot).toEqual({ mode: 'force_generic_plan', seqscan: 'off' });
      const [other] = await queryRows<{ mode: string; seqscan: string }>(kept.store.db, setting);
      expect(other).toEqual({ mode: 'auto', seqscan: 'on' });
      // Inside a transaction a hot statement runs on that transaction's connection.
      const inside = await kept.store.db.transaction(async (tx) =>
        runHotStatement<{ mode: string }>(tx as never, "select current_setting('plan_cache_mode') as mode", []),
      );
      expect(inside[0]?.mode).toBe('auto');
    });
  }
});
