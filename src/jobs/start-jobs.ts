import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
// pg-boss's own SQL for inserting jobs (pinned 12.35.0), so intake can carry its timers in its statement.
import { insertJobs } from 'pg-boss/dist/plans.js';
import { queryRows, type Db, type Store } from '../db/open-database.ts';
import type { HotStatement } from '../db/hot-statement.ts';
import type { DeskContext, TimerRequest, Timers } from '../kernel/desk-context.ts';
import { JOB_DEFINITIONS } from './job-definitions.ts';

export interface JobRunner {
  boss: PgBoss;
  timers: Timers;
  healthy(): boolean;
  /** Starts the workers (timers fire). Sending works without them. */
  work(ctx: DeskContext): Promise<void>;
  stop(): Promise<void>;
}

// A timer taken by a worker whose process died (SIGKILL, power loss) stays `active` until pg-boss's
// expiry, 15 minutes by default. On PostgreSQL, where other instances live on, workers send a
// heartbeat and any instance's supervisor retries a job whose heartbeat stopped: within about
// HEARTBEAT_SECONDS + SUPERVISE_SECONDS. The embedded store is held by one process at a time, so a
// job still active when it opens was the dead process's, and is retried at once (`recoverOrphans`).
const HEARTBEAT_SECONDS = 10;
const SUPERVISE_SECONDS = 5;

export interface JobOptions {
  pollingIntervalSeconds?: number;
  /** Only for a store this process alone holds (the embedded data directory): retry jobs left active. */
  recoverOrphans?: boolean;
}

async function retryOrphanedJobs(boss: PgBoss, store: Store): Promise<void> {
  const orphans = await queryRows<{ name: string; id: string }>(
    store.db,
    sql`select name, id from pgboss.job where state = 'active'`,
  );
  const byQueue = new Map<string, string[]>();
  for (const job of orphans) byQueue.set(job.name, [...(byQueue.get(job.name) ?? []), job.id]);
  for (const [name, ids] of byQueue) await boss.fail(name, ids, { reason: 'its process stopped before finishing it' });
  if (orphans.length > 0)
    console.warn(`[kept] background jobs: ${orphans.length} left unfinished by a stopped process, retried`);
}

