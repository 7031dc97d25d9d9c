import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateStore, openPglite, openPostgres, type Store } from '../../../src/db/open-database.ts';

export type StoreKind = 'pglite' | 'postgres';

const ADMIN_URL = process.env.KEPT_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresReachable: boolean | null = null;

/** Whether the PostgreSQL half of the suite can run; without a server it is skipped, loudly. */
export async function canUsePostgres(): Promise<boolean> {
  if (process.env.KEPT_TEST_POSTGRES === 'off') return false;
  if (postgresReachable !== null) return postgresReachable;
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    postgresReachable = true;
  } catch {
    postgresReachable = false;
    console.warn(
      `\n[kept tests] PostgreSQL is not reachable at ${ADMIN_URL}: the PostgreSQL half of the integration suite is SKIPPED.\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return postgresReachable;
}

/** A fresh, migrated database on the PostgreSQL server, dropped when the worker exits. */
export async function createTestDatabase(prefix = 'kept_it'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const stores = new Map<StoreKind, Promise<Store>>();

/** One store of each kind per test worker; tests isolate themselves by workspace. */
export function sharedStore(kind: StoreKind): Promise<Store> {
  let store = stores.get(kind);
  if (!store) {
    store = kind === 'pglite' ? openSharedPglite() : openSharedPostgres();
    stores.set(kind, store);
  }
  return store;
}

async function openSharedPglite(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-it-'));
  const store = await openPglite(dir);
  await migrateStore(store);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return store;
}

async function openSharedPostgres(): Promise<Store> {
  const database = await createTestDatabase();
  const store = await openPostgres(database.url);
  await migrateStore(store);
  const close = store.close;
  store.close = async () => {
    await close();
    await database.drop();
  };
  process.once('beforeExit', () => void store.close().catch(() => undefined));
  return store;
}
