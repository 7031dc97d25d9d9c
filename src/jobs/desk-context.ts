import type { Db } from '../db/open-database.ts';

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
}

/**
 * The timers of one transaction, written together just before it commits: each pg-boss send
 * is a round trip, and an intake sets up to four of them. Pass it as the transaction's
 * `ctx.timers`, then `await batch.flush(tx)` as the last statement of the transaction.
 */
export class TimerBatch implements Timers {
  private readonly pending: TimerRequest[] = [];
  constructor(private readonly target: Timers) {}
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