/** pg-boss on the same database as the data, so a timer is written in the same transaction as the fact that set it. */
export async function startJobs(store: Store, options: JobOptions = {}): Promise<JobRunner> {
  const boss =
    store.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(store.pglite!), backend: 'pglite', schedule: false })
      : new PgBoss({
          connectionString: store.connectionString!,
          max: 4,
          application_name: 'kept-jobs',
          superviseIntervalSeconds: SUPERVISE_SECONDS,
        });
  let lastError: Error | null = null;
  boss.on('error', (error: Error) => {
    lastError = error;
    console.error(`[kept] background jobs: ${error.message}`);
  });
  await boss.start();
  const heartbeat = store.kind === 'postgres' ? { heartbeatSeconds: HEARTBEAT_SECONDS } : {};
  for (const definition of JOB_DEFINITIONS) {
    // A queue's policy is fixed when it is created (pg-boss refuses to change it): a new policy needs a new queue name.
    const policy = definition.policy ? { policy: definition.policy } : {};
    await boss.createQueue(definition.name, {
      retryLimit: 10,
      retryDelay: 5,
      retryBackoff: true,
      ...policy,
      ...heartbeat,
    });
    // Queues made before heartbeats existed get them too (createQueue leaves an existing queue as it is).
    if (store.kind === 'postgres') await boss.updateQueue(definition.name, heartbeat);
  }
  if (options.recoverOrphans) await retryOrphanedJobs(boss, store);
  // createQueue evicts the queue from pg-boss's cache, and the first send inside one of our
  // transactions would then look it up on pg-boss's own connection — on PGlite (a single
  // connection) that waits for the very transaction waiting on it, and the server hangs.
  // A harmless call that reads through the cache, outside any transaction, fills it first.
  for (const definition of JOB_DEFINITIONS) await boss.deleteJob(definition.name, randomUUID());
  const queueTables = new Map(
    (
      await queryRows<{ name: string; table_name: string }>(store.db, sql`select name, table_name from pgboss.queue`)
    ).map((q) => [q.name, q.table_name]),
  );

  // pg-boss's insert plan split around its one parameter, built once per queue: intake asks for it on every message.
  const insertPlans = new Map<string, [string, string]>();
  const insertPlan = (name: string): [string, string] => {
    let plan = insertPlans.get(name);
    if (!plan) {
      const table = queueTables.get(name);
      if (!table) throw new Error(`pg-boss has no queue ${name}`);
      const [before, after, ...rest] = insertJobs('pgboss', { table, name, returnId: false }).split('$1::text::json');
      if (after === undefined || rest.length > 0 || /\$\d/.test(before! + after))
        throw new Error('pg-boss insertJobs changed shape: check the pinned version');
      insertPlans.set(name, (plan = [before!, after]));
    }
    return plan;
  };

  // A timer as pg-boss's job JSON: what boss.send makes of our options (the queue's defaults fill the rest).
  const jobJson = (t: TimerRequest) => ({
    data: t.payload,
    startAfter: t.startAfter.toISOString(),
    singletonKey: t.singletonKey ?? null,
  });
  const byName = <T extends { timer: TimerRequest }>(requests: T[]) => {
    const groups = new Map<string, T[]>();
    for (const request of requests)
      groups.set(request.timer.name, [...(groups.get(request.timer.name) ?? []), request]);
    return groups;
  };

  const timers: Timers = {
    async schedule(tx: Db, timer: TimerRequest) {
      await boss.send(timer.name, timer.payload, {
        startAfter: timer.startAfter,
        ...(timer.singletonKey ? { singletonKey: timer.singletonKey } : {}),
        db: fromDrizzle(tx as never, sql as never),
      });
    },
    // The same insert as boss.insert (its plan, joined with the queue row for the retry policy),
    // with its JSON parameter filtered so that only the timers of the cases written are inserted.
    insertText(
      statement: HotStatement,
      requests: Array<{ timer: TimerRequest; caseId: string }>,
      casesWritten: string,
    ) {
      return [...byName(requests)].map(([name, group]) => {
        const [before, after] = insertPlan(name);
        // json_to_recordset ignores the key it does not declare (writtenWith).
        const jobs = statement.param(
          JSON.stringify(group.map(({ timer, caseId }) => ({ ...jobJson(timer), writtenWith: caseId }))),
          'json',
        );
        return `${before}(select json_agg(j.value) from json_array_elements(${jobs}) j where (j.value->>'writtenWith')::uuid in (select id from ${casesWritten}))${after}`;
      });
    },
    // The same insert with its JSON as a drizzle parameter, for writeIfUnchanged (a survey's answer).
    insertStatements(requests: TimerRequest[]) {
      return [...byName(requests.map((timer) => ({ timer })))].map(([name, group]) => {
        const [before, after] = insertPlan(name);
        const jobs = JSON.stringify(group.map(({ timer }) => jobJson(timer)));
        return sql`${sql.raw(before)}${jobs}::text::json${sql.raw(after)}`;
      });
    },
  };

  return {
    boss,
    timers,
    healthy: () => lastError === null,
    async work(ctx: DeskContext) {
      for (const definition of JOB_DEFINITIONS) {
        await boss.work<Record<string, unknown>>(
          definition.name,
          { batchSize: 20, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async (jobs) => {
            let failure: unknown = null;
            for (const job of jobs) {
              const parsed = definition.payload.safeParse(job.data);
              if (!parsed.success) {
                console.error(
                  `[kept] job ${definition.name} ${job.id}: invalid payload, dropped: ${parsed.error.message}`,
                );
                continue;
              }
              try {
                await definition.handle(ctx, parsed.data as never);
              } catch (error) {
                failure = error;
              }
            }
            // Handlers are idempotent, so retrying the whole batch is safe.
            if (failure) throw failure;
          },
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000 } as never);
    },
  };
}
