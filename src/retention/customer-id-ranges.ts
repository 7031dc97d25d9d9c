// Customers split by id into equal ranges of the uuid space, so that bulk rebuilds can run in
// parts side by side on PostgreSQL (one connection and one core each): the one-pass summary
// and the scores' insert cannot be parallel queries.
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { driverClient } from '../db/hot-statement.ts';
import type { Db } from '../db/open-database.ts';

export interface CustomerIdRange {
  /** inclusive; null = from the start */
  from: string | null;
  /** exclusive; null = to the end */
  to: string | null;
}

/** The SQL condition that `column` (a customer id) lies in `range`; 'all' is every customer. */
export function inCustomerRange(column: SQL, range: CustomerIdRange | 'all'): SQL {
  if (range === 'all') return sql`true`;
  const from = range.from === null ? sql`true` : sql`${column} >= ${range.from}::uuid`;
  const to = range.to === null ? sql`true` : sql`${column} < ${range.to}::uuid`;
  return sql`${from} and ${to}`;
}

/** Boundaries splitting the uuid space into `parts` equal ranges of customer ids. */
export function customerIdRanges(parts: number): CustomerIdRange[] {
  const bounds = Array.from({ length: parts - 1 }, (_, i) => {
    const hex = Math.floor(((i + 1) * 0x1_0000_0000) / parts)
      .toString(16)
      .padStart(8, '0');
    return `${hex}-0000-0000-0000-000000000000`;
  });
  return Array.from({ length: parts }, (_, i) => ({ from: bounds[i - 1] ?? null, to: bounds[i] ?? null }));
}

/** Parts for a bulk rebuild: two on PostgreSQL (a pool, a server with cores of its own), one on the embedded store. */
export function bulkParts(db: Db): number {
  return driverClient(db) instanceof pg.Pool ? 2 : 1;
}
