import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/accounts/sessions.ts';
import { readConfig } from '../../src/config/kept-config.ts';
import { migrateStore, openPglite, openPostgres, queryRows, type Store } from '../../src/db/open-database.ts';
import { promises } from '../../src/db/schema.ts';
import { startKept } from '../../src/http/start-server.ts';
import { TIMER } from '../../src/kernel/job-names.ts';
import type { DeskContext } from '../../src/kernel/desk-context.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';
import { brokenCounts, seedPromises, waitFor } from './support/timer-kit.ts';
import { killHard, startServe } from './support/kept-serve.ts';

// A timer that an instance has taken (pg-boss state `active`) when that instance is killed with
// SIGKILL is in flight: nothing will complete it. It must still fire, once, on the instance that
// survives (PostgreSQL) or on the restarted one (the embedded store), within 90 s — not after
// pg-boss's default 15-minute expiry.

const postgres = await canUsePostgres();
const PROMISES = 100;
const PROMISE_TIMERS = [TIMER.promiseReminder, TIMER.promiseDue];

/**
 * Promises all due by the time seeding ends, however long a loaded machine takes to seed them: the
 * seeding's clock stands still a second before they are due, so each is made "in the future".
 */
async function seedDue(ctx: DeskContext): Promise<string[]> {
  const seededAt = new Date();
  return seedPromises({ ...ctx, now: () => seededAt }, PROMISES, () => new Date(seededAt.getTime() + 1_000));
}

/** An API token of the person who owns this promise (to watch a `kept serve` from outside). */
async function tokenOfOwner(store: Store, promiseId: string): Promise<string> {
  const [row] = await store.db
    .select({ workspaceId: promises.workspaceId, ownerId: promises.ownerId })
    .from(promises)
    .where(eq(promises.id, promiseId));
  return createApiToken(store.db, { workspaceId: row!.workspaceId, userId: row!.ownerId!, name: 'in-flight watcher' });
}

async function activeDueTimers(store: Store): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    store.db,
    sql`select count(*)::int as n from pgboss.job where name in (${TIMER.promiseReminder}, ${TIMER.promiseDue}) and state = 'active'`,
  );
  return rows[0]?.n ?? 0;
}

async function expectEachBrokenOnce(store: Store, ids: string[]): Promise<void> {
  const counts = await brokenCounts(store, ids);
  expect(counts.size).toBe(ids.length);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  const statuses = await store.db.select({ status: promises.status }).from(promises).where(inArray(promises.id, ids));
  expect(statuses.every((s) => s.status === 'broken')).toBe(true);
}

describe('timers in flight when their instance is killed', () => {
  it.skipIf(!postgres)(
    'PostgreSQL: the survivor fires every timer the dead instance had taken, once, within 90 s',
    async () => {
      const database = await createTestDatabase('kept_inflight');
      const bootstrap = await openPostgres(database.url);
      await migrateStore(bootstrap);
      await bootstrap.close();
      const config = readConfig(
        {},
        { databaseUrl: database.url, port: 0, runJobs: false, logLevel: 'silent', smtpPort: null },
      );
      // The survivor starts without workers: until the crash, only the doomed instance takes timers.
      const survivor = await startKept(config, { pollingIntervalSeconds: 0.5 });
      let doomed: ChildProcess | null = null;
      try {
        const ids = await seedDue(survivor.ctx);
        doomed = (await startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: 'off' })).child;
        const active = await waitFor(
          () => activeDueTimers(survivor.store),
          (n) => n > 0,
          40_000,
          20,
        );
        await killHard(doomed);
        const killedAt = Date.now();
        const stranded = await activeDueTimers(survivor.store);
        expect(active).toBeGreaterThan(0);
        expect(stranded).toBeGreaterThan(0); // timers the dead instance had taken and never finished

        await survivor.jobs.work(survivor.ctx);
        const counts = await waitFor(
          () => brokenCounts(survivor.store, ids),
          (c) => c.size === ids.length,
          90_000,
        );
        const recoveredInMs = Date.now() - killedAt;
        expect(counts.size).toBe(ids.length);
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // a late duplicate would show up now
        await expectEachBrokenOnce(survivor.store, ids);
        console.info(
          `[timers in flight] PostgreSQL: ${stranded} timers stranded by SIGKILL, all ${ids.length} fired once, ${recoveredInMs} ms after the kill`,
        );
      } finally {
        if (doomed) await killHard(doomed);
        await survivor.stop();
        await database.drop();
      }
    },
    240_000,
  );

  it('embedded store: after SIGKILL the restarted instance fires the timers the dead one had taken, once, at once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-inflight-'));
    const config = readConfig({}, { dataDir, port: 0, runJobs: false, logLevel: 'silent', smtpPort: null });
    let doomed: ChildProcess | null = null;
    try {
      const seeding = await startKept(config);
      const ids = await seedDue(seeding.ctx);
      const token = await tokenOfOwner(seeding.store, ids[0]!);
      // A worker takes a batch of due timers, as pg-boss's workers do, and its process goes away
      // before finishing them: they are left `active`, with nobody to finish them.
      for (const name of PROMISE_TIMERS) await seeding.jobs.boss.fetch(name, { batchSize: 20 });
      await seeding.stop();
      const inspect = await openPglite(dataDir);
      const stranded = await activeDueTimers(inspect);
      await inspect.close();
      expect(stranded).toBeGreaterThan(0);

      // The next `kept serve` retries them at once; it is killed with SIGKILL as soon as it has
      // begun (its API says when: the data directory is the child's alone while it lives).
      const child = await startServe({ KEPT_DATA_DIR: dataDir, KEPT_SMTP_PORT: 'off' });
      doomed = child.child;
      const brokenSoFar = async () => {
        const response = await fetch(`${child.url}/api/v1/promises?status=broken`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return ((await response.json()) as { promises: unknown[] }).promises.length;
      };
      const begun = await waitFor(brokenSoFar, (n) => n > 0, 60_000, 20);
      await killHard(doomed);
      const killedAt = Date.now();
      expect(begun).toBeGreaterThan(0);

      const restarted = await startKept({ ...config, runJobs: true }, { pollingIntervalSeconds: 0.5 });
      try {
        const counts = await waitFor(
          () => brokenCounts(restarted.store, ids),
          (c) => c.size === ids.length,
          60_000,
        );
        const recoveredInMs = Date.now() - killedAt;
        expect(counts.size).toBe(ids.length);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await expectEachBrokenOnce(restarted.store, ids);
        console.info(
          `[timers in flight] embedded: ${stranded} timers left taken by a stopped process, then SIGKILL once ${begun} had fired, all ${ids.length} fired once, ${recoveredInMs} ms after the kill`,
        );
      } finally {
        await restarted.stop();
      }
    } finally {
      if (doomed) await killHard(doomed);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
