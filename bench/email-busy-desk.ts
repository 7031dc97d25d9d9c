/**
 * E-mail at a busy desk (issue 20), on PostgreSQL: the same 1,000 customer e-mails — 700 new
 * conversations from 300 senders and 300 replies with In-Reply-To/References, in English,
 * Arabic and Russian — delivered over SMTP with 1, 4 and 16 connections and read over IMAP,
 * each into a fresh database. Replies are sent right beside their parents (a third of them just
 * before), so a reply and its parent land in concurrent batches. Each run reports the time
 * until every message is processed, threading (replies in their parent's case), cases, and
 * messages marked failed; the targets are 300/300, exactly 700, 0, IMAP within 2× SMTP (one
 * connection) and 4 connections at least as fast as 1.
 *
 *   npx tsx bench/email-busy-desk.ts      (BENCH_SMOKE=1: the first 150 messages, to try the script)
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { and, count, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { migrateStore, openPostgres, type Store } from '../src/db/open-database.ts';
import { cases, users } from '../src/db/schema.ts';
import { inboundEmails } from '../src/db/schema-email.ts';
import { pollMailbox } from '../src/email/imap/poll-mailbox.ts';
import { addMailbox } from '../src/email/imap/imap-mailboxes.ts';
import { receiveStoredInbound } from '../src/email/inbound/inbound-hand-off.ts';
import { InboundProcessor } from '../src/email/inbound/inbound-processor.ts';
import { startSmtpListener } from '../src/email/inbound/smtp-listener.ts';
import { addSupportAddress } from '../src/email/inbound/support-addresses.ts';
import { RecordingTimers, type DeskContext } from '../src/kernel/desk-context.ts';
import { useCredentialSecret } from '../src/secrets/sealed-credential.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';
import { dropDatabase, fmt, pgUrl, recreateDatabase } from './support/bench-kit.ts';

const NEW_CONVERSATIONS = 700;
const SENDERS = 300;
const REPLIES = 300;
const DB = 'kept_bench_email_busy_desk';
const SUPPORT = 'support@busy-desk.test';

const BODIES = [
  'Hello, my order has not arrived yet and the tracking page has not changed for five days. Could you check it?',
  'مرحبا، لم يصل طلبي بعد ولم تتغير صفحة التتبع منذ خمسة أيام. هل يمكنكم التحقق من ذلك من فضلكم؟',
  'Здравствуйте, мой заказ до сих пор не пришёл, и страница отслеживания не менялась пять дней. Проверьте, пожалуйста.',
];
const REPLY_BODIES = [
  'Thank you, but I am still waiting. Is there any news about the parcel?',
  'شكرا لكم، لكنني ما زلت أنتظر. هل هناك أي أخبار عن الطرد؟',
  'Спасибо, но я всё ещё жду. Есть ли новости о посылке?',
];

interface Mail {
  index: number;
  from: string;
  raw: string;
  /** For a reply: the index of the conversation it answers. */
  parent: number | null;
}

