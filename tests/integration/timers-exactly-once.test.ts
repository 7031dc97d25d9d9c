import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/kept-config.ts';
import { queryRows, type Store } from '../../src/db/open-database.ts';
import { events, promises } from '../../src/db/schema.ts';
import { startKept, type RunningKept } from '../../src/http/start-server.ts';
import { makePromise } from '../../src/promises/make-promise.ts';
import { receiveCustomerMessage } from '../../src/cases/receive-customer-message.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { createUser } from '../../src/accounts/create-user.ts';
import { openPostgres, migrateStore } from '../../src/db/open-database.ts';
import { sharedStore, canUsePostgres, createTestDatabase } from './support/test-stores.ts';

const postgres = await canUsePostgres();

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return value;
}

/** A workspace with one agent and `count` cases, each with a callback promise due `dueInMs` after it is made. */
async function seedPromises(kept: RunningKept, count: number, dueInMs: number) {
  const tag = Math.random().toString(36).slice(2, 8);
  const { workspace } = await createWorkspace(kept.store.db, {
    workspaceName: `Twin ${tag}`,
    adminName: 'Ada',
    adminEmail: `twin-admin-${tag}@kept.test`,
    password: 'twin-password-1',
    language: 'en',
    slug: `twin-${tag}`,
  });
  const agent = await createUser(kept.store.db, { workspaceId: workspace.id, name: 'Agent', email: `twin-agent-${tag}@kept.test`, password: 'twin-password-1', role: 'agent', languages: ['en'] });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const received = await receiveCustomerMessage(kept.ctx, {
      workspaceId: workspace.id,
      customer: { name: `Customer ${i}`, email: `c${i}-${tag}@example.com` },
      channel: 'web',
      body: `Please call me back, request ${i}`,
    });
    const promise = await kept.store.db.transaction((tx) =>
      makePromise({ ...kept.ctx, db: tx as never }, {
        workspaceId: workspace.id,
        caseId: received.caseRow.id,
        customerId: received.customer.id,
        ownerId: agent.id,
        kind: 'callback',
        channel: 'phone',
        description: `Callback ${i}`,
        // Due a fixed time after its own creation: a loaded machine must not make it due in the past.
        dueAt: new Date(Date.now() + dueInMs),
        actorUserId: agent.id,
        reminderMinutes: 30,
      }),
    );
    ids.push(promise.id);
  }
  return ids;
}

async function brokenCounts(store: Store, promiseIds: string[]) {
  const rows = await store.db.select({ data: events.data }).from(events).where(eq(events.type, 'promise.broken'));
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = row.data.promiseId as string;
    if (promiseIds.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Two Kept instances on one fresh PostgreSQL database, migrated once as `kept migrate` would. */
async function startTwins() {
  const database = await createTestDatabase('kept_twin');
  const bootstrap = await openPostgres(database.url);
  await migrateStore(bootstrap);
  await bootstrap.close();
  const config = readConfig({}, { databaseUrl: database.url, port: 0, runJobs: true, logLevel: 'silent', smtpPort: null });
  const [one, two] = await Promise.all([startKept(config, { pollingIntervalSeconds: 0.5 }), startKept(config, { pollingIntervalSeconds: 0.5 })]);
  return { database, one, two };
}

describe('timers through pg-boss', () => {
  it.skipIf(!postgres)(
    'two Kept instances on one PostgreSQL fire each timer exactly once, and losing one instance loses no timer',
    async () => {
      const { database, one, two } = await startTwins();
      try {
        const ids = await seedPromises(one, 30, 4_000);
        // Instance one dies before the timers are due: its pool is gone, its workers with it.
        await one.jobs.boss.stop({ graceful: false, wait: false } as never);
        await one.app.close();
        await one.store.close();
        const counts = await waitFor(() => brokenCounts(two.store, ids), (c) => c.size === ids.length, 40_000);
        expect(counts.size).toBe(ids.length);
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
        const statuses = await two.store.db.select({ status: promises.status }).from(promises).where(inArray(promises.id, ids));
        expect(statuses.every((s) => s.status === 'broken')).toBe(true);
      } finally {
        await two.stop();
        await database.drop();
      }
    },
    90_000,
  );

  it.skipIf(!postgres)(
    'with both instances alive, every timer still fires once',
    async () => {
      const { database, one, two } = await startTwins();
      try {
        const ids = await seedPromises(one, 40, 3_000);
        const counts = await waitFor(() => brokenCounts(one.store, ids), (c) => c.size === ids.length, 40_000);
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // a late duplicate would show up now
        const settled = await brokenCounts(one.store, ids);
        expect(counts.size).toBe(ids.length);
        expect([...settled.values()].every((n) => n === 1)).toBe(true);
        const escalated = await queryRows<{ n: number }>(
          one.store.db,
          sql`select count(*)::int as n from escalations where via = 'promise_breach' and case_id in (select case_id from promises where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}))`,
        );
        expect(escalated[0]?.n).toBe(ids.length);
      } finally {
        await Promise.all([one.stop(), two.stop()]);
        await database.drop();
      }
    },
    90_000,
  );

  it('fire on the embedded database too', async () => {
    const store = await sharedStore('pglite');
    const config = readConfig({}, { port: 0, runJobs: true, logLevel: 'silent', smtpPort: null });
    const kept = await startKept(config, { store, pollingIntervalSeconds: 0.5 });
    try {
      const ids = await seedPromises(kept, 3, 2_000);
      const counts = await waitFor(() => brokenCounts(store, ids), (c) => c.size === ids.length, 30_000);
      expect([...counts.values()]).toEqual([1, 1, 1]);
      const rows = await store.db.select().from(promises).where(and(inArray(promises.id, ids), eq(promises.status, 'broken')));
      expect(rows).toHaveLength(3);
    } finally {
      await kept.stop();
    }
  }, 60_000);
});
