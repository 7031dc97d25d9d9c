import type { Db } from '../db/open-database.ts';
import type { HotStatement } from '../db/hot-statement.ts';

/** A timer to fire later (a pg-boss job with startAfter), written in the caller's transaction. */
export interface TimerRequest {
  name: string;
  payload: Record<string, unknown>;
  startAfter: Date;
}

export interface Timers {
  schedule(tx: Db, timer: TimerRequest): Promise<void>;
  /** Several timers at once: one statement per timer name instead of one per timer. */
  scheduleMany?(tx: Db, timers: TimerRequest[]): Promise<void>;
  /**
   * The timers as bodies of data-modifying CTEs (one per timer name), for a caller that writes
   * a whole operation in one statement (intake); nothing is inserted unless the CTE named by
   * `onlyIf` returned a row. Absent (in-memory timers), the caller schedules them after its write.
   */
  insertText?(statement: HotStatement, timers: TimerRequest[], onlyIf: string): string[];
}

/**
 * The timers of one transaction, written together just before it commits: each pg-boss send
 * is a round trip, and an intake sets up to four of them. Pass it as the transaction's
 * `ctx.timers`, then `await batch.flush(tx)` as the last statement of the transaction.
 */
export class TimerBatch implements Timers {
  private readonly pending: TimerRequest[] = [];
  readonly insertText?: (statement: HotStatement, timers: TimerRequest[], onlyIf: string) => string[];
  constructor(private readonly target: Timers) {
    // A statement that carries its own timers commits them with itself: nothing to batch.
    if (target.insertText) this.insertText = target.insertText.bind(target);
  }
  async schedule(_tx: Db, timer: TimerRequest): Promise<void> {
    this.pending.push(timer);
  }
  async flush(tx: Db): Promise<void> {
    const timers = this.pending.splice(0);
    if (timers.length === 0) return;
    if (this.target.scheduleMany) return this.target.scheduleMany(tx, timers);
    for (const timer of timers) await this.target.schedule(tx, timer);
  }
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
