import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxView } from '../../src/contract/email-outbound-types.ts';
import { imapMailboxes, inboundEmails } from '../../src/db/schema-email.ts';
import { processInboundEmail } from '../../src/email/inbound/process-inbound-email.ts';
import { InboundProcessor } from '../../src/email/inbound/inbound-processor.ts';
import { receiveStoredInbound } from '../../src/email/inbound/inbound-hand-off.ts';
import { events } from '../../src/db/schema.ts';
import { pollMailbox, type Ingest } from '../../src/email/imap/poll-mailbox.ts';
import type { IngestRawEmailInput } from '../../src/email/inbound/ingest-raw-email.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

// hoodiecrow-imap: a real IMAP server in memory (CommonJS, no types).
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: unknown) => ImapTestServer;
interface ImapTestServer {
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  appendMessage(mailbox: string, flags: string[], internaldate: string | undefined, raw: string): void;
  server: { address(): AddressInfo };
}

const postgres = await canUsePostgres();

const mail = (n: number) =>
  `From: Customer ${n} <customer${n}@example.com>\r\nTo: support@acme.test\r\nSubject: Question ${n}\r\nMessage-ID: <q${n}-${Math.random().toString(36).slice(2)}@example.com>\r\n\r\nHello, this is question ${n}.\r\n`;

