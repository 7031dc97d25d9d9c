// End to end over real SMTP both ways: a customer's mail (nodemailer) reaches Kept's listener,
// the acknowledgement goes out to a test SMTP sink, and the customer's reply to it — carrying
// only In-Reply-To/References, no reference in the subject, sent to the plain support address —
// lands in the same case; the agent's answer then threads under the customer's reply.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { messages } from '../../src/db/schema.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { startTestMailbox, type TestMailbox } from './support/email-kit.ts';
import { headerText, startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

describe.each<StoreKind>(['pglite', 'postgres'])('an e-mail conversation round trip on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;
  let box: TestMailbox;
  let sink: SmtpSink;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    ws = await createTestWorkspace(kept);
    box = await startTestMailbox(kept, ws.id);
    sink = await startSmtpSink();
    const put = await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/email/settings',
      payload: {
        smtpHost: '127.0.0.1',
        smtpPort: sink.port,
        smtpSecure: false,
        fromAddress: box.address,
        fromName: 'Acme Support',
      },
    });
    expect(put.statusCode).toBe(200);
  });
  afterAll(async () => {
    await box?.close();
    await sink?.close();
  });

  run(
    'customer mail → acknowledgement → the customer answers the acknowledgement → same case → agent reply threads under it',
    async () => {
      const customer = `dana-${kind}-${Date.now()}@customer.test`;
      const firstId = `first-${Date.now()}@customer.test`;
      const first = await box.send(
        [
          `From: Dana Levi <${customer}>`,
          `To: ${box.address}`,
          'Subject: =?UTF-8?B?16fXldee15XXp9eZ150g16nXkdeV16g=?=',
          `Message-ID: <${firstId}>`,
          'Date: Mon, 23 Nov 2026 09:00:00 +0000',
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'שלום, הקומקום שהזמנתי הגיע שבור. אפשר להחליף אותו?',
          '',
        ].join('\r\n'),
        { from: customer, to: [box.address] },
      );
      expect(first.code).toBe(250);
      await box.processor.idle();
      const [stored] = await kept.store.db
        .select()
        .from(inboundEmails)
        .where(eq(inboundEmails.id, first.storedIds[0]!));
      expect(stored!.caseId).toBeTruthy();
      const caseId = stored!.caseId!;

      await kept.fireDueTimers();
      const ack = sink.received.find((m) => m.envelope.to.includes(customer));
      expect(ack).toBeDefined();
      const detail = json<CaseDetailResponse>(
        await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${caseId}` }),
      );
      const number = detail.case.reference.slice(2);
      expect(ack!.parsed.inReplyTo).toBe(`<${firstId}>`);
      expect(ack!.parsed.replyTo?.value[0]?.address).toBe(box.address.replace('@', `+k${number}@`));
      expect(headerText(ack!.parsed, 'auto-submitted')).toBe('auto-replied');
      expect(ack!.parsed.html).toContain('<html lang="he" dir="rtl">');
      expect(ack!.parsed.text).toContain(detail.case.reference);

      // The customer answers the acknowledgement from a client that drops the subject's reference.
      const ackId = ack!.parsed.messageId!;
      const replyId = `reply-${Date.now()}@customer.test`;
      const reply = await box.send(
        [
          `From: Dana Levi <${customer}>`,
          `To: ${box.address}`,
          'Subject: Re: kettle',
          `Message-ID: <${replyId}>`,
          `In-Reply-To: ${ackId}`,
          `References: <${firstId}> ${ackId}`,
          'Date: Mon, 23 Nov 2026 09:05:00 +0000',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'מצרפת תמונה של הקומקום השבור.',
          '',
        ].join('\r\n'),
        { from: customer, to: [box.address] },
      );
      expect(reply.code).toBe(250);
      await box.processor.idle();
      const [storedReply] = await kept.store.db
        .select()
        .from(inboundEmails)
        .where(eq(inboundEmails.id, reply.storedIds[0]!));
      expect(storedReply!.caseId).toBe(caseId);
      const inbound = await kept.store.db.select().from(messages).where(eq(messages.caseId, caseId));
      expect(inbound.filter((m) => m.direction === 'inbound')).toHaveLength(2);

      // The agent answers: the mail threads under the customer's latest message.
      const answer = await ws.request(ws.supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${caseId}/messages`,
        payload: { direction: 'outbound', channel: 'email', body: 'שלום דנה,\n\nקומקום חדש יישלח אליך מחר.' },
      });
      expect(answer.statusCode).toBeLessThan(300);
      await kept.fireDueTimers();
      const sent = sink.received.filter((m) => m.envelope.to.includes(customer));
      const agentMail = sent.find((m) => !headerText(m.parsed, 'auto-submitted'));
      expect(agentMail).toBeDefined();
      expect(agentMail!.parsed.inReplyTo).toBe(`<${replyId}>`);
      expect(headerText(agentMail!.parsed, 'references')).toContain(ackId);
      expect(headerText(agentMail!.parsed, 'references')).toContain(`<${firstId}>`);
      expect(agentMail!.parsed.html).toContain('dir="rtl"');
    },
  );
});
