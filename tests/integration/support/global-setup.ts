import pg from 'pg';
import { processIsAlive } from '../../../src/db/data-dir-lock.ts';

const ADMIN_URL = process.env.KEPT_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Test databases are per worker; whatever a killed run left behind is dropped before and after.
async function dropTestDatabases(): Promise<void> {
  if (process.env.KEPT_TEST_POSTGRES === 'off') return;
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
  } catch {
    return;
  }
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'kept\\_it\\_%' or datname like 'kept\\_twin\\_%'`,
    );
    for (const row of rows) {
      // Names carry the creating process id; another test run's live databases are left alone.
      const pid = Number(/_(\d+)_[a-z0-9]+$/.exec(row.datname)?.[1]);
      if (Number.isFinite(pid) && processIsAlive(pid)) continue;
      await client.query(`drop database if exists ${row.datname} with (force)`);
    }
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestDatabases();
}

export async function teardown(): Promise<void> {
  await dropTestDatabases();
}
