/**
 * Outbound e-mail send rate: Kept's outbox sender (claim a batch under SKIP LOCKED, fix the
 * Message-ID / In-Reply-To / References / Reply-To once, render the RTL-aware HTML, send through
 * a pooled SMTP connection, record the outcome) against a local SMTP sink that accepts and
 * discards — beside nodemailer sending the same messages directly to the same sink with the
 * same pool settings, in the same run (ratio = Kept / bare).
 *
 *   npx tsx bench/email-outbound.ts                 # PGlite, and PostgreSQL when reachable
 *   BENCH_EMAILS=5000 npx tsx bench/email-outbound.ts
 *
 * Database kept_bench_email is created and dropped; PGlite runs in a temporary directory.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openPglite, openPostgres, migrateStore, type Store } from '../src/db/open-database.ts';
import { cases, customers, messages } from '../src/db/schema.ts';
import { outbox } from '../src/db/schema-email.ts';
import { deliverOutbox } from '../src/email/outbound/deliver-outbox.ts';
import { saveEmailSettings } from '../src/email/outbound/email-settings.ts';
import { closeMailTransports } from '../src/email/outbound/mail-transports.ts';
import { RecordingTimers, type DeskContext } from '../src/kernel/desk-context.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';
import { dropDatabase, PG_ADMIN_URL, pgUrl, recreateDatabase, tempDataDir } from './support/bench-kit.ts';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const DB = 'kept_bench_email';
const TEXT = 'مرحبًا ليلى،\n\nأُعيد المبلغ إلى بطاقتك اليوم، وسيظهر خلال ثلاثة أيام عمل.\n\nمع أطيب التحيات،\nفريق الدعم';

async function startDiscardSink(): Promise<{ port: number; count: () => number; close(): Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    count: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** nodemailer alone: the same pool (5 connections), 20 messages in flight, like one outbox batch. */
async function bareRate(port: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    pool: true,
    maxConnections: 5,
  });
  const started = performance.now();
  for (let i = 0; i < EMAILS; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, EMAILS - i) }, (_, j) =>
        transport.sendMail({
          from: { name: 'Acme Support', address: 'support@acme.test' },
          to: `customer${i + j}@customer.test`,
          subject: `[#K-1] Refund ${i + j}`,
          text: TEXT,
          html: `<!DOCTYPE html><html lang="ar" dir="rtl"><body dir="rtl"><p>${TEXT}</p></body></html>`,
          messageId: `<bare-${i + j}@acme.test>`,
        }),
      ),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return EMAILS / seconds;
}

async function keptRate(store: Store, port: number): Promise<number> {
  await migrateStore(store);
  const { workspace } = await createWorkspace(store.db, {
    workspaceName: 'Bench Co',
    adminName: 'Ada',
    adminEmail: `admin-${Date.now()}@bench.test`,
    password: 'bench-password-123',
    language: 'en',
  });
  await saveEmailSettings(
    store.db,
    workspace.id,
    {
      smtpHost: '127.0.0.1',
      smtpPort: port,
      smtpSecure: false,
      fromAddress: 'support@acme.test',
      fromName: 'Acme Support',
    },
    new Date(),
  );
  // 100 cases, each with an inbound e-mail Message-ID to thread to.
  const caseIds: string[] = [];
  for (let c = 0; c < 100; c++) {
    const [customer] = await store.db
      .insert(customers)
      .values({ workspaceId: workspace.id, name: `Customer ${c}`, email: `customer${c}@customer.test`, language: 'ar' })
      .returning();
    const [caseRow] = await store.db
      .insert(cases)
      .values({
        workspaceId: workspace.id,
        customerId: customer!.id,
        subject: 'Refund',
        status: 'open',
        channel: 'email',
        language: 'ar',
      })
      .returning();
    await store.db.insert(messages).values({
      workspaceId: workspace.id,
      caseId: caseRow!.id,
      customerId: customer!.id,
      direction: 'inbound',
      channel: 'email',
      body: 'Where is my refund?',
      externalId: `in-${c}@customer.test`,
    });
    caseIds.push(caseRow!.id);
  }
  for (let i = 0; i < EMAILS; i += 500) {
    await store.db.insert(outbox).values(
      Array.from({ length: Math.min(500, EMAILS - i) }, (_, j) => ({
        workspaceId: workspace.id,
        caseId: caseIds[(i + j) % caseIds.length]!,
        channel: 'email',
        toAddress: `customer${(i + j) % 100}@customer.test`,
        subject: `[#K-1] Refund ${i + j}`,
        textBody: TEXT,
        kind: 'reply' as const,
        language: 'ar',
      })),
    );
  }
  const ctx: DeskContext = {
    db: store.db,
    timers: new RecordingTimers(),
    now: () => new Date(),
    publicUrl: 'http://bench.test',
  };
  const started = performance.now();
  let sent = 0;
  for (;;) {
    const counts = await deliverOutbox(ctx, { workspaceId: workspace.id });
    if (counts.sent + counts.retrying + counts.failed === 0) break;
    sent += counts.sent;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sent !== EMAILS) throw new Error(`sent ${sent} of ${EMAILS}`);
  closeMailTransports();
  return EMAILS / seconds;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sink = await startDiscardSink();
console.log(
  `Outbound e-mail: ${EMAILS} messages to a local discard SMTP sink (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})`,
);
const rows: Array<[string, number, number]> = [];
for (const kind of ['pglite', 'postgres'] as const) {
  if (kind === 'postgres' && !(await postgresReachable())) {
    console.log('PostgreSQL not reachable: skipped');
    continue;
  }
  let store: Store;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = tempDataDir('email');
    store = await openPglite(dir);
    cleanup = async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  } else {
    await recreateDatabase(DB);
    store = await openPostgres(pgUrl(DB));
    cleanup = async () => {
      await store.close();
      await dropDatabase(DB);
    };
  }
  const bare = await bareRate(sink.port);
  const kept = await keptRate(store, sink.port);
  rows.push([kind, kept, bare]);
  console.log(
    `${kind}: Kept ${kept.toFixed(0)} msg/s, bare nodemailer ${bare.toFixed(0)} msg/s, ratio ${(kept / bare).toFixed(2)}`,
  );
  await cleanup();
}
console.log(`sink received ${sink.count()} messages`);
await sink.close();
console.log('\n| store | Kept outbox → SMTP (msg/s) | bare nodemailer → SMTP (msg/s) | ratio |\n|---|---|---|---|');
for (const [kind, kept, bare] of rows)
  console.log(`| ${kind} | ${kept.toFixed(0)} | ${bare.toFixed(0)} | ${(kept / bare).toFixed(2)} |`);
process.exit(0);
