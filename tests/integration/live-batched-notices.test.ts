import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db, Store } from '../../src/db/open-database.ts';
import { linkStoreNotices, type StoreNoticeLink } from '../../src/live/store-notices.ts';
import { DESK_CHANNEL, parseDeskSignals } from '../../src/live/live-signals.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { canUsePostgres, sharedStore, type StoreKind } from './support/test-stores.ts';
import { until } from './support/until.ts';

const postgres = await canUsePostgres();

async function newWorkspace(db: Db, tag: string): Promise<string> {
  const slug = `live-batch-${tag}-${Math.random().toString(36).slice(2, 8)}`;
  const { workspace } = await createWorkspace(db, {
    workspaceName: slug,
    adminName: 'Admin',
    adminEmail: `${slug}@example.com`,
    password: 'a-long-password-1',
    language: 'en',
    slug,
  });
  return workspace.id;
}

describe.each<StoreKind>(['pglite', 'postgres'])('the events trigger batches a statement’s notices on %s', (kind) => {
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  let store: Store;
  let link: StoreNoticeLink;
  let first: string;
  let second: string;
  const heard: string[] = [];

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    store = await sharedStore(kind);
    const db = store.db as Db;
    first = await newWorkspace(db, 'a');
    second = await newWorkspace(db, 'b');
    link = await linkStoreNotices(store, [DESK_CHANNEL], {
      onNotice: (_c, payload) => heard.push(payload),
      onResync() {},
    });
  });
  afterAll(async () => {
    await link?.close();
  });

  const ours = (workspaceId: string) =>
    heard.filter((p) => parseDeskSignals(p).some((change) => change.workspaceId === workspaceId));

  run(
    'one change keeps the single form; 400 changes of one statement arrive whole, in notices under 8,000 bytes',
    async () => {
      const db = store.db as Db;
      await db.execute(sql`insert into events (workspace_id, type, data) values (${first}, 'mailbox.checked', '{}')`);
      await until(() => ours(first).length === 1, 'the single notice');
      expect(JSON.parse(ours(first)[0]!)).toEqual({ w: first, c: null, k: 'mailbox.checked' });

      // 400 distinct types with long names in the first workspace and 3 in the second, in one statement.
      const long = 'x'.repeat(80);
      await db.execute(sql`
      insert into events (workspace_id, type, data)
      select ${first}::uuid, 'bulk.' || ${long} || '.' || n, '{}'::jsonb from generate_series(1, 400) as n
      union all
      select ${second}::uuid, 'bulk.second.' || n, '{}'::jsonb from generate_series(1, 3) as n`);
      const changesOf = (w: string) =>
        ours(w)
          .flatMap((p) => parseDeskSignals(p))
          .filter((c) => c.workspaceId === w);
      await until(() => changesOf(first).length === 401 && changesOf(second).length === 3, 'every change');
      const batches = ours(first).slice(1);
      expect(batches.length).toBeGreaterThan(1);
      expect(batches.length).toBeLessThanOrEqual(8);
      for (const payload of batches) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
      const kinds = new Set(changesOf(first).map((c) => c.what));
      expect(kinds.size).toBe(401);
      expect(kinds.has(`bulk.${long}.400`)).toBe(true);
      // The second workspace's changes never ride in the first's notices.
      expect(ours(second)).toHaveLength(1);
      expect(
        changesOf(second)
          .map((c) => c.what)
          .sort(),
      ).toEqual(['bulk.second.1', 'bulk.second.2', 'bulk.second.3']);
    },
  );
});
