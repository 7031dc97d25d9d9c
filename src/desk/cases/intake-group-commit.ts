// Group commit for intake. Each message's write is one statement and one commit, and on a
// busy desk that — the round trip, the commit's WAL flush, opening every table and index the
// write touches — costs more than the rows themselves. So writes that arrive while others are
// on their way are gathered and written together by the next statement (write-intake.ts
// writeIntakes), and each caller gets its answer only when that statement has committed.
// Nothing waits on a timer: a write that finds a free slot goes at once, alone.
import type { Db } from '../../db/open-database.ts';
import type { Timers } from '../../kernel/desk-context.ts';
import { writeGroupOrEach } from '../../db/write-group-or-each.ts';
import { caseIdOf, insideTransaction, writeIntakes, type IntakeVersions, type IntakeWrite } from './write-intake.ts';

/**
 * Statements on their way at once (each a connection from the pool). A second one starts only
 * for a full group: while one is on its way the next group gathers, and bigger groups are what
 * saves the work (measured: 0.45–0.47 of the bare insert so, 0.37–0.40 with two in flight freely,
 * 0.43–0.44 with a second one from 6 waiting). The price: a statement waiting for a row lock
 * (an agent's change of one of its cases, a few milliseconds) holds up the writes gathered
 * after it, until the lock is released or a full group starts a second statement.
 */
const MAX_IN_FLIGHT = 2;
/** Writes per statement. */
const MAX_WRITES = 32;

interface Pending {
  write: IntakeWrite;
  /** The rows this write changes or decides on: one write per key per statement (writeIntakes). */
  keys: string[];
  resolve: (written: IntakeVersions | false) => void;
  reject: (error: unknown) => void;
}

class IntakeWriteQueue {
  private waiting: Pending[] = [];
  private inFlight = 0;
  /** Keys of the writes on their way: a later write on the same case waits for them instead of failing its guard. */
  private busy = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly timers: Timers,
  ) {}

  write(write: IntakeWrite): Promise<IntakeVersions | false> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ write, keys: keysOf(write), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && (this.inFlight === 0 || this.waiting.length >= MAX_WRITES)) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      this.inFlight++;
      for (const key of group.flatMap((p) => p.keys)) this.busy.set(key, (this.busy.get(key) ?? 0) + 1);
      void this.run(group).finally(() => {
        this.inFlight--;
        for (const key of group.flatMap((p) => p.keys)) {
          const left = (this.busy.get(key) ?? 1) - 1;
          if (left > 0) this.busy.set(key, left);
          else this.busy.delete(key);
        }
        this.pump();
      });
    }
  }

  /** The oldest writes that share no key with each other or with a write on its way; the others keep their turn. */
  private takeGroup(): Pending[] {
    const group: Pending[] = [];
    const blocked = new Set<string>();
    const left: Pending[] = [];
    for (const pending of this.waiting) {
      const free = group.length < MAX_WRITES && pending.keys.every((key) => !blocked.has(key) && !this.busy.has(key));
      (free ? group : left).push(pending);
      for (const key of pending.keys) blocked.add(key);
    }
    this.waiting = left;
    return group;
  }

  private run(group: Pending[]): Promise<void> {
    // A refused statement is retried write by write, so that one the store refuses (a new
    // customer another request created first, say) fails alone.
    return writeGroupOrEach<Pending, IntakeVersions | false>(group, (members) =>
      writeIntakes(
        this.db,
        this.timers,
        members.map((p) => p.write),
      ),
    );
  }
}

function keysOf(write: IntakeWrite): string[] {
  const keys = [`case:${caseIdOf(write)}`, `customer:${write.message.customerId}`];
  if (write.newCustomer?.email) keys.push(`email:${write.newCustomer.workspaceId}:${write.newCustomer.email}`);
  if (write.newCustomer?.phone) keys.push(`phone:${write.newCustomer.workspaceId}:${write.newCustomer.phone}`);
  return keys;
}

// One queue per store handle and timer queue (tests run several stores in one process).
const queues = new WeakMap<object, WeakMap<object, IntakeWriteQueue>>();

function queueFor(db: Db, timers: Timers): IntakeWriteQueue {
  let byTimers = queues.get(db);
  if (!byTimers) queues.set(db, (byTimers = new WeakMap()));
  let queue = byTimers.get(timers);
  if (!queue) byTimers.set(timers, (queue = new IntakeWriteQueue(db, timers)));
  return queue;
}

/**
 * Writes one message's intake: gathered with others into one statement when on its own, or
 * in the caller's transaction as a statement of its own. False when its case had changed.
 */
export async function writeIntake(db: Db, timers: Timers, write: IntakeWrite): Promise<IntakeVersions | false> {
  if (insideTransaction(db)) return (await writeIntakes(db, timers, [write]))[0]!;
  return queueFor(db, timers).write(write);
}
