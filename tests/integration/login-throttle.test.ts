// The login throttle counts failures in the database, per account and per client address:
// an attacker locks out their own address, not the account's owner; two instances on one
// PostgreSQL count together; the client's address is the proxy's forwarded one only when
// KEPT_TRUST_PROXY names the proxy. Each password check costs argon2's time, so the counts
// the tests start from are written as rows where the path to them is not what is tested.
import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/kept-config.ts';
import { migrateStore, openPostgres, type Store } from '../../src/db/open-database.ts';
import { loginAttempts } from '../../src/db/schema-accounts.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { RecordingTimers } from '../../src/kernel/desk-context.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { describeEachStore, keptWithWorkspace } from './support/each-store.ts';
import { createTestWorkspace, TEST_PASSWORD } from './support/factories.ts';
import { json } from './support/test-kept.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';

const WRONG = 'not-the-password';

function logIn(
  app: FastifyInstance,
  email: string,
  password: string,
  from: string,
  headers: Record<string, string> = {},
) {
  const payload = { email, password };
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: from, headers });
}

/** Failures made a minute ago, as the throttle would have recorded them. */
async function pastFailures(store: Store, rows: Array<{ email: string; address: string }>, now: Date) {
  const attemptedAt = new Date(now.getTime() - 60_000);
  await store.db.insert(loginAttempts).values(rows.map((r) => ({ ...r, attemptedAt })));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** Addresses of a network of its own per test and store, so tests sharing the store stay apart. */
const net = () => `10.${crypto.randomInt(1, 255)}.${crypto.randomInt(0, 255)}`;

function expectLocked(response: LightMyRequestResponse, maxSeconds = 15 * 60) {
  expect(response.statusCode).toBe(429);
  expect(json(response).error.code).toBe('auth.rate_limited');
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(json(response).error.message).toMatch(/try again in \d+ minutes?/);
}

await describeEachStore('login throttle', (kind) => {
  const t = keptWithWorkspace(kind);
  afterAll(() => t.kept?.clock.reset());

  it('checks the body (400) and the password (401) before anything is locked', async () => {
    const payload = { email: t.ws.agentAr.email };
    const missing = await t.kept.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(missing.statusCode).toBe(400);
    expect(json(missing).error.field).toBe('password');
    expect((await logIn(t.kept.app, t.ws.agentAr.email, WRONG, `${net()}.1`)).statusCode).toBe(401);
  });

  it('10 failures lock that address out of that account for the window; the owner elsewhere gets in', async () => {
    t.kept.clock.set(new Date());
    const attacker = `${net()}.1`;
    const statuses = [];
    for (const _ of range(10)) statuses.push((await logIn(t.kept.app, t.ws.agentEn.email, WRONG, attacker)).statusCode);
    expect(statuses).toEqual(range(10).map(() => 401));
    // Locked: even the right password is not checked from there.
    expectLocked(await logIn(t.kept.app, t.ws.agentEn.email, TEST_PASSWORD, attacker));
    // The same address may still try another account; the owner from another address gets in.
    expect((await logIn(t.kept.app, t.ws.agentRu.email, WRONG, attacker)).statusCode).toBe(401);
    expect((await logIn(t.kept.app, t.ws.agentEn.email, TEST_PASSWORD, `${net()}.2`)).statusCode).toBe(200);
    // Refused attempts did not prolong the lock: it ends 15 minutes after the failures.
    t.kept.clock.advanceMinutes(15);
    expect((await logIn(t.kept.app, t.ws.agentEn.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('guesses sent at once are all counted: no more than 10 passwords are checked', async () => {
    const attacker = `${net()}.1`;
    const responses = await Promise.all(range(14).map(() => logIn(t.kept.app, t.ws.supervisor.email, WRONG, attacker)));
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(4);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it('an address that failed 50 times across accounts is locked for every account, and only that address', async () => {
    const sprayer = `${net()}.1`;
    const now = t.kept.clock.now();
    const guesses = range(50).map((i) => ({ email: `guess-${i}-${sprayer}@kept.test`, address: sprayer }));
    await pastFailures(t.kept.store, guesses, now);
    const refused = await logIn(t.kept.app, t.ws.admin.email, TEST_PASSWORD, sprayer);
    expectLocked(refused);
    expect(json(refused).error.message).toMatch(/from your address/);
    expect((await logIn(t.kept.app, t.ws.admin.email, TEST_PASSWORD, `${net()}.2`)).statusCode).toBe(200);
  });

  it('an account attacked from many addresses: 3 failures lock an address; a clean one still gets in', async () => {
    const other = await createTestWorkspace(t.kept);
    const botnet = net();
    const now = t.kept.clock.now();
    const attack = range(30).map((i) => ({ email: other.agentEn.email, address: `${botnet}.${i}` }));
    await pastFailures(t.kept.store, attack, now);
    const bot = `${botnet}.200`;
    for (const _ of range(3)) expect((await logIn(t.kept.app, other.agentEn.email, WRONG, bot)).statusCode).toBe(401);
    expectLocked(await logIn(t.kept.app, other.agentEn.email, WRONG, bot));
    // Unknown e-mails are throttled alike, so a 429 does not tell which e-mails have accounts.
    const unknown = `nobody-${botnet}@kept.test`;
    await pastFailures(
      t.kept.store,
      range(10).map(() => ({ email: unknown, address: bot })),
      now,
    );
    expectLocked(await logIn(t.kept.app, unknown, WRONG, bot));
    expect((await logIn(t.kept.app, other.agentEn.email, TEST_PASSWORD, `${net()}.1`)).statusCode).toBe(200);
  });

  it("counts the proxy's forwarded address only when KEPT_TRUST_PROXY names the proxy", async () => {
    const behindProxy = await buildApp({
      ctx: t.kept.ctx,
      store: t.kept.store,
      config: readConfig({ KEPT_TRUST_PROXY: '127.0.0.1' }, { logLevel: 'silent' }),
      jobsHealthy: () => true,
    });
    try {
      const client = `${net()}.1`;
      const email = t.ws.agentAr.email;
      await pastFailures(
        t.kept.store,
        range(10).map(() => ({ email, address: client })),
        t.kept.clock.now(),
      );
      const proxied = (from: string) =>
        logIn(behindProxy, email, TEST_PASSWORD, '127.0.0.1', { 'x-forwarded-for': from });
      expectLocked(await proxied(client));
      expect((await proxied(`${net()}.2`)).statusCode).toBe(200);
      // Not trusted (the default), the header is anyone's to write and is ignored.
      const direct = await logIn(t.kept.app, email, TEST_PASSWORD, '127.0.0.1', { 'x-forwarded-for': client });
      expect(direct.statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});

const postgres = await canUsePostgres();

describe('login throttle across instances', () => {
  it.skipIf(!postgres)('two instances on one PostgreSQL count the same failures', async () => {
    const database = await createTestDatabase('kept_throttle');
    const stores = [await openPostgres(database.url), await openPostgres(database.url)];
    await migrateStore(stores[0]!);
    const apps = await Promise.all(
      stores.map((store) =>
        buildApp({
          ctx: { db: store.db, timers: new RecordingTimers(), now: () => new Date(), publicUrl: 'http://kept.test' },
          store,
          config: readConfig({}, { logLevel: 'silent' }),
          jobsHealthy: () => true,
        }),
      ),
    );
    try {
      const email = 'owner@throttle.test';
      const owner = { workspaceName: 'Throttle', adminName: 'Owner', adminEmail: email, password: TEST_PASSWORD };
      await createWorkspace(stores[0]!.db, { ...owner, language: 'en' });
      const attacker = '203.0.113.9';
      const [one, two] = apps as [FastifyInstance, FastifyInstance];
      for (const i of range(10)) expect((await logIn(i % 2 ? one : two, email, WRONG, attacker)).statusCode).toBe(401);
      expectLocked(await logIn(one, email, TEST_PASSWORD, attacker));
      expectLocked(await logIn(two, email, TEST_PASSWORD, attacker));
      expect((await logIn(two, email, TEST_PASSWORD, '203.0.113.10')).statusCode).toBe(200);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
      await Promise.all(stores.map((store) => store.close()));
      await database.drop();
    }
  });
});
