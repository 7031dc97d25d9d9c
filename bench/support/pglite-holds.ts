// Times every hold of PGlite's one connection (a statement outside a transaction, or a whole
// transaction): PGlite runs on the event loop's thread and serializes its callers, so a request
// waits for the hold under way. Each hold is kept with its slowest protocol call and that
// call's SQL, to name the statement behind a long wait.
import type { PGlite } from '@electric-sql/pglite';

export interface Hold {
  /** when the hold began, ms since the watch started */
  at: number;
  ms: number;
  /** the slowest synchronous call within the hold, and its statement */
  slowestMs: number;
  slowestSql: string;
  calls: number;
}

interface Internals {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawSync(message: Uint8Array): Uint8Array;
}

const decoder = new TextDecoder();

/** The SQL of a Parse ('P') or Query ('Q') message, else its type letter. */
function statementOf(message: Uint8Array): string {
  const type = message[0];
  if (type === 0x51) return cString(message, 5);
  if (type === 0x50) return cString(message, message.indexOf(0, 5) + 1);
  return type === undefined ? '' : `<${String.fromCharCode(type)}>`;
}

function cString(message: Uint8Array, from: number): string {
  const end = message.indexOf(0, from);
  return decoder
    .decode(message.subarray(from, end < 0 ? undefined : end))
    .replace(/\s+/g, ' ')
    .trim();
}

export function watchHolds(pglite: PGlite): { holds: Hold[]; stop(): void } {
  const target = pglite as unknown as Internals;
  const run = target._runExclusiveTransaction.bind(target);
  const exec = target.execProtocolRawSync.bind(target);
  const origin = performance.now();
  const holds: Hold[] = [];
  let current: Hold | null = null;
  let lastSql = '';
  target.execProtocolRawSync = (message) => {
    const sql = statementOf(message);
    if (!sql.startsWith('<')) lastSql = sql;
    const t0 = performance.now();
    try {
      return exec(message);
    } finally {
      const ms = performance.now() - t0;
      if (current) {
        current.calls++;
        if (ms > current.slowestMs) {
          current.slowestMs = ms;
          current.slowestSql = lastSql.slice(0, 160);
        }
      }
    }
  };
  target._runExclusiveTransaction = (fn) =>
    run(async () => {
      const hold: Hold = { at: performance.now() - origin, ms: 0, slowestMs: 0, slowestSql: '', calls: 0 };
      current = hold;
      try {
        return await fn();
      } finally {
        hold.ms = performance.now() - origin - hold.at;
        current = null;
        holds.push(hold);
      }
    });
  return {
    holds,
    stop() {
      target._runExclusiveTransaction = run;
      target.execProtocolRawSync = exec;
    },
  };
}
