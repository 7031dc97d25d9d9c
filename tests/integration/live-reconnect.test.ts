import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgres, type Store } from '../../src/db/open-database.ts';
import { linkStoreNotices, type StoreNoticeLink } from '../../src/live/store-notices.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';
import { until } from './support/until.ts';

const postgres = await canUsePostgres();

describe.skipIf(!postgres)('live desk: the LISTEN connection on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let store: Store;
  let link: StoreNoticeLink;
  const heard: string[] = [];
  let resyncs = 0;

  beforeAll(async () => {
    database = await createTestDatabase('kept_live');
    store = await openPostgres(database.url, 2);
    link = await linkStoreNotices(store, ['kept_changes'], {
      onNotice: (_channel, payload) => heard.push(payload),
      onResync: () => resyncs++,
    });
  });
  afterAll(async () => {
    await link?.close();
    await store?.close();
    await database?.drop();
  });

  it('comes back after its connection is killed, says notices may have been missed, and hears again', async () => {
    await link.publish('kept_changes', 'before');
    await until(() => heard.includes('before'), 'the first notice');

    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const killed = await admin.query(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN%'`,
    );
    await admin.end();
    expect(killed.rowCount).toBe(1);

    await until(() => resyncs === 1, 'the resync after reconnecting');
    await link.publish('kept_changes', 'after');
    await until(() => heard.includes('after'), 'a notice after reconnecting');
    expect(heard).toEqual(['before', 'after']);
  });
});
