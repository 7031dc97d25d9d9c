import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/kept-config.ts';
import type { ImportResponse } from '../../src/contract/retention-types.ts';
import type { ImportCreatedResponse } from '../../src/contract/route-response-types.ts';
import { migrateStore, openPostgres, queryRows } from '../../src/db/open-database.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { RecordingTimers, type DeskContext } from '../../src/kernel/desk-context.ts';
import { runStoredImport } from '../../src/retention/import-job.ts';
import { createTestWorkspace } from './support/factories.ts';
import { json, TestClock, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';

const postgres = await canUsePostgres();

const FILE = (rows: number) => {
  const lines = ['customer_id,date,amount,order_id'];
  for (let i = 0; i < rows; i++)
    lines.push(`c${i % 5_000},2024-01-${String((i % 28) + 1).padStart(2, '0')},9.50,o${i}`);
  return `${lines.join('\n')}\n`;
};

// Issue 17: a cancel is a flag in the store, so any instance cancels an import running on another.
describe('cancelling an import across instances', () => {
  it.skipIf(!postgres)(
    'POST /imports/:id/cancel on instance B stops the import running on A',
    async () => {
      const database = await createTestDatabase('kept_import_cancel');
      const stores = [await openPostgres(database.url), await openPostgres(database.url)];
      await migrateStore(stores[0]!);
      const contexts: DeskContext[] = stores.map((store) => ({
        db: store.db,
        timers: new RecordingTimers(),
        now: () => new Date(),
        publicUrl: 'http://kept.test',
      }));
      const apps: FastifyInstance[] = await Promise.all(
        stores.map((store, i) =>
          buildApp({
            ctx: contexts[i]!,
            store,
            config: readConfig({}, { databaseUrl: null, runJobs: false, logLevel: 'silent' }),
            jobsHealthy: () => true,
          }),
        ),
      );
      try {
        const [a, b] = apps as [FastifyInstance, FastifyInstance];
        const instanceA = { store: stores[0]!, app: a, clock: new TestClock() } as unknown as TestKept;
        const ws = await createTestWorkspace(instanceA);
        const onB = (method: 'GET' | 'POST', url: string) =>
          b.inject({ method, url, headers: { cookie: ws.admin.cookie } });
        const uploaded = await ws.request(ws.admin, {
          method: 'POST',
          url: '/api/v1/imports?format=csv',
          payload: FILE(150_000),
          headers: { 'content-type': 'text/csv' },
        });
        expect(uploaded.statusCode, uploaded.body).toBe(202);
        const id = json<ImportCreatedResponse>(uploaded).import.id;
        const running = runStoredImport(contexts[0]!, ws.id, id); // the job, on instance A
        while (json<ImportResponse>(await onB('GET', `/api/v1/imports/${id}`)).import.status === 'queued') {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const cancelled = await onB('POST', `/api/v1/imports/${id}/cancel`);
        await running;
        expect(cancelled.statusCode, cancelled.body).toBe(200);
        expect(json<ImportResponse>(cancelled).import).toMatchObject({
          status: 'cancelled',
          report: { status: 'cancelled', imported: 0 },
        });
        const [left] = await queryRows<{ purchases: number; customers: number; uploads: number }>(
          stores[1]!.db,
          sql`select (select count(*)::int from purchases where workspace_id = ${ws.id}) as purchases,
                   (select count(*)::int from customers where workspace_id = ${ws.id}) as customers,
                   (select count(*)::int from import_uploads where workspace_id = ${ws.id}) as uploads`,
        );
        expect(left).toEqual({ purchases: 0, customers: 0, uploads: 0 });
        // Finished, a second cancel from either instance is refused.
        expect((await onB('POST', `/api/v1/imports/${id}/cancel`)).statusCode).toBe(409);
      } finally {
        await Promise.all(apps.map((app) => app.close()));
        await Promise.all(stores.map((store) => store.close()));
        await database.drop();
      }
    },
    120_000,
  );
});
