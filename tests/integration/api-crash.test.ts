// Nothing accepted is lost: two `kept serve` processes on one PostgreSQL take a stream of new
// requests through the API, and one is killed with SIGKILL in the middle of it. Every request
// that was answered 2xx is stored exactly once; one cut off by the crash is stored at most once.
import type { ChildProcess } from 'node:child_process';
import { like, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/accounts/sessions.ts';
import { migrateStore, openPostgres, queryRows, type Store } from '../../src/db/open-database.ts';
import { messages } from '../../src/db/schema.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { killHard, startServe } from './support/kept-serve.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';

const REQUESTS = 300;
const CLIENTS = 8;
const KILL_AFTER = 80;

describe.skipIf(!(await canUsePostgres()))('API requests survive SIGKILL of one of two instances (PostgreSQL)', () => {
  let store: Store | null = null;
  let drop: (() => Promise<void>) | null = null;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) await killHard(child);
    await store?.close();
    await drop?.();
  });

  it(
    'every 2xx is stored exactly once; a request cut off by the crash at most once',
    { timeout: 240_000 },
    async () => {
      const database = await createTestDatabase('kept_api_crash');
      drop = database.drop;
      store = await openPostgres(database.url);
      await migrateStore(store);
      const tag = Math.random().toString(36).slice(2, 8);
      const { workspace, admin } = await createWorkspace(store.db, {
        workspaceName: `Crash ${tag}`,
        adminName: 'Ada',
        adminEmail: `crash-admin-${tag}@kept.test`,
        password: 'crash-password-1',
        language: 'en',
        slug: `crash-${tag}`,
      });
      const token = await createApiToken(store.db, { workspaceId: workspace.id, userId: admin.id, name: 'crash test' });
      const [doomed, survivor] = await Promise.all([
        startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: 'off' }),
        startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: 'off' }),
      ]);
      children.push(doomed.child, survivor.child);

      const outcome = new Map<number, 'accepted' | 'refused' | 'cut'>();
      let next = 0;
      let doomedAlive = true;
      const send = async (i: number, url: string) => {
        try {
          const response = await fetch(`${url}/api/v1/cases`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer: 'return=minimal' },
            body: JSON.stringify({
              customer: { name: `Customer ${i % 60}`, email: `c${i % 60}-${tag}@example.com` },
              channel: 'web',
              subject: `Request ${i}`,
              body: `crash-api-${tag}-${i}: my order has not arrived`,
            }),
            signal: AbortSignal.timeout(60_000),
          });
          await response.arrayBuffer();
          outcome.set(i, response.ok ? 'accepted' : 'refused');
        } catch {
          outcome.set(i, 'cut');
        }
      };
      const client = async (c: number) => {
        while (next < REQUESTS) {
          const i = next++;
          if (i === KILL_AFTER && doomedAlive) {
            doomedAlive = false;
            void killHard(doomed.child);
          }
          // Half the clients talk to the instance that dies, until it is gone.
          await send(i, doomedAlive && c % 2 === 0 ? doomed.url : survivor.url);
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

      const stored = await queryRows<{ body: string; n: number }>(
        store.db,
        sql`select body, count(*)::int as n from ${messages} where ${like(messages.body, `crash-api-${tag}-%`)} group by body`,
      );
      const times = new Map(stored.map((row) => [Number(/crash-api-\w+-(\d+):/.exec(row.body)![1]), row.n]));
      const accepted = [...outcome].filter(([, o]) => o === 'accepted').map(([i]) => i);
      const cut = [...outcome].filter(([, o]) => o === 'cut').map(([i]) => i);
      expect(outcome.size).toBe(REQUESTS);
      expect([...outcome.values()].filter((o) => o === 'refused')).toEqual([]);
      expect(accepted.length).toBeGreaterThan(REQUESTS - 2 * CLIENTS);
      expect(accepted.filter((i) => times.get(i) !== 1)).toEqual([]); // every 2xx stored, once
      expect(cut.filter((i) => (times.get(i) ?? 0) > 1)).toEqual([]); // a cut request at most once
      expect([...times.values()].every((n) => n === 1)).toBe(true);
      console.info(
        `[api crash] ${accepted.length} accepted, ${cut.length} cut off by SIGKILL (${cut.filter((i) => times.has(i)).length} of those stored), 0 lost, 0 twice`,
      );
    },
  );
});
