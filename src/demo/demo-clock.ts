import type { Db } from '../db/open-database.ts';
import { JOB_DEFINITIONS } from '../jobs/job-definitions.ts';
import type { DeskContext, TimerRequest, Timers } from '../kernel/desk-context.ts';
import { TIMER } from '../kernel/job-names.ts';

// The demo replays ~90 days of a support desk through the real operations. Each customer's
// story is an ordinary async function that sleeps on a simulated clock
// (`await desk.sleepUntil(t)`); exactly one story runs at a time, always the one whose next
// step is earliest, so the facts are written in time order. Timers the operations schedule
// (promise reminders and breaches, escalation deadlines, hell assessments) are kept here and
// fired in time order between the stories' steps, by calling the job handlers with the clock
// set to the timer's time — what pg-boss would have done had the desk been running.

interface Waiter {
  at: number;
  seq: number;
  resolve: () => void;
}

interface PendingTimer {
  timer: TimerRequest;
  seq: number;
}

/** A binary min-heap ordered by (time, insertion order): equal times keep their order. */
class Heap<T extends { seq: number }> {
  private items: T[] = [];
  constructor(private readonly timeOf: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }

  drain(): T[] {
    const out: T[] = [];
    while (this.size > 0) out.push(this.pop()!);
    return out;
  }

  private less(x: T, y: T): boolean {
    const dx = this.timeOf(x);
    const dy = this.timeOf(y);
    return dx < dy || (dx === dy && x.seq < y.seq);
  }
}

export interface DemoClockStats {
  timersFired: number;
  timersSkippedDuplicate: number;
  steps: number;
}

export class DemoClock implements Timers {
  readonly ctx: DeskContext;
  readonly stats: DemoClockStats = { timersFired: 0, timersSkippedDuplicate: 0, steps: 0 };
  /** Called for every timer as it is scheduled (the demo watches escalation deadlines). */
  onSchedule: ((timer: TimerRequest) => void) | null = null;

  private clock: number;
  private seq = 0;
  private running = 0;
  private idle: (() => void) | null = null;
  private failure: unknown = null;
  private readonly waiters = new Heap<Waiter>((w) => w.at);
  private readonly timers = new Heap<PendingTimer>((t) => t.timer.startAfter.getTime());
  /** Hell assessments of one case at one instant are one job: the same facts give the same answer. */
  private readonly pendingAssessments = new Set<string>();

  constructor(db: Db, start: Date, publicUrl: string) {
    this.clock = start.getTime();
    this.ctx = { db, timers: this, now: () => new Date(this.clock), publicUrl };
  }

  now(): Date {
    return new Date(this.clock);
  }

  async schedule(_tx: Db, timer: TimerRequest): Promise<void> {
    if (timer.name === TIMER.caseAssessHell) {
      const key = `${String(timer.payload.caseId)}@${timer.startAfter.getTime()}`;
      if (this.pendingAssessments.has(key)) {
        this.stats.timersSkippedDuplicate += 1;
        return;
      }
      this.pendingAssessments.add(key);
    }
    this.timers.push({ timer, seq: this.seq++ });
    this.onSchedule?.(timer);
  }

  /** Parks the calling story until the clock reaches `at` (never earlier than now). */
  sleepUntil(at: Date): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiters.push({ at: Math.max(at.getTime(), this.clock), seq: this.seq++, resolve });
      this.parked();
    });
  }

  /** Starts a story; it must begin by sleeping until its first moment. */
  spawn(story: () => Promise<void>): void {
    this.running += 1;
    story().then(
      () => this.parked(),
      (error: unknown) => {
        this.failure ??= error;
        this.parked();
      },
    );
  }

  /** Runs `work` at `at` as its own little story. */
  later(at: Date, work: () => Promise<void>): void {
    this.spawn(async () => {
      await this.sleepUntil(at);
      await work();
    });
  }

  /**
   * Runs every story step and timer up to `until`, in time order. Returns the timers still in
   * the future (to hand to pg-boss); story steps after `until` are dropped.
   */
  async run(until: Date): Promise<TimerRequest[]> {
    const end = until.getTime();
    for (;;) {
      await this.allParked();
      if (this.failure) throw this.failure;
      const next = this.waiters.peek();
      const stepAt = next && next.at <= end ? next.at : end;
      // A timer due first fires first — one at a time, because a timer can start a story
      // step (a supervisor watching the escalation it opened) earlier than `next`.
      if (await this.fireNextTimer(stepAt)) continue;
      if (!next || next.at > end) break;
      this.waiters.pop();
      this.clock = Math.max(this.clock, next.at);
      this.stats.steps += 1;
      this.running += 1;
      next.resolve();
    }
    this.clock = Math.max(this.clock, end);
    return this.timers.drain().map((t) => t.timer);
  }

  /** Fires the earliest timer if it is due at `at` or before; returns whether one fired. */
  private async fireNextTimer(at: number): Promise<boolean> {
    const next = this.timers.peek();
    if (!next || next.timer.startAfter.getTime() > at) return false;
    this.timers.pop();
    const { timer } = next;
    if (timer.name === TIMER.caseAssessHell)
      this.pendingAssessments.delete(`${String(timer.payload.caseId)}@${timer.startAfter.getTime()}`);
    const definition = JOB_DEFINITIONS.find((d) => d.name === timer.name);
    if (!definition) throw new Error(`The demo does not know the timer "${timer.name}"`);
    this.clock = Math.max(this.clock, timer.startAfter.getTime());
    await definition.handle(this.ctx, definition.payload.parse(timer.payload) as never);
    this.stats.timersFired += 1;
    return true;
  }

  private parked(): void {
    this.running -= 1;
    if (this.running === 0 && this.idle) {
      const wake = this.idle;
      this.idle = null;
      wake();
    }
  }

  private allParked(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.idle = resolve;
    });
  }
}
