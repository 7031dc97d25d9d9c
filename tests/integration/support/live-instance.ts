// A second Kept instance for the live desk's tests: its own app listening on a real port (and, on
// PostgreSQL, its own connections) on the same database, as another server of one deployment.
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../../../src/config/kept-config.ts';
import { openPostgres, type Store } from '../../../src/db/open-database.ts';
import { buildApp } from '../../../src/http/build-app.ts';
import { RecordingTimers } from '../../../src/kernel/desk-context.ts';
import type { TestKept } from './test-kept.ts';

export interface LiveInstance {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function secondInstance(kept: TestKept): Promise<LiveInstance> {
  // PGlite: one process owns the database, so the instance shares the store.
  const store: Store = kept.kind === 'postgres' ? await openPostgres(kept.store.connectionString!, 3) : kept.store;
  const config = readConfig({}, { databaseUrl: null, runJobs: false, logLevel: 'silent' });
  const ctx = { db: store.db, timers: new RecordingTimers(), now: () => new Date(), publicUrl: 'http://kept.test' };
  const app = await buildApp({ ctx, store, config, jobsHealthy: () => true });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url,
    async close() {
      await app.close();
      if (store !== kept.store) await store.close();
    },
  };
}
