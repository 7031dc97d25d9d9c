import { afterAll, beforeAll } from 'vitest';
import type { DeskContext } from '../../../src/kernel/desk-context.ts';
import { startJobs, type JobRunner } from '../../../src/jobs/start-jobs.ts';
import { createTestWorkspace, type TestWorkspace } from './factories.ts';
import { testKept, type TestKept } from './test-kept.ts';
import type { StoreKind } from './test-stores.ts';

export interface RealTimersDesk {
  kept: TestKept;
  jobs: JobRunner;
  /** The shared test desk, but its timers are real pg-boss jobs in the store. */
  ctx: DeskContext;
  ws: TestWorkspace;
}

/** For a describe block whose tests read pg-boss's job table: filled in before its tests, stopped after. */
export function useRealTimers(kind: StoreKind, available: boolean): RealTimersDesk {
  const desk = {} as RealTimersDesk;
  beforeAll(async () => {
    if (!available) return;
    desk.kept = await testKept(kind);
    desk.jobs = await startJobs(desk.kept.store);
    desk.ctx = { ...desk.kept.ctx, timers: desk.jobs.timers };
    desk.ws = await createTestWorkspace(desk.kept);
  });
  afterAll(async () => {
    await desk.jobs?.stop();
  });
  return desk;
}
