// Customers split by id into equal ranges of the uuid space, so that bulk rebuilds can run in
// parts side by side on PostgreSQL (one connection and one core each): the one-pass summary
// and the scores' insert cannot be parallel queries.
import pg from 'pg';
import type { Db } from '../db/open-database.ts';

/** Boundaries splitting the uuid space into `parts` equal ranges of customer ids. */
export function customerIdRanges(parts: number): Array<{ from: string | null; to: string | null }> {
  const bounds = Array.from({ length: parts - 1 }, (_, i) => {
    const hex = Math.floor(((i + 1) * 0x1_0000_0000) / parts).toString(16).padStart(8, '0');
    return `${hex}-0000-0000-0000-000000000000`;
  });
  return Array.from({ length: parts }, (_, i) => ({ from: bounds[i - 1] ?? null, to: bounds[i] ?? null }));
}

/** Parts for a bulk rebuild: two on PostgreSQL (a pool, a server with cores of its own), one on the embedded store. */
export function bulkParts(db: Db): number {
  // drizzle-orm 0.45 (pinned) keeps the driver's client on its session (as hot-statement.ts relies on).
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Pool ? 2 : 1;
}
