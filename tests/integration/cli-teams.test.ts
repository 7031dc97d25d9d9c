// `kept team add|list` and `kept user add --team`, run as a user runs them (the real CLI, a
// child process) against a fresh PostgreSQL database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateStore, openPostgres, type Store } from '../../src/db/open-database.ts';
import { teams, users } from '../../src/db/schema.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const hasPostgres = await canUsePostgres();

describe.skipIf(!hasPostgres)('kept team and kept user add --team', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: Store;

  const kept = (...args: string[]) =>
    run(process.execPath, ['bin/kept.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    database = await createTestDatabase('kept_cli');
    store = await openPostgres(database.url);
    await migrateStore(store);
    await createWorkspace(store.db, {
      workspaceName: 'Acme',
      adminName: 'Ada',
      adminEmail: 'ada@acme.test',
      password: 'a-long-password-1',
      language: 'en',
      slug: 'acme',
    });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('adds a team, puts a new agent in it by name (any case), and refuses a team that does not exist', async () => {
    expect(await kept('team', 'add', 'Russian desk')).toMatchObject({ code: 0, stdout: 'Added team Russian desk\n' });
    const added = await kept(
      'user',
      'add',
      '--email',
      'anna@acme.test',
      '--name',
      'Anna',
      '--password',
      'a-long-password-2',
      '--languages',
      'ru,en',
      '--team',
      'russian DESK',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'Added agent Anna <anna@acme.test> to russian DESK\n' });
    const [anna] = await store.db.select().from(users).where(eq(users.email, 'anna@acme.test'));
    const [team] = await store.db.select().from(teams).where(eq(teams.name, 'Russian desk'));
    expect(anna!.teamId).toBe(team!.id);
    expect(await kept('team', 'list')).toMatchObject({ code: 0, stdout: 'Russian desk  (1 person)\n' });

    const refused = await kept(
      'user',
      'add',
      '--email',
      'omar@acme.test',
      '--name',
      'Omar',
      '--password',
      'a-long-password-3',
      '--team',
      'Arabic desk',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('No team "Arabic desk"; teams: Russian desk');
    expect(await store.db.select().from(users).where(eq(users.email, 'omar@acme.test'))).toEqual([]);
    const twice = await kept('team', 'add', 'RUSSIAN desk');
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('already exists');
  }, 120_000);
});
