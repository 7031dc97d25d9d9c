import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

// The kernel names the store handle without reaching into src/db, so that every layer above
// can take one: drizzle's handle on PGlite or PostgreSQL, the root or a transaction alike.
// Relational queries (db.query.x) are not typed through it; select/insert/update/delete are.
export type Db = PgDatabase<PgQueryResultHKT>;

/** A statement written as text with $n placeholders (src/db/hot-statement.ts). */
export interface StatementText {
  param(value: string | number | boolean | null, cast: string): string;
}
