import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCaseStatus } from '../../src/desk/cases/change-case-status.ts';
import { receiveCustomerMessage } from '../../src/desk/cases/receive-customer-message.ts';
import { cachedThread } from '../../src/desk/cases/thread-cache.ts';
import { writeIntake } from '../../src/desk/cases/intake-group-commit.ts';
import type { IntakeWrite } from '../../src/desk/cases/write-intake.ts';
import { openPostgres, type Store } from '../../src/db/open-database.ts';
import { customers, events, messages, promises } from '../../src/db/schema.ts';
import type { DeskContext } from '../../src/kernel/desk-context.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// A message on a case this process wrote last skips intake's read and decides on the state
// that write left (src/desk/cases/thread-cache.ts); its write is guarded by that state's versions.
// These tests make the remembered state stale in each way it can go stale, and check that the
// guard notices and intake decides again on a fresh read.
describe.each<StoreKind>(['pglite', 'postgres'])('intake on a remembered case on %s', (kind) => {
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  let kept: TestKept;
  let ctx: DeskContext;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    ctx = kept.ctx;
    ws = await createTestWorkspace(kept);
  });
  afterAll(() => kept?.clock.reset());

  const open = (body: string) =>
    receiveCustomerMessage(ctx, {
      workspaceId: ws.id,
      customer: { name: 'Mira', email: `mira-${randomUUID()}@example.com` },
      channel: 'web',
      body,
    });
  const reply = (context: DeskContext, caseId: string, body: string) =>
    receiveCustomerMessage(context, { workspaceId: ws.id, caseId, channel: 'web', body });
  const timeline = async (caseId: string) =>
    (await kept.store.db.select().from(events).where(eq(events.caseId, caseId)).orderBy(events.id)).map((e) => e.type);

  run('remembers the state its own write left, and decides on it', async () => {
    const first = await open('The parcel arrived damaged.');
    const known = cachedThread(kept.store.db, ws.id, first.caseRow.id);
    expect(known?.caseRow.status).toBe('new');
    expect(known?.openFirstResponse).not.toBeNull();
    await reply(ctx, first.caseRow.id, 'I attach the photos of the box.');
    expect(cachedThread(kept.store.db, ws.id, first.caseRow.id)?.version).not.toBe(known!.version);
    expect((await timeline(first.caseRow.id)).filter((t) => t === 'message.received')).toHaveLength(2);
  });

  run('reads again when an agent changed the case meanwhile: a resolved case is reopened', async () => {
    const first = await open('My card was charged but the order failed.');
    await reply(ctx, first.caseRow.id, 'It happened again just now.');
    await changeCaseStatus(ctx, {
      workspaceId: ws.id,
      caseId: first.caseRow.id,
      actorUserId: ws.agentEn.id,
      to: 'resolved',
    });
    // Remembered as "new"; the store says "resolved": the guarded write must not go through.
    expect(cachedThread(kept.store.db, ws.id, first.caseRow.id)?.caseRow.status).toBe('new');
    const third = await reply(ctx, first.caseRow.id, 'No, it is not solved, the money is still gone.');
    expect(third.caseRow.status).toBe('open');
    const changed = await kept.store.db
      .select()
      .from(events)
      .where(and(eq(events.caseId, first.caseRow.id), eq(events.type, 'case.status_changed')))
      .orderBy(asc(events.id)); // no order without one: PostgreSQL returned them reversed once
    expect(changed.map((e) => e.data)).toEqual([
      { from: 'new', to: 'resolved' },
      { from: 'resolved', to: 'open' },
    ]);
  });

  run('a guarded write writes nothing when the customer or the open first-response promise changed', async () => {
    const first = await open('Please cancel my subscription.');
    const known = cachedThread(kept.store.db, ws.id, first.caseRow.id)!;
    const attempt = (overrides: Partial<IntakeWrite> = {}) => {
      const messageId = randomUUID();
      return writeIntake(kept.store.db, kept.timers, {
        caseWrite: {
          kind: 'update',
          id: first.caseRow.id,
          workspaceId: ws.id,
          version: known.version,
          set: { status: 'new', lastCustomerMessageAt: new Date(), updatedAt: new Date() },
          guard: {
            customerId: known.customer.id,
            customerVersion: known.customerVersion,
            openFirstResponseId: known.openFirstResponse?.id ?? null,
          },
        },
        newCustomer: null,
        customerLanguage: null,
        message: {
          id: messageId,
          workspaceId: ws.id,
          caseId: first.caseRow.id,
          customerId: known.customer.id,
          direction: 'inbound',
          channel: 'web',
          body: 'guarded',
        },
        acknowledgement: null,
        outbox: null,
        promise: null,
        task: null,
        events: [],
        timers: [],
        ...overrides,
      });
    };
    // The promise is kept or broken elsewhere; the case row itself is untouched.
    await kept.store.db.update(promises).set({ status: 'broken' }).where(eq(promises.id, known.openFirstResponse!.id));
    expect(await attempt()).toBe(false);
    await kept.store.db.update(promises).set({ status: 'open' }).where(eq(promises.id, known.openFirstResponse!.id));
    await kept.store.db.update(customers).set({ name: 'Mira Renamed' }).where(eq(customers.id, known.customer.id));
    expect(await attempt()).toBe(false);
    expect(
      await kept.store.db
        .select()
        .from(messages)
        .where(and(eq(messages.caseId, first.caseRow.id), eq(messages.body, 'guarded'))),
    ).toHaveLength(0);
  });

  run('makes a new first-response promise when the remembered one was broken elsewhere', async () => {
    const first = await open('The heating engineer did not come.');
    const known = cachedThread(kept.store.db, ws.id, first.caseRow.id)!;
    await kept.store.db.update(promises).set({ status: 'broken' }).where(eq(promises.id, known.openFirstResponse!.id));
    // Past the acknowledgement window, the next message is acknowledged with a promise again.
    kept.clock.set(new Date(Date.now() + 60 * 60_000));
    try {
      const second = await reply(ctx, first.caseRow.id, 'Still nobody, I took a day off for this.');
      expect(second.acknowledgement).toBeTruthy();
      const made = await kept.store.db.select().from(promises).where(eq(promises.caseId, first.caseRow.id));
      expect(made.map((p) => p.status).sort()).toEqual(['broken', 'open']);
    } finally {
      kept.clock.reset();
    }
  });

  // Needs a second connection: defined for PostgreSQL only (the embedded store has one).
  const runPg: typeof run = kind === 'postgres' ? run : ((() => undefined) as unknown as typeof run);
  runPg('two instances on one database take turns on a case, each noticing the other’s writes', async () => {
    const other: Store = await openPostgres(kept.store.connectionString!);
    try {
      const second: DeskContext = { ...ctx, db: other.db };
      const first = await open('Wrong size delivered.');
      await reply(second, first.caseRow.id, 'Size M, not L.');
      await changeCaseStatus(second, {
        workspaceId: ws.id,
        caseId: first.caseRow.id,
        actorUserId: ws.agentEn.id,
        to: 'resolved',
      });
      await reply(ctx, first.caseRow.id, 'And the colour is wrong too.');
      await reply(second, first.caseRow.id, 'Any news?');
      const types = await timeline(first.caseRow.id);
      expect(types.filter((t) => t === 'message.received')).toHaveLength(4);
      const changed = await kept.store.db
        .select()
        .from(events)
        .where(and(eq(events.caseId, first.caseRow.id), eq(events.type, 'case.status_changed')))
        .orderBy(asc(events.id)); // no order without one: PostgreSQL returned them reversed once
      expect(changed.map((e) => e.data)).toEqual([
        { from: 'new', to: 'resolved' },
        { from: 'resolved', to: 'open' },
      ]);
    } finally {
      await other.close();
    }
  });
});