const id = (n: number) => `busy-${n}@customers.test`;
const headers = (from: string, subject: string, messageId: string, extra = '') =>
  `From: Customer <${from}>\r\nTo: ${SUPPORT}\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n${extra}` +
  `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;

/** The 1,000 messages in delivery order: each reply beside its parent, a third of them just before it. */
function workload(): Mail[] {
  const conversations: Mail[] = Array.from({ length: NEW_CONVERSATIONS }, (_, i) => {
    const from = `c${i % SENDERS}@customers.test`;
    return { index: i, from, parent: null, raw: headers(from, `Order ${i}`, id(i)) + `${BODIES[i % 3]}\r\n` };
  });
  const replies = new Map<number, Mail>();
  for (let k = 0; k < REPLIES; k++) {
    const parent = (k * 3) % NEW_CONVERSATIONS; // 300 distinct conversations (3 and 700 are coprime)
    const from = conversations[parent]!.from;
    const threading = `In-Reply-To: <${id(parent)}>\r\nReferences: <${id(parent)}>\r\n`;
    replies.set(parent, {
      index: NEW_CONVERSATIONS + k,
      from,
      parent,
      raw: headers(from, `Re: Order ${parent}`, id(NEW_CONVERSATIONS + k), threading) + `${REPLY_BODIES[k % 3]}\r\n`,
    });
  }
  if (replies.size !== REPLIES) throw new Error('the workload must answer distinct conversations');
  const order: Mail[] = [];
  for (const conversation of conversations) {
    const reply = replies.get(conversation.index);
    if (reply && reply.index % 3 === 0) order.push(reply, conversation);
    else order.push(conversation, ...(reply ? [reply] : []));
  }
  return order;
}

interface Desk {
  store: Store;
  ctx: DeskContext;
  workspaceId: string;
  processor: InboundProcessor;
}

async function freshDesk(): Promise<Desk> {
  await recreateDatabase(DB);
  const store = await openPostgres(pgUrl(DB), 20);
  await migrateStore(store);
  const { workspace, admin } = await createWorkspace(store.db, {
    workspaceName: 'Busy desk',
    adminName: 'Ada',
    adminEmail: 'ada@busy-desk.test',
    password: 'correct-horse-battery',
    language: 'en',
  });
  for (const [k, languages] of [['en'], ['ar'], ['ru'], ['en', 'ar'], ['en', 'ru']].entries()) {
    await store.db.insert(users).values({
      workspaceId: workspace.id,
      name: `Agent ${k}`,
      email: `a${k}@busy-desk.test`,
      role: 'agent',
      languages,
      passwordHash: admin.passwordHash,
      capacity: 100_000,
    });
  }
  await addSupportAddress(store.db, workspace.id, SUPPORT);
  const ctx: DeskContext = {
    db: store.db,
    timers: new RecordingTimers(),
    now: () => new Date(),
    publicUrl: 'http://b.test',
  };
  // As `kept serve` runs it on PostgreSQL (start-server.ts).
  const processor = new InboundProcessor(ctx, { concurrency: 8 });
  return { store, ctx, workspaceId: workspace.id, processor };
}

interface RunResult {
  name: string;
  ms: number;
  threaded: number;
  cases: number;
  failed: number;
  processed: number;
}

/** Replies in their parent's case, cases opened, messages failed or not processed. */
async function tally(desk: Desk, name: string, ms: number, mails: Mail[]): Promise<RunResult> {
  const rows = await desk.store.db
    .select({ messageId: inboundEmails.messageIdHeader, caseId: inboundEmails.caseId, status: inboundEmails.status })
    .from(inboundEmails)
    .where(eq(inboundEmails.workspaceId, desk.workspaceId));
  const caseOf = new Map(rows.map((r) => [r.messageId, r.caseId]));
  const threaded = mails.filter(
    (m) => m.parent !== null && caseOf.get(id(m.index)) && caseOf.get(id(m.index)) === caseOf.get(id(m.parent)),
  ).length;
  const [opened] = await desk.store.db
    .select({ n: count() })
    .from(cases)
    .where(eq(cases.workspaceId, desk.workspaceId));
  const [failed] = await desk.store.db
    .select({ n: count() })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.workspaceId, desk.workspaceId), inArray(inboundEmails.status, ['failed'])));
  const processed = rows.filter((r) => r.status === 'processed').length;
  if (processed !== mails.length) {
    const statuses = new Map<string, number>();
    for (const r of rows) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    console.log(`${name}: ${rows.length} stored, by status ${JSON.stringify(Object.fromEntries(statuses))}`);
  }
  return { name, ms, threaded, cases: Number(opened!.n), failed: Number(failed!.n), processed };
}

async function overSmtp(mails: Mail[], connections: number): Promise<RunResult> {
  const desk = await freshDesk();
  const smtp = await startSmtpListener({
    db: desk.store.db,
    processor: desk.processor,
    host: '127.0.0.1',
    port: 0,
    maxConnectionsPerAddress: Math.max(connections, 20),
  });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < mails.length) {
        const mail = mails[next++]!;
        await transport.sendMail({ envelope: { from: mail.from, to: [SUPPORT] }, raw: mail.raw });
      }
    }),
  );
  await desk.processor.idle();
  const ms = performance.now() - started;
  transport.close();
  await smtp.close();
  await desk.processor.stop();
  const result = await tally(desk, `SMTP, ${connections} connection${connections > 1 ? 's' : ''}`, ms, mails);
  await desk.store.close();
  return result;
}

// hoodiecrow-imap: a real IMAP server in memory, as the integration tests use (CommonJS, no types).
interface ImapTestServer {
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  server: { address(): AddressInfo };
}
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: unknown) => ImapTestServer;

async function overImap(mails: Mail[]): Promise<RunResult> {
  const desk = await freshDesk();
  const server = hoodiecrow({
    plugins: ['ID', 'UNSELECT', 'ENABLE', 'IDLE'],
    storage: { INBOX: { uidvalidity: 1, messages: mails.map((m) => ({ raw: m.raw })) }, '': { separator: '/' } },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  useCredentialSecret('kept busy-desk bench, not a secret');
  const mailbox = await addMailbox(desk.store.db, desk.workspaceId, {
    host: '127.0.0.1',
    port: server.server.address().port,
    secure: false,
    username: 'testuser',
    password: 'testpass',
    mailbox: 'INBOX',
  });
  const stopReceiving = receiveStoredInbound(desk.store.db, desk.processor);
  const started = performance.now();
  const polled = await pollMailbox(desk.ctx, mailbox.id);
  await desk.processor.idle();
  const ms = performance.now() - started;
  if (polled.error || polled.imported !== mails.length) throw new Error(`IMAP poll: ${JSON.stringify(polled)}`);
  stopReceiving();
  await desk.processor.stop();
  await Promise.race([
    new Promise<void>((resolve) => server.close(() => resolve())),
    new Promise<void>((resolve) => setTimeout(resolve, 500)),
  ]);
  const result = await tally(desk, 'IMAP, one poll', ms, mails);
  await desk.store.close();
  return result;
}

async function main() {
  const smoke = !!process.env.BENCH_SMOKE;
  const mails = smoke ? workload().slice(0, 150) : workload();
  const replies = mails.filter((m) => m.parent !== null).length;
  const load = os.loadavg();
  // A warm-up on its own database (JIT, connections), not reported.
  if (!smoke) await overSmtp(mails.slice(0, 100), 4);
  const results: RunResult[] = [];
  for (const connections of [1, 4, 16]) results.push(await overSmtp(mails, connections));
  results.push(await overImap(mails));
  await dropDatabase(DB);

  const after = os.loadavg();
  console.log(
    `${mails.length} messages (${NEW_CONVERSATIONS} new from ${SENDERS} senders, ${REPLIES} replies; en/ar/ru), ` +
      `${os.cpus().length} cores, load average before ${load.map((l) => l.toFixed(1)).join(' ')}, after ${after.map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log('| path | all processed | msg/s | processed | replies in their parent’s case | cases | failed |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${fmt(r.ms / 1000, 2)} s | ${fmt(mails.length / (r.ms / 1000))} | ${r.processed} | ${r.threaded}/${replies} | ${r.cases} | ${r.failed} |`,
    );
  const [one, four, , imap] = results;
  const ok =
    results.every(
      (r) =>
        r.threaded === replies && r.cases === mails.length - replies && r.failed === 0 && r.processed === mails.length,
    ) &&
    imap!.ms <= 2 * one!.ms &&
    four!.ms <= one!.ms;
  console.log(
    `IMAP / SMTP (1 connection): ${(imap!.ms / one!.ms).toFixed(2)} (target ≤ 2); ` +
      `SMTP 4 / 1 connections: ${(four!.ms / one!.ms).toFixed(2)} (target ≤ 1); targets ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
}

await main();
