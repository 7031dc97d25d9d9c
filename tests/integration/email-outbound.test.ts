import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { EmailSettingsView, SinkMessageView } from '../../src/contract/email-outbound-types.ts';
import { emailSettings, emailThreadIds } from '../../src/db/schema-email.ts';
import { events, messages, tasks } from '../../src/db/schema.ts';
import { outbox } from '../../src/db/schema-email.ts';
import { applyBounce } from '../../src/email/outbound/apply-bounce.ts';
import { deliverOutbox } from '../../src/email/outbound/deliver-outbox.ts';
import { MAX_ATTEMPTS } from '../../src/email/outbound/delivery-rules.ts';
import { EMAIL_JOB } from '../../src/kernel/job-names.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { headerText, startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

describe.each<StoreKind>(['pglite', 'postgres'])('outbound e-mail on %s', (kind) => {
  let kept: TestKept;
  let sink: SmtpSink;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    sink = await startSmtpSink({ user: 'kept', password: 'relay-secret' });
  });
  afterAll(async () => {
    await sink?.close();
  });
  afterEach(() => {
    kept?.clock.reset();
    if (sink) {
      sink.refuse = [];
      sink.refuseAll = null;
    }
  });

  const run = kind === 'postgres' && !postgres ? it.skip : it;

  async function useSinkAsRelay(ws: TestWorkspace) {
    const put = await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/email/settings',
      payload: {
        smtpHost: '127.0.0.1',
        smtpPort: sink.port,
        smtpSecure: false,
        smtpUser: 'kept',
        smtpPassword: 'relay-secret',
        fromAddress: 'support@acme.test',
        fromName: 'Acme Support',
      },
    });
    expect(put.statusCode).toBe(200);
  }

  async function emailCase(
    ws: TestWorkspace,
    customer: { name: string; email: string; language?: string },
    body: string,
  ): Promise<CaseDetailResponse> {
    const response = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { customer, channel: 'email', subject: 'Refund', body },
    });
    expect(response.statusCode).toBe(201);
    return json<CaseDetailResponse>(response);
  }

  const mailTo = (address: string) => sink.received.filter((m) => m.envelope.to.includes(address));

  run('the relay password is write-only', async () => {
    const ws = await createTestWorkspace(kept);
    const before = json<EmailSettingsView>(
      await ws.request(ws.admin, { method: 'GET', url: '/api/v1/email/settings' }),
    );
    expect(before.usesDevelopmentSink).toBe(true);
    await useSinkAsRelay(ws);
    const response = await ws.request(ws.admin, { method: 'GET', url: '/api/v1/email/settings' });
    expect(response.body).not.toContain('relay-secret');
    expect(json<EmailSettingsView>(response)).toMatchObject({
      smtpHost: '127.0.0.1',
      passwordSet: true,
      usesDevelopmentSink: false,
    });
    // Stored sealed, not in the clear (the deliveries below log in to the sink with it).
    const [stored] = await kept.store.db
      .select({ password: emailSettings.smtpPassword })
      .from(emailSettings)
      .where(eq(emailSettings.workspaceId, ws.id));
    expect(stored!.password).toMatch(/^sealed:v1:/);
    expect(stored!.password).not.toContain('relay-secret');
    // Changing the name keeps the password.
    await ws.request(ws.admin, { method: 'PUT', url: '/api/v1/email/settings', payload: { fromName: 'Acme' } });
    expect(
      json<EmailSettingsView>(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/email/settings' })).passwordSet,
    ).toBe(true);
    expect((await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/email/settings' })).statusCode).toBe(403);
  });

  run(
    'acknowledgement and reply reach a real SMTP server threaded, RTL for an Arabic customer, the ack marked auto-replied',
    async () => {
      const ws = await createTestWorkspace(kept);
      await useSinkAsRelay(ws);
      const address = `layla-${kind}-${Date.now()}@customer.test`;
      const created = await emailCase(
        ws,
        { name: 'ليلى حداد', email: address, language: 'ar' },
        'طلبت استرداد المبلغ قبل أسبوعين ولم يصلني شيء.',
      );
      // As if the message had arrived by e-mail: its Message-ID is the customer's thread.
      await kept.store.db
        .update(messages)
        .set({ externalId: `cust-${created.case.id}@customer.test` })
        .where(eq(messages.caseId, created.case.id));
      expect(
        kept.timers.scheduled.some((t) => t.name === EMAIL_JOB.outboxSend && t.payload.workspaceId === ws.id),
      ).toBe(true);
      await kept.fireDueTimers();

      const [ack] = mailTo(address);
      expect(ack).toBeDefined();
      const number = created.case.reference.slice(2);
      const ackId = ack!.parsed.messageId!;
      expect(ackId).toMatch(/^<[0-9a-f-]{36}@kept\.acme\.test>$/);
      expect(ack!.parsed.inReplyTo).toBe(`<cust-${created.case.id}@customer.test>`);
      expect(headerText(ack!.parsed, 'references')).toContain(`<cust-${created.case.id}@customer.test>`);
      expect(ack!.parsed.replyTo?.value[0]?.address).toBe(`support+k${number}@acme.test`);
      expect(ack!.parsed.from?.value[0]).toEqual({ address: 'support@acme.test', name: 'Acme Support' });
      expect(headerText(ack!.parsed, 'auto-submitted')).toBe('auto-replied');
      expect(headerText(ack!.parsed, 'x-kept-acknowledgement')).toBe('1');
      expect(ack!.parsed.subject).toContain(created.case.reference);
      expect(ack!.parsed.text).toContain(created.case.reference);
      expect(ack!.parsed.html).toContain('<html lang="ar" dir="rtl">');
      expect(ack!.parsed.html).toMatch(/<body lang="ar" dir="rtl"/);
      expect(sink.logins).toContain('kept');
      // The ack's Message-ID belongs to the case, so the customer's reply to it threads back.
      const thread = await kept.store.db
        .select()
        .from(emailThreadIds)
        .where(and(eq(emailThreadIds.workspaceId, ws.id), eq(emailThreadIds.messageIdHeader, ackId.slice(1, -1))));
      expect(thread[0]?.caseId).toBe(created.case.id);

      const reply = await ws.request(ws.agentEn, {
        method: 'POST',
        url: `/api/v1/cases/${created.case.id}/messages`,
        payload: { direction: 'outbound', channel: 'email', body: 'مرحبًا ليلى،\n\nأُعيد المبلغ اليوم <b>كاملًا</b>.' },
      });
      expect(reply.statusCode).toBeLessThan(300);
      await kept.fireDueTimers();
      const answer = mailTo(address)[1]!;
      expect(answer).toBeDefined();
      expect(headerText(answer.parsed, 'auto-submitted')).toBeUndefined();
      expect(headerText(answer.parsed, 'x-kept-acknowledgement')).toBeUndefined();
      expect(answer.parsed.inReplyTo).toBe(`<cust-${created.case.id}@customer.test>`);
      expect(headerText(answer.parsed, 'references')).toContain(ackId);
      expect(answer.parsed.messageId).not.toBe(ackId);
      expect(answer.parsed.subject).toContain(`[#${created.case.reference}]`);
      expect(answer.parsed.text?.trim()).toBe('مرحبًا ليلى،\n\nأُعيد المبلغ اليوم <b>كاملًا</b>.');
      expect(answer.parsed.html).toContain('dir="rtl"');
      expect(answer.parsed.html).toContain('&lt;b&gt;كاملًا&lt;/b&gt;');
      const rows = await kept.store.db.select().from(outbox).where(eq(outbox.caseId, created.case.id));
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    },
  );

  run('a 451 is retried with backoff and then delivered once', async () => {
    const ws = await createTestWorkspace(kept);
    await useSinkAsRelay(ws);
    const address = `tom-${kind}-${Date.now()}@customer.test`;
    sink.refuse = [451];
    const created = await emailCase(
      ws,
      { name: 'Tom Baker', email: address, language: 'en' },
      'My order never arrived.',
    );
    await kept.fireDueTimers();
    expect(mailTo(address)).toHaveLength(0);
    const [row] = await kept.store.db.select().from(outbox).where(eq(outbox.caseId, created.case.id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toContain('Try again later');
    expect(row!.nextAttemptAt!.getTime() - kept.clock.now().getTime()).toBeGreaterThan(50_000);
    await kept.fireDueTimers(); // nothing is due yet
    expect(mailTo(address)).toHaveLength(0);
    kept.clock.advanceMinutes(2);
    await kept.fireDueTimers();
    expect(mailTo(address)).toHaveLength(1);
    const [sent] = await kept.store.db.select().from(outbox).where(eq(outbox.caseId, created.case.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    // The retry carried the same Message-ID the first attempt had.
    expect(mailTo(address)[0]!.parsed.messageId).toBe(`<${row!.messageIdHeader}>`);
  });

  run(`gives up after ${MAX_ATTEMPTS} attempts: status failed, an event, and a task for the case owner`, async () => {
    const ws = await createTestWorkspace(kept);
    await useSinkAsRelay(ws);
    const address = `olga-${kind}-${Date.now()}@customer.test`;
    sink.refuseAll = 421;
    const created = await emailCase(
      ws,
      { name: 'Ольга Петрова', email: address, language: 'ru' },
      'Здравствуйте, где мой возврат?',
    );
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await kept.fireDueTimers();
      kept.clock.advanceMinutes(6 * 60 + 1);
    }
    const [row] = await kept.store.db.select().from(outbox).where(eq(outbox.caseId, created.case.id));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const failed = await kept.store.db
      .select()
      .from(events)
      .where(and(eq(events.caseId, created.case.id), eq(events.type, 'email.failed')));
    expect(failed).toHaveLength(1);
    const taskRows = await kept.store.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.caseId, created.case.id), eq(tasks.kind, 'email_failed')));
    expect(taskRows).toHaveLength(1);
    expect(taskRows[0]!.assigneeId).toBe(created.case.owner!.id);
    expect(taskRows[0]!.title).toContain(address);
    expect(mailTo(address)).toHaveLength(0);
  });

  run('a 550 is final at once', async () => {
    const ws = await createTestWorkspace(kept);
    await useSinkAsRelay(ws);
    const address = `gone-${kind}-${Date.now()}@customer.test`;
    sink.refuse = [550];
    const created = await emailCase(ws, { name: 'Gone', email: address }, 'Hello?');
    await kept.fireDueTimers();
    const [row] = await kept.store.db.select().from(outbox).where(eq(outbox.caseId, created.case.id));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
  });

  run('two senders at once deliver every row exactly once', async () => {
    const ws = await createTestWorkspace(kept);
    await useSinkAsRelay(ws);
    const tag = `${kind}-${Date.now()}`;
    const rows = Array.from({ length: 45 }, (_, i) => ({
      workspaceId: ws.id,
      channel: 'email',
      toAddress: `bulk-${tag}-${i}@customer.test`,
      subject: `Bulk ${i}`,
      textBody: `Message ${i}`,
    }));
    await kept.store.db.insert(outbox).values(rows);
    const results = await Promise.all([
      deliverOutbox(kept.ctx, { workspaceId: ws.id }),
      deliverOutbox(kept.ctx, { workspaceId: ws.id }),
      deliverOutbox(kept.ctx, {}),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(45);
    const delivered = sink.received.filter((m) => m.envelope.to[0]?.startsWith(`bulk-${tag}-`));
    expect(delivered).toHaveLength(45);
    expect(new Set(delivered.map((m) => m.envelope.to[0])).size).toBe(45);
  });

  run('a row left "sending" by a sender that died is sent again once its lease runs out, not before', async () => {
    const ws = await createTestWorkspace(kept);
    await useSinkAsRelay(ws);
    const address = `crash-${kind}-${Date.now()}@customer.test`;
    const now = kept.clock.now();
    const [row] = await kept.store.db
      .insert(outbox)
      .values({
        workspaceId: ws.id,
        channel: 'email',
        toAddress: address,
        subject: 'Lost in a crash',
        textBody: 'x',
        status: 'sending',
        attempts: 1,
        nextAttemptAt: new Date(now.getTime() + 5 * 60_000),
      })
      .returning();
    expect((await deliverOutbox(kept.ctx, { workspaceId: ws.id })).sent).toBe(0);
    kept.clock.advanceMinutes(6);
    expect((await deliverOutbox(kept.ctx, { workspaceId: ws.id })).sent).toBe(1);
    expect(mailTo(address)).toHaveLength(1);
    const [after] = await kept.store.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 2 });
  });

  run('without a relay, mail goes to the development sink, which staff can read', async () => {
    const ws = await createTestWorkspace(kept);
    const address = `yossi-${kind}-${Date.now()}@customer.test`;
    const created = await emailCase(
      ws,
      { name: 'יוסי כהן', email: address, language: 'he' },
      'שלום, ההזמנה שלי לא הגיעה',
    );
    await kept.fireDueTimers();
    expect(mailTo(address)).toHaveLength(0);
    const response = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/email/sink' });
    expect(response.statusCode).toBe(200);
    const [mail] = json<{ messages: SinkMessageView[] }>(response).messages;
    expect(mail).toMatchObject({ to: address, subject: expect.stringContaining(created.case.reference) });
    expect(mail!.headers['Message-ID']).toMatch(/^<[0-9a-f-]{36}@[a-z0-9.-]+>$/);
    expect(mail!.headers['Auto-Submitted']).toBe('auto-replied');
    expect(mail!.html).toContain('<html lang="he" dir="rtl">');
    expect(mail!.text).toContain(created.case.reference);
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/email/sink' })).statusCode).toBe(401);
    const other = await createTestWorkspace(kept);
    expect(
      json<{ messages: SinkMessageView[] }>(
        await other.request(other.admin, { method: 'GET', url: '/api/v1/email/sink' }),
      ).messages,
    ).toHaveLength(0);
  });

  run('a DSN marks the row bounced and flags the customer on the customer and case views', async () => {
    const ws = await createTestWorkspace(kept);
    const address = `nobody-${kind}-${Date.now()}@customer.test`;
    const created = await emailCase(ws, { name: 'Nobody', email: address }, 'Hello');
    await kept.fireDueTimers();
    const [row] = await kept.store.db.select().from(outbox).where(eq(outbox.caseId, created.case.id));
    const dsn = [
      'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
      'To: support@acme.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      `Final-Recipient: rfc822; ${address}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${row!.messageIdHeader}>`,
      '--B--',
      '',
    ].join('\r\n');
    const result = await applyBounce(kept.ctx, Buffer.from(dsn));
    expect(result).toMatchObject({ applied: true, outboxId: row!.id });
    expect((await applyBounce(kept.ctx, Buffer.from(dsn))).reason).toBe('already_applied');
    const [bounced] = await kept.store.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(bounced).toMatchObject({ status: 'bounced', bounceReason: '5.1.1 550 5.1.1 User unknown' });
    const detail = json<CaseDetailResponse>(
      await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${created.case.id}` }),
    );
    expect(detail.customer.emailBouncedAt).toBeTruthy();
    expect(detail.customer.emailBounceReason).toContain('5.1.1');
    expect(detail.timeline.some((item) => item.eventType === 'email.bounced')).toBe(true);
    const customer = json(
      await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/customers/${created.customer.id}` }),
    );
    expect(customer.customer.emailBouncedAt).toBeTruthy();
    // A delay changes nothing.
    const delayed = dsn.replace('Action: failed', 'Action: delayed').replace('Status: 5.1.1', 'Status: 4.4.1');
    expect((await applyBounce(kept.ctx, Buffer.from(delayed))).reason).toBe('not_permanent');
  });
});
