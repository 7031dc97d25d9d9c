import type { SQLWrapper } from 'drizzle-orm';
import type { JobName, JobPayload } from './job-payloads.ts';
import type { Db, StatementText } from './store-handle.ts';

/**
 * A timer to fire later (a pg-boss job with startAfter), written in the caller's transaction.
 * Its payload is the one its job's schema describes (job-payloads.ts): a wrong one does not compile.
 */
export type TimerRequest<N extends JobName = JobName> = N extends JobName
  ? {
      name: N;
      payload: JobPayload<N>;
      startAfter: Date;
      /** On a queue with a key policy (job-definition.ts), a timer whose key is already waiting is not added. */
      singletonKey?: string;
    }
  : never;

export interface Timers {
  schedule(tx: Db, timer: TimerRequest): Promise<void>;
  /**
   * The timers as bodies of data-modifying CTEs (one per timer name), for a caller that writes
   * several operations in one statement (intake): a timer is inserted only if the CTE named by
   * `casesWritten` returned its case's id. Absent (in-memory timers), the caller schedules them after its write.
   */
  insertText?(
    statement: StatementText,
    timers: Array<{ timer: TimerRequest; caseId: string }>,
    casesWritten: string,
  ): string[];
  /**
   * The timers as drizzle inserts (one per timer name), for a caller that writes its rows in one
   * statement of data-modifying CTEs (writeIfUnchanged: a survey's answer). Absent, the caller schedules them.
   */
  insertStatements?(timers: TimerRequest[]): SQLWrapper[];
}

/** What every desk operation needs: the store, the timer queue, and the clock. */
export interface DeskContext {
  db: Db;
  timers: Timers;
  now(): Date;
  publicUrl: string;
}

/** For tests and tools that drive timers by hand: remembers what would have been scheduled. */
export class RecordingTimers implements Timers {
  readonly scheduled: TimerRequest[] = [];
  async schedule(_tx: Db, timer: TimerRequest): Promise<void> {
    this.scheduled.push(timer);
  }
}