async function startImap(
  messages: string[],
  uidvalidity: number,
  extraPlugins: string[] = [],
): Promise<{ server: ImapTestServer; port: number; close(): Promise<void> }> {
  const server = hoodiecrow({
    plugins: ['ID', 'UNSELECT', 'ENABLE', ...extraPlugins],
    storage: { INBOX: { uidvalidity, messages: messages.map((raw) => ({ raw })) }, '': { separator: '/' } },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.server.address().port;
  return {
    server,
    port,
    // hoodiecrow waits for open connections; do not let a straggler hang the suite.
    close: () =>
      Promise.race([
        new Promise<void>((resolve) => server.close(() => resolve())),
        new Promise<void>((resolve) => setTimeout(resolve, 500)),
      ]),
  };
}

/** The inbound pipeline stand-in: remembers what it was handed, in order. */
function recorder(options: { failOn?: (raw: string) => boolean } = {}) {
  const seen: string[] = [];
  // A batch is stored whole or not at all: a failure anywhere in it records nothing of it.
  const ingest: Ingest = async (_ctx, inputs: IngestRawEmailInput[]) => {
    const raws = inputs.map((input) => input.raw.toString('utf8'));
    if (raws.some((raw) => options.failOn?.(raw))) throw new Error('the store went away');
    for (const input of inputs) expect(input.source).toBe('imap');
    for (const raw of raws) seen.push(/Subject: (.*)\r\n/.exec(raw)![1]!);
  };
  return { seen, ingest };
}

describe.each<StoreKind>(['pglite', 'postgres'])('the IMAP poller on %s', (kind) => {
  let kept: TestKept;
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  async function addMailbox(ws: TestWorkspace, port: number, password = 'testpass') {
    const response = await ws.request(ws.admin, {
      method: 'POST',
      url: '/api/v1/email/mailboxes',
      payload: {
        host: '127.0.0.1',
        port,
        secure: false,
        username: 'testuser',
        password,
        mailbox: 'INBOX',
        skipTest: password !== 'testpass',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toContain(password);
    const created = json<MailboxView>(response);
    // Stored sealed (src/secrets/sealed-credential.ts): a copy of the database does not carry it.
    const [stored] = await kept.store.db
      .select({ password: imapMailboxes.password })
      .from(imapMailboxes)
      .where(eq(imapMailboxes.id, created.id));
    expect(stored!.password).toMatch(/^sealed:v1:/);
    expect(stored!.password).not.toContain(password);
    return created;
  }

  run(
    'polls incrementally by UID, survives a restart and a crash mid-import without duplicates or gaps, and re-reads after a UIDVALIDITY change without re-importing',
    async () => {
      const ws = await createTestWorkspace(kept);
      const messages = [mail(1), mail(2), mail(3)];
      const imap = await startImap(messages, 1);
      servers.push(imap);
      const mailbox = await addMailbox(ws, imap.port);

      const first = recorder();
      expect(await pollMailbox(kept.ctx, mailbox.id, { ingest: first.ingest })).toMatchObject({
        imported: 3,
        error: null,
      });
      expect(first.seen).toEqual(['Question 1', 'Question 2', 'Question 3']);
      expect(await pollMailbox(kept.ctx, mailbox.id, { ingest: first.ingest })).toMatchObject({ imported: 0 });

      // New mail arrives; a "restarted" Kept (a fresh pipeline, state only in the database) reads only that.
      for (const n of [4, 5]) {
        messages.push(mail(n));
        imap.server.appendMessage('INBOX', [], undefined, messages.at(-1)!);
      }
      const restarted = recorder();
      expect(await pollMailbox(kept.ctx, mailbox.id, { ingest: restarted.ingest })).toMatchObject({ imported: 2 });
      expect(restarted.seen).toEqual(['Question 4', 'Question 5']);

      // The store fails in the middle of a poll: what was committed stays, nothing after it is skipped.
      for (const n of [6, 7, 8]) {
        messages.push(mail(n));
        imap.server.appendMessage('INBOX', [], undefined, messages.at(-1)!);
      }
      const crashing = recorder({ failOn: (raw) => raw.includes('Question 7') });
      const failed = await pollMailbox(kept.ctx, mailbox.id, { ingest: crashing.ingest });
      expect(failed.error).toContain('the store went away');
      expect(crashing.seen).toEqual(['Question 6']);
      const healed = recorder();
      expect(await pollMailbox(kept.ctx, mailbox.id, { ingest: healed.ingest })).toMatchObject({
        imported: 2,
        error: null,
      });
      expect(healed.seen).toEqual(['Question 7', 'Question 8']);

      // The server renumbers the mailbox (a restore, a migration): UIDVALIDITY changes.
      messages.push(mail(9));
      const renumbered = await startImap(messages, 99);
      servers.push(renumbered);
      await kept.store.db.update(imapMailboxes).set({ port: renumbered.port }).where(eq(imapMailboxes.id, mailbox.id));
      const afterReset = recorder();
      expect(await pollMailbox(kept.ctx, mailbox.id, { ingest: afterReset.ingest })).toMatchObject({
        uidValidityReset: true,
        imported: 1,
        alreadyImported: 8,
      });
      expect(afterReset.seen).toEqual(['Question 9']);
      const [row] = await kept.store.db.select().from(imapMailboxes).where(eq(imapMailboxes.id, mailbox.id));
      expect(row).toMatchObject({ uidValidity: 99, lastUid: 9, lastError: null, failingSince: null });
    },
  );

  run(
    'hands polled mail to the same inbound pipeline as SMTP: stored once, then a case with an acknowledgement',
    async () => {
      const ws = await createTestWorkspace(kept);
      const raw = mail(42);
      const imap = await startImap([raw], 7);
      servers.push(imap);
      const mailbox = await addMailbox(ws, imap.port);
      expect(await pollMailbox(kept.ctx, mailbox.id)).toMatchObject({ imported: 1, error: null });
      const stored = await kept.store.db.select().from(inboundEmails).where(eq(inboundEmails.workspaceId, ws.id));
      expect(stored).toHaveLength(1);
      expect(await processInboundEmail(kept.ctx, stored[0]!.id)).toMatchObject({ status: 'processed' });
      const cases = json(
        await ws.request(ws.admin, { method: 'GET', url: '/api/v1/cases?view=all&q=customer42@example.com' }),
      ).cases as Array<{ id: string; channel: string }>;
      expect(cases).toHaveLength(1);
      expect(cases[0]!.channel).toBe('email');
      const detail = json(await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${cases[0]!.id}` }));
      expect(detail.timeline.some((i: { eventType?: string }) => i.eventType === 'acknowledgement.sent')).toBe(true);
    },
  );

  run(
    'processes polled mail at once, without waiting for the sweep: batches handed to the inbound processor',
    async () => {
      const ws = await createTestWorkspace(kept);
      const raws = [mail(61), mail(62), mail(63)];
      const imap = await startImap(raws, 3);
      servers.push(imap);
      const mailbox = await addMailbox(ws, imap.port);
      // A processor as `kept serve` runs it, but its sweep never started: only a hand-over can reach it.
      const processor = new InboundProcessor(kept.ctx, { concurrency: 1 });
      const stopReceiving = receiveStoredInbound(kept.store.db, processor);
      try {
        expect(await pollMailbox(kept.ctx, mailbox.id)).toMatchObject({ imported: 3, error: null });
        await processor.idle();
      } finally {
        stopReceiving();
        await processor.stop();
      }
      const stored = await kept.store.db
        .select({ status: inboundEmails.status, caseId: inboundEmails.caseId })
        .from(inboundEmails)
        .where(eq(inboundEmails.workspaceId, ws.id));
      expect(stored).toHaveLength(3);
      for (const row of stored) expect(row).toMatchObject({ status: 'processed', caseId: expect.any(String) });
    },
  );

  run('stays in IDLE where the server offers it and takes mail as it is announced', async () => {
    const ws = await createTestWorkspace(kept);
    const imap = await startImap([mail(71)], 4, ['IDLE']);
    servers.push(imap);
    const mailbox = await addMailbox(ws, imap.port);
    const ingest = recorder();
    // Delivered while the poller waits in IDLE.
    const later = setTimeout(() => imap.server.appendMessage('INBOX', [], undefined, mail(72)), 400);
    const result = await pollMailbox(kept.ctx, mailbox.id, { ingest: ingest.ingest, idleMs: 2_500 });
    clearTimeout(later);
    expect(result).toMatchObject({ imported: 2, error: null });
    expect(ingest.seen).toEqual(['Question 71', 'Question 72']);
  });

  run(
    'a wrong password is refused when adding, and reported loudly when it starts failing: event, health, mailbox list',
    async () => {
      const ws = await createTestWorkspace(kept);
      const imap = await startImap([mail(1)], 1);
      servers.push(imap);
      const refused = await ws.request(ws.admin, {
        method: 'POST',
        url: '/api/v1/email/mailboxes',
        payload: {
          host: '127.0.0.1',
          port: imap.port,
          secure: false,
          username: 'testuser',
          password: 'wrong',
          mailbox: 'INBOX',
        },
      });
      expect(refused.statusCode).toBe(422);
      expect(json(refused).error.code).toBe('email.mailbox_unreachable');
      const test = await ws.request(ws.admin, {
        method: 'POST',
        url: '/api/v1/email/mailboxes/test',
        payload: {
          host: '127.0.0.1',
          port: imap.port,
          secure: false,
          username: 'testuser',
          password: 'testpass',
          mailbox: 'INBOX',
        },
      });
      expect(json(test)).toEqual({ ok: true, error: null, messages: 1 });

      // The password was changed on the server after the mailbox was set up.
      const mailbox = await addMailbox(ws, imap.port, 'changed-elsewhere');
      const ingest = recorder();
      const result = await pollMailbox(kept.ctx, mailbox.id, { ingest: ingest.ingest });
      expect(result.error).toMatch(/login/i);
      await pollMailbox(kept.ctx, mailbox.id, { ingest: ingest.ingest });

      // The public answer says only that something is wrong; staff see what.
      const health = await ws.request(null, { method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(json(health)).toEqual({ status: 'degraded' });
      expect(health.body).not.toMatch(/login|testuser|127\.0\.0\.1/i);
      expect((await ws.request(null, { method: 'GET', url: '/api/v1/health' })).statusCode).toBe(401);
      const body = json(await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/health' }));
      expect(body).toMatchObject({ ok: false, status: 'degraded', database: true });
      expect(body.mailboxes).toEqual([
        expect.objectContaining({
          id: mailbox.id,
          ok: false,
          lastError: expect.stringMatching(/login/i),
          failingSince: expect.any(String),
        }),
      ]);
      const listed = json<{ mailboxes: MailboxView[] }>(
        await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/email/mailboxes' }),
      ).mailboxes;
      expect(listed[0]).toMatchObject({ id: mailbox.id, ok: false, lastError: expect.stringMatching(/login/i) });
      const failing = await kept.store.db
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, ws.id), eq(events.type, 'mailbox.failing')));
      expect(failing).toHaveLength(1); // once, when it started failing; not on every poll

      // Fixed: the next poll clears it and says so.
      await kept.store.db.update(imapMailboxes).set({ password: 'testpass' }).where(eq(imapMailboxes.id, mailbox.id));
      expect(await pollMailbox(kept.ctx, mailbox.id, { ingest: ingest.ingest })).toMatchObject({
        imported: 1,
        error: null,
      });
      const recovered = await kept.store.db
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, ws.id), eq(events.type, 'mailbox.recovered')));
      expect(recovered).toHaveLength(1);
      const removed = await ws.request(ws.admin, { method: 'DELETE', url: `/api/v1/email/mailboxes/${mailbox.id}` });
      expect(removed.statusCode).toBe(204);
      expect(
        json(await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/health' })).mailboxes.some(
          (m: { id: string }) => m.id === mailbox.id,
        ),
      ).toBe(false);
    },
  );
});
