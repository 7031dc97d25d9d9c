import type { Db } from '../db/open-database.ts';

/** A timer to fire later (a pg-boss job with startAfter), written in the caller's transaction. */
export interface TimerRequest {
  name: string;
  payload: Record<string, unknown>;
  startAfter: Date;
}

export interface Timers {
  schedule(tx: Db, timer: TimerRequest): Promise<void>;
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
