import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { KeptError } from '../errors/kept-error.ts';
import { useHotPool } from './hot-statement.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { parseBytea, serializeBytea } from './pglite-bytea.ts';
import * as schema from './schema.ts';

import type { Db } from '../kernel/store-handle.ts';

export type { Db };

export interface Store {
  kind: 'pglite' | 'postgres';
  db: Db;
  pglite: PGlite | null;
  pool: pg.Pool | null;
  connectionString: string | null;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every Kept process sharing a server.
const MIGRATION_LOCK_KEY = 7_120_419;

// count(*) and bigserial are int8: make them JS numbers on both drivers, so code and tests
// never see '42' on one database and 42 on the other.
const int8AsNumber = (value: string) => Number(value);

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Store> {
  // Global on purpose: drizzle's node-postgres session passes its own per-query type parsers
  // that fall back to pg's global table, so a per-pool parser would be bypassed.
  pg.types.setTypeParser(pg.types.builtins.INT8, int8AsNumber);
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {
    // An idle client dropped by the server; the pool replaces it on the next query.
  });
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new KeptError('store.unavailable', `Cannot reach PostgreSQL at DATABASE_URL: ${(error as Error).message}`);
  }
  // Intake's statements (hot-statement.ts) run on connections of their own, on generic plans:
  // their rows travel as JSON and id arrays, so a custom plan is no better, yet PostgreSQL
  // planned each of their dozen shapes anew on every execution of every pooled connection (it
  // keeps custom plans when the array's length changes the estimate): −16% of their CPU.
  // Kept apart so that the reports' queries keep their custom plans. A generic plan made
  // while a table was small (a new desk) scanned it whole — cases 518 times in a bench run of
  // 5,600 messages — and kept doing so as the table grew, for as long as nothing analyzed it
  // (a server with autovacuum off never does): these statements find rows by key, so index
  // paths are forced.
  const hotPool = new pg.Pool({
    connectionString,
    max: 4,
    options: '-c plan_cache_mode=force_generic_plan -c enable_seqscan=off',
  });
  hotPool.on('error', () => undefined);
  useHotPool(pool, hotPool);
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pglite: null,
    pool,
    connectionString,
    close: async () => {
      await Promise.all([pool.end(), hotPool.end()]);
    },
  };
}

export async function openPglite(dataDir: string | null): Promise<Store> {
  let lock: DataDirLock | null = null;
  if (dataDir) lock = acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(dataDir ? path.join(dataDir, 'pgdata') : undefined, {
      parsers: { [pgliteTypes.INT8]: int8AsNumber, [pgliteTypes.BYTEA]: parseBytea },
      // PGlite's type says a serializer returns text; its protocol layer also takes bytes (pglite-bytea.ts).
      serializers: { [pgliteTypes.BYTEA]: serializeBytea as unknown as (value: unknown) => string },
    });
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite,
      pool: null,
      connectionString: null,
      close: async () => {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Applies pending migrations; safe when several Kept processes start at once on one server. */
export async function migrateStore(store: Store): Promise<void> {
  if (store.kind === 'pglite') {
    await migratePglite(store.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await store.pool!.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

export async function openStore(options: { databaseUrl: string | null; dataDir: string | null }): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrateStore(store);
  return store;
}

/** Rows of a raw query, the same shape on both drivers. */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
