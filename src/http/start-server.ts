import type { FastifyInstance } from 'fastify';
import type { KeptConfig } from '../config/kept-config.ts';
import { openStore, type Store } from '../db/open-database.ts';
import { startJobs, type JobRunner } from '../jobs/start-jobs.ts';
import type { DeskContext } from '../jobs/desk-context.ts';
import { buildApp } from './build-app.ts';

export interface RunningKept {
  app: FastifyInstance;
  store: Store;
  jobs: JobRunner;
  ctx: DeskContext;
  url: string;
  stop(): Promise<void>;
}

/** Opens the store (migrating it), starts the timers, and listens. */
export async function startKept(config: KeptConfig, options: { store?: Store; now?: () => Date; pollingIntervalSeconds?: number } = {}): Promise<RunningKept> {
  const store = options.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const jobs = await startJobs(store, options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {});
  const ctx: DeskContext = { db: store.db, timers: jobs.timers, now: options.now ?? (() => new Date()), publicUrl: config.publicUrl };
  if (config.runJobs) await jobs.work(ctx);
  const app = await buildApp({ ctx, store, config, jobsHealthy: jobs.healthy });
  const address = await app.listen({ host: config.host, port: config.port });
  const port = Number(new URL(address).port);
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  if (config.port === 0) ctx.publicUrl = config.publicUrl.replace(/:0$/, `:${port}`);
  return {
    app,
    store,
    jobs,
    ctx,
    url,
    async stop() {
      await app.close();
      await jobs.stop();
      if (!options.store) await store.close();
    },
  };
}
