import type { Db } from '../../db/open-database.ts';
import type { ThreadState } from './read-intake-state.ts';

// Most messages thread onto a case this process wrote last, so the state intake decides on
// (readThread: the case, its customer, its open first-response promise, its first
// acknowledgement) is known from that write, and the read can be skipped. The state is kept
// with the row versions (xmin) its write returned, and the next write on it is guarded by
// them: the case's and the customer's versions, and the open first-response promise's id.
// If anything changed meanwhile — another instance, an agent, a timer — the guarded write
// writes nothing and intake reads again (receive-customer-message.ts). A version is only
// trusted from a single-statement write outside any transaction: within one transaction
// every change carries the same xmin, so there a version would not tell two states apart.

/** Entries per store; about 2 KB each. Cases written by many processes only cost misses. */
const MAX_ENTRIES = 10_000;
/** An entry unused this long is dropped: it is a shortcut for bursts, not a replica. */
const MAX_AGE_MS = 10 * 60_000;

interface Entry {
  workspaceId: string;
  state: ThreadState;
  at: number;
}

// Keyed by the store's handle, so two stores in one process (tests) never share entries.
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** The state this process last wrote for the case, if it is recent; null otherwise. */
export function cachedThread(db: Db, workspaceId: string, caseId: string, now = Date.now()): ThreadState | null {
  const cache = cacheOf(db);
  const entry = cache.get(caseId);
  if (!entry) return null;
  if (entry.workspaceId !== workspaceId || now - entry.at > MAX_AGE_MS) {
    cache.delete(caseId);
    return null;
  }
  // A Map iterates in insertion order: re-inserting makes it the most recently used.
  cache.delete(caseId);
  cache.set(caseId, { ...entry, at: now });
  return entry.state;
}

export function rememberThread(db: Db, state: ThreadState, now = Date.now()): void {
  const cache = cacheOf(db);
  cache.delete(state.caseRow.id);
  cache.set(state.caseRow.id, { workspaceId: state.caseRow.workspaceId, state, at: now });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

export function forgetThread(db: Db, caseId: string): void {
  cacheOf(db).delete(caseId);
}

export function cachedThreadCount(db: Db): number {
  return cacheOf(db).size;
}
