import type { FastifyInstance } from 'fastify';
import type { KeptConfig } from '../config/kept-config.ts';
import { openStore, type Store } from '../db/open-database.ts';
import { errorReason } from '../db/pg-error.ts';
import { startJobs, type JobRunner } from '../jobs/start-jobs.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { buildApp } from './build-app.ts';
import { loadCredentialKey } from '../secrets/index.ts';
import {
  InboundProcessor,
  receiveStoredInbound,
  type SmtpListener,
  startEmailWorkers,
  startSmtpListener,
} from '../email/index.ts';

export interface RunningKept {
  app: FastifyInstance;
  store: Store;
  jobs: JobRunner;
  ctx: DeskContext;
  url: string;
  /** Inbound e-mail: the SMTP listener (null when off or its port was taken) and its processor. */
  smtp: SmtpListener | null;
  inbound: InboundProcessor;
  stop(): Promise<void>;
}

/** Opens the store (migrating it), starts the timers, and listens. */
export async function startKept(
  config: KeptConfig,
  options: { store?: Store; now?: () => Date; pollingIntervalSeconds?: number } = {},
): Promise<RunningKept> {
  const store = options.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  // A store handed in (tests) has no data directory of its own to keep a key file in.
  if ((!options.store || config.secret) && loadCredentialKey(config) === 'none') {
    console.warn(
      '[kept] KEPT_SECRET is not set: mailbox and relay passwords cannot be saved until it is (the same value on every instance).',
    );
  }
  const jobs = await startJobs(store, {
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    // A data directory is this process's alone (its lock); a store handed in may be shared (tests).
    recoverOrphans: store.kind === 'pglite' && !options.store,
  });
  const ctx: DeskContext = {
    db: store.db,
    timers: jobs.timers,
    now: options.now ?? (() => new Date()),
    publicUrl: config.publicUrl,
  };
  if (config.runJobs) await jobs.work(ctx);
  const emailWorkers = config.runJobs ? startEmailWorkers(ctx) : null;
  const app = await buildApp({ ctx, store, config, jobsHealthy: jobs.healthy });
  const address = await app.listen({ host: config.host, port: config.port });
  const port = Number(new URL(address).port);
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  if (config.port === 0) ctx.publicUrl = config.publicUrl.replace(/:0$/, `:${port}`);
  const { smtp, inbound } = await startInboundEmail(config, store, ctx);
  return {
    app,
    store,
    jobs,
    ctx,
    url,
    smtp,
    inbound,
    async stop() {
      await smtp?.close();
      await inbound.stop();
      emailWorkers?.stop();
      await app.close();
      await jobs.stop();
      if (!options.store) await store.close();
    },
  };
}

/**
 * Re-queues whatever was stored but not processed (a crash, a failure), then listens for mail.
 * A taken port does not stop the desk from starting, but it is said loudly: a mailbox that
 * silently stops being read is the failure this channel exists to prevent.
 */
async function startInboundEmail(
  config: KeptConfig,
  store: Store,
  ctx: DeskContext,
): Promise<{ smtp: SmtpListener | null; inbound: InboundProcessor }> {
  const inbound = new InboundProcessor(ctx, {
    concurrency: store.kind === 'pglite' ? 2 : 8,
    onError: (id, error) => console.error(`[kept] inbound e-mail ${id}: ${errorReason(error)}`),
  });
  await inbound.sweep();
  inbound.start();
  // Mail the IMAP poller stores is processed at once too, not at the next sweep.
  receiveStoredInbound(store.db, inbound);
  if (config.smtpPort === null) return { smtp: null, inbound };
  try {
    const smtp = await startSmtpListener({
      db: store.db,
      processor: inbound,
      host: config.host,
      port: config.smtpPort,
      now: ctx.now,
      maxConnections: config.smtpMaxConnections,
      maxConnectionsPerAddress: config.smtpMaxConnectionsPerAddress,
      idleTimeoutSeconds: config.smtpIdleTimeoutSeconds,
    });
    return { smtp, inbound };
  } catch (error) {
    console.error(
      `[kept] INBOUND E-MAIL IS NOT BEING RECEIVED: the SMTP listener could not start on ${config.host}:${config.smtpPort} (${(error as Error).message}). Set KEPT_SMTP_PORT to a free port, or "off".`,
    );
    return { smtp: null, inbound };
  }
}
