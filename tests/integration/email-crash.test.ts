// Never lost: a real `kept serve` (PostgreSQL) takes a stream of mail and is killed with
// SIGKILL mid-stream. After a restart, every message that got a 250 is stored and processed,
// and resending (as real senders do for anything without a 250) creates nothing twice.
import type { ChildProcess } from 'node:child_process';
import { and, count, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateStore, openPostgres, type Store } from '../../src/db/open-database.ts';
import { messages, users } from '../../src/db/schema.ts';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { addSupportAddress } from '../../src/email/inbound/support-addresses.ts';
import { createWorkspace } from '../../src/workspaces/create-workspace.ts';
import { freePort, startServe } from './support/kept-serve.ts';
import { canUsePostgres, createTestDatabase } from './support/test-stores.ts';

const mail = (i: number, domain: string) =>
  `From: Customer ${i % 150} <c${i % 150}@crash.test>\r\nTo: support@${domain}\r\nSubject: Crash test ${i}\r\nMessage-ID: <crash-${i}@crash.test>\r\n\r\nMessage number ${i} about order ${1000 + i}.\r\n`;

describe.skipIf(!(await canUsePostgres()))('inbound e-mail survives SIGKILL of kept serve (PostgreSQL)', () => {
  let store: Store | null = null;
  let drop: (() => Promise<void>) | null = null;
  let child: ChildProcess | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await store?.close();
    await drop?.();
  });

  it('every 250 is stored and processed once after a crash and restart', { timeout: 180_000 }, async () => {
    const database = await createTestDatabase('kept_it_crash');
    drop = database.drop;
    store = await openPostgres(database.url, 4);
    await migrateStore(store);
    const { workspace, admin } = await createWorkspace(store.db, {
      workspaceName: 'Crash Co',
      adminName: 'Ada',
      adminEmail: 'ada@crash.test',
      password: 'correct-horse-battery',
      language: 'en',
    });
    await store.db.insert(users).values({
      workspaceId: workspace.id,
      name: 'Tom',
      email: 'tom@crash.test',
      role: 'agent',
      languages: ['en'],
      passwordHash: admin.passwordHash,
    });
    const domain = 'crash-desk.test';
    await addSupportAddress(store.db, workspace.id, `support@${domain}`);
    const smtpPort = await freePort();
    child = (await startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: String(smtpPort) })).child;

    const TOTAL = 300;
    const acknowledged = new Set<number>();
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 8,
      maxMessages: Infinity,
    });
    let killed = false;
    const sendAll = Array.from({ length: TOTAL }, (_, i) => i).map(async (i) => {
      try {
        await transport.sendMail({
          envelope: { from: `c${i % 150}@crash.test`, to: [`support@${domain}`] },
          raw: mail(i, domain),
        });
        acknowledged.add(i);
        if (!killed && acknowledged.size >= 120) {
          killed = true;
          child!.kill('SIGKILL');
        }
      } catch {
        // No 250: the sender keeps it and retries (below).
      }
    });
    await Promise.all(sendAll);
    transport.close();
    expect(killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(120);
    expect(acknowledged.size).toBeLessThan(TOTAL);

    // Every 250 is already committed, even before the restart.
    const storedIds = async () =>
      new Set(
        (
          await store!.db
            .select({ id: inboundEmails.messageIdHeader })
            .from(inboundEmails)
            .where(eq(inboundEmails.workspaceId, workspace.id))
        ).map((r) => r.id),
      );
    const before = await storedIds();
    for (const i of acknowledged) expect(before.has(`crash-${i}@crash.test`), `crash-${i}`).toBe(true);

    // Restart: the unprocessed are picked up; the sender retries everything (the 250'd ones too).
    child = (await startServe({ DATABASE_URL: database.url, KEPT_SMTP_PORT: String(smtpPort) })).child;
    const again = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 8,
      maxMessages: Infinity,
    });
    const retried = await Promise.allSettled(
      Array.from({ length: TOTAL }, (_, i) =>
        again.sendMail({
          envelope: { from: `c${i % 150}@crash.test`, to: [`support@${domain}`] },
          raw: mail(i, domain),
        }),
      ),
    );
    again.close();
    expect(retried.filter((r) => r.status === 'rejected')).toHaveLength(0);

    const deadline = Date.now() + 90_000;
    for (;;) {
      const [pending] = await store.db
        .select({ n: count() })
        .from(inboundEmails)
        .where(and(eq(inboundEmails.workspaceId, workspace.id), inArray(inboundEmails.status, ['received', 'failed'])));
      if (Number(pending!.n) === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const rows = await store.db.select().from(inboundEmails).where(eq(inboundEmails.workspaceId, workspace.id));
    expect(rows).toHaveLength(TOTAL);
    for (const r of rows) expect(r.status, `${r.messageIdHeader}: ${r.error}`).toBe('processed');
    const inbound = await store.db
      .select({ externalId: messages.externalId })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspace.id), eq(messages.direction, 'inbound')));
    expect(inbound).toHaveLength(TOTAL);
    expect(new Set(inbound.map((m) => m.externalId)).size).toBe(inbound.length);
    child.kill('SIGTERM');
  });
});
