import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/kept-config.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { promises } from '../../src/db/schema.ts';
import { startKept } from '../../src/http/start-server.ts';
import { openPostgres, migrateStore } from '../../src/db/open-database.ts';
import { sharedStore, canUsePostgres, createTestDatabase } from './support/test-stores.ts';
import { brokenCounts, seedPromises, waitFor } from './support/timer-kit.ts';

const postgres = await canUsePostgres();

/** Two Kept instances on one fresh PostgreSQL database, migrated once as `kept migrate` would. */
async function startTwins() {
  const database = await createTestDatabase('kept_twin');
  const bootstrap = await openPostgres(database.url);
  await migrateStore(bootstrap);
  await bootstrap.close();
  const config = readConfig(
    {},
    { databaseUrl: database.url, port: 0, runJobs: true, logLevel: 'silent', smtpPort: null },
  );
  const [one, two] = await Promise.all([
    startKept(config, { pollingIntervalSeconds: 0.5 }),
    startKept(config, { pollingIntervalSeconds: 0.5 }),
  ]);
  return { database, one, two };
}

describe('timers through pg-boss', () => {
  it.skipIf(!postgres)(
    'two Kept instances on one PostgreSQL fire each timer exactly once, and losing one instance loses no timer',
    async () => {
      const { database, one, two } = await startTwins();
      try {
        const ids = await seedPromises(one.ctx, 30, () => new Date(Date.now() + 4_000));
        // Instance one dies before the timers are due: its pool is gone, its workers with it.
        await one.jobs.boss.stop({ graceful: false, wait: false } as never);
        await one.app.close();
        await one.store.close();
        const counts = await waitFor(
          () => brokenCounts(two.store, ids),
          (c) => c.size === ids.length,
          40_000,
        );
        expect(counts.size).toBe(ids.length);
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
        const statuses = await two.store.db
          .select({ status: promises.status })
          .from(promises)
          .where(inArray(promises.id, ids));
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
        const ids = await seedPromises(one.ctx, 40, () => new Date(Date.now() + 3_000));
        const counts = await waitFor(
          () => brokenCounts(one.store, ids),
          (c) => c.size === ids.length,
          40_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // a late duplicate would show up now
        const settled = await brokenCounts(one.store, ids);
        expect(counts.size).toBe(ids.length);
        expect([...settled.values()].every((n) => n === 1)).toBe(true);
        const escalated = await queryRows<{ n: number }>(
          one.store.db,
          sql`select count(*)::int as n from escalations where via = 'promise_breach' and case_id in (select case_id from promises where id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}))`,
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
      const ids = await seedPromises(kept.ctx, 3, () => new Date(Date.now() + 2_000));
      const counts = await waitFor(
        () => brokenCounts(store, ids),
        (c) => c.size === ids.length,
        30_000,
      );
      expect([...counts.values()]).toEqual([1, 1, 1]);
      const rows = await store.db
        .select()
        .from(promises)
        .where(and(inArray(promises.id, ids), eq(promises.status, 'broken')));
      expect(rows).toHaveLength(3);
    } finally {
      await kept.stop();
    }
  }, 60_000);
});
