import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readConfig } from '../../../src/config/kept-config.ts';
import type { Store } from '../../../src/db/open-database.ts';
import { buildApp } from '../../../src/http/build-app.ts';
import { useCredentialSecret } from '../../../src/secrets/sealed-credential.ts';
import { RecordingTimers, type DeskContext } from '../../../src/kernel/desk-context.ts';
import { JOB_DEFINITIONS } from '../../../src/jobs/job-definitions.ts';
import { sharedStore, type StoreKind } from './test-stores.ts';

/** A clock tests can move; by default it follows real time. */
export class TestClock {
  private fixed: Date | null = null;
  now = (): Date => (this.fixed ? new Date(this.fixed) : new Date());
  set(date: Date): void {
    this.fixed = new Date(date);
  }
  advanceMinutes(minutes: number): void {
    this.fixed = new Date(this.now().getTime() + minutes * 60_000);
  }
  reset(): void {
    this.fixed = null;
  }
}

export interface TestKept {
  kind: StoreKind;
  store: Store;
  app: FastifyInstance;
  ctx: DeskContext;
  clock: TestClock;
  timers: RecordingTimers;
  /** Runs every recorded timer due by the clock, as pg-boss would, in time order. */
  fireDueTimers(): Promise<number>;
}

const apps = new Map<StoreKind, Promise<TestKept>>();

/** The API on a shared store (one per worker and kind), driven with app.inject — no socket. */
export function testKept(kind: StoreKind): Promise<TestKept> {
  let kept = apps.get(kind);
  // Test files share this app; one that left the clock fixed must not freeze time for the next.
  if (kept) return kept.then((k) => (k.clock.reset(), k));
  if (!kept) {
    kept = (async () => {
      const store = await sharedStore(kind);
      const clock = new TestClock();
      const timers = new RecordingTimers();
      const ctx: DeskContext = { db: store.db, timers, now: clock.now, publicUrl: 'http://kept.test' };
      const config = readConfig({}, { databaseUrl: null, runJobs: false, logLevel: 'silent' });
      // What KEPT_SECRET does in production: mailbox and relay passwords are stored sealed.
      useCredentialSecret('kept integration tests, not a real secret');
      const app = await buildApp({ ctx, store, config, jobsHealthy: () => true });
      await app.ready();
      const fired = new Set<object>();
      return {
        kind,
        store,
        app,
        ctx,
        clock,
        timers,
        async fireDueTimers() {
          let count = 0;
          for (;;) {
            const due = timers.scheduled
              .filter((t) => !fired.has(t) && t.startAfter.getTime() <= clock.now().getTime())
              .sort((a, b) => a.startAfter.getTime() - b.startAfter.getTime());
            if (due.length === 0) return count;
            for (const timer of due) {
              fired.add(timer);
              const definition = JOB_DEFINITIONS.find((d) => d.name === timer.name)!;
              await definition.handle(ctx, definition.payload.parse(timer.payload) as never);
              count++;
            }
          }
        },
      };
    })();
    apps.set(kind, kept);
  }
  return kept;
}

export function json<T = any>(response: LightMyRequestResponse): T {
  return response.json() as T;
}
