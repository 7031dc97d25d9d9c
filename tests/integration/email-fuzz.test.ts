// 10,000 seeded malformed MIME messages through the parse → loop-check → split → sanitize →
// thread path (no crash, no hang: a per-message time limit), and a share of them through the
// real SMTP listener and processor: each is stored (and reaches a final status) or refused
// with a clear SMTP error.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { automaticReason } from '../../src/email/inbound/loop-safety.ts';
import { parseEmail } from '../../src/email/inbound/parse-email.ts';
import { splitQuotedText } from '../../src/email/inbound/quoted-text.ts';
import { sanitizeEmailHtml } from '../../src/email/inbound/sanitize-email-html.ts';
import { scanHeaders } from '../../src/email/inbound/scan-headers.ts';
import { threadEmail, type ThreadLookup } from '../../src/email/inbound/thread-email.ts';
import { createTestWorkspace } from './support/factories.ts';
import { startTestMailbox, type TestMailbox } from './support/email-kit.ts';
import { testKept } from './support/test-kept.ts';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One malformed message, deterministic for (seed, i). */
export function malformedMessage(random: () => number, i: number, to: string): Buffer {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const b = `b${i}`;
  const headers: string[] = [
    pick([
      `From: Fuzz ${i} <fuzz${i % 97}@fuzz.test>`,
      'From: <>',
      'From: "unterminated <x@y',
      `From: =?UTF-8?B?${'%%%'}?= <f${i}@fuzz.test>`,
      'From:',
      `From: \u00ff\u00fe@\u0000.test`,
    ]),
    `To: ${to}`,
    pick([
      `Subject: fuzz ${i}`,
      'Subject: =?UTF-8?Q?broken=ZZ?=',
      'Subject: =?X-UNKNOWN?B?AAAA?=',
      `Subject: ${'Re: '.repeat(200)}x`,
      'Subject: \u00e9\u00e8 8-bit \u0080\u0099',
      `Subject: ${'x'.repeat(20_000)}`,
    ]),
    pick([
      `Message-ID: <fuzz-${i}@fuzz.test>`,
      'Message-ID: <>',
      'Message-ID: no-brackets',
      `Message-ID: <fuzz-${i}\u0000@nul>`,
      '',
    ]),
    pick([
      'In-Reply-To: <a@b> <c@d',
      `References: ${Array.from({ length: 300 }, (_, k) => `<r${k}@x>`).join(' ')}`,
      'References: <<<>>>',
      '',
    ]),
    pick(['MIME-Version: 1.0', 'MIME-Version: 9.9', '']),
  ];
  const kind = Math.floor(random() * 9);
  let body = '';
  if (kind === 0) {
    headers.push(`Content-Type: multipart/mixed; boundary="${b}"`);
    body = `--${b}\r\nContent-Type: text/plain\r\n\r\nno closing boundary`;
  } else if (kind === 1) {
    headers.push(`Content-Type: multipart/alternative; boundary=${b}`);
    body = `--${b}x\r\nContent-Type: text/html\r\n\r\n<p>wrong boundary</p>\r\n--${b}--`;
  } else if (kind === 2) {
    headers.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64');
    body = 'SGVsbG8gd29ybGQ=$$$SGVsbG8'.slice(0, Math.floor(random() * 26)) + '==='.slice(0, Math.floor(random() * 3));
  } else if (kind === 3) {
    const depth = 20 + Math.floor(random() * 80);
    headers.push('Content-Type: multipart/mixed; boundary="d0"');
    for (let d = 0; d < depth; d++) body += `--d${d}\r\nContent-Type: multipart/mixed; boundary="d${d + 1}"\r\n\r\n`;
    body += `--d${depth}\r\nContent-Type: text/plain\r\n\r\ndeep\r\n`;
  } else if (kind === 4) {
    headers.push('Content-Type: text/plain; charset=x-no-such-charset', 'Content-Transfer-Encoding: quoted-printable');
    body = '=C3=A9=ZZ=\r\n=\r\n=E2=82' + '\u0000'.repeat(Math.floor(random() * 20));
  } else if (kind === 5) {
    headers.push(`X-Huge: ${'a'.repeat(10_000 + Math.floor(random() * 30_000))}`);
    body = 'huge header';
  } else if (kind === 6) {
    headers.push('Content-Type: text/html; charset=utf-8');
    body =
      '<div>'.repeat(400) +
      '<script>alert(1)</script><img src=https://x.test/a onerror=alert(1)>' +
      '<table><tr><td>'.repeat(150);
  } else if (kind === 7) {
    headers.push('Content-Type: multipart/mixed; boundary=""', 'Content-Transfer-Encoding: 7bit');
    body = '--\r\n--\r\n\u0000\u0001\u0002\u00ff';
  } else {
    headers.push('Content-Type: application/octet-stream; name="x.exe"', 'Content-Transfer-Encoding: base64');
    body = Buffer.from(Array.from({ length: 200 + Math.floor(random() * 2000) }, () => Math.floor(random() * 256)))
      .toString('base64')
      .slice(0, -3);
  }
  const lineEnd = random() < 0.2 ? '\n' : '\r\n';
  const text =
    headers.filter(Boolean).join(lineEnd) + lineEnd + (random() < 0.05 ? '' : lineEnd) + body.replace(/\r\n/g, lineEnd);
  // Raw 8-bit and truncation at a random point.
  const bytes = Buffer.from(text, 'latin1');
  return random() < 0.1 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
}

const emptyLookup: ThreadLookup = {
  casesByMessageIds: async () => new Map(),
  caseById: async () => null,
  caseByNumber: async () => null,
  openCasesOfSender: async () => [],
};

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: hung for ${ms} ms`)), ms)),
  ]);
}

describe('e-mail fuzzing', () => {
  it('parses and threads 10,000 malformed messages without a crash or a hang', { timeout: 120_000 }, async () => {
    const random = rng(20260303);
    let parsed = 0;
    for (let i = 0; i < 10_000; i++) {
      const raw = malformedMessage(random, i, 'support@fuzz-desk.test');
      const started = Date.now();
      scanHeaders(raw);
      const email = await withTimeout(parseEmail(raw), 2_000, `message ${i}`);
      automaticReason({
        headers: email.headers,
        fromAddress: email.from.address,
        envelopeFrom: null,
        contentType: email.contentType,
        ownMessageIdDomains: [],
        messageIdHeader: email.messageId,
      });
      splitQuotedText(email.text ?? '');
      if (email.html) sanitizeEmailHtml(email.html);
      await threadEmail(
        {
          fromAddress: email.from.address,
          subject: email.subject,
          inReplyTo: email.inReplyTo,
          references: email.references,
          recipients: email.recipients,
          receivedAt: new Date(),
        },
        emptyLookup,
      );
      expect(Date.now() - started, `message ${i}`).toBeLessThan(2_000);
      parsed++;
    }
    expect(parsed).toBe(10_000);
  });

  describe('through the real SMTP listener (PGlite)', () => {
    let box: TestMailbox;
    let workspaceId: string;
    beforeAll(async () => {
      const kept = await testKept('pglite');
      const ws = await createTestWorkspace(kept);
      workspaceId = ws.id;
      box = await startTestMailbox(kept, ws.id, { maxMessageBytes: 1_000_000 });
    });
    afterAll(async () => box?.close());

    it(
      'stores each message (and brings it to a final status) or refuses it with a clear SMTP error',
      { timeout: 120_000 },
      async () => {
        const kept = await testKept('pglite');
        const random = rng(777);
        const outcomes = { stored: 0, refused: 0 };
        const ids: string[] = [];
        for (let i = 0; i < 120; i++) {
          const raw = malformedMessage(random, i, box.address);
          const r = await withTimeout(
            box.send(raw, { from: `fuzz${i % 97}@fuzz.test`, to: [box.address] }),
            10_000,
            `smtp ${i}`,
          );
          if (r.code === 250) {
            outcomes.stored++;
            ids.push(...r.storedIds);
          } else {
            expect(r.code, r.response).toBeGreaterThanOrEqual(400);
            expect(r.response.length).toBeGreaterThan(5);
            outcomes.refused++;
          }
        }
        await withTimeout(box.processor.idle(), 60_000, 'processing');
        expect(outcomes.stored + outcomes.refused).toBe(120);
        expect(outcomes.stored).toBeGreaterThan(100);
        const rows = await kept.store.db
          .select({ status: inboundEmails.status, error: inboundEmails.error })
          .from(inboundEmails)
          .where(inArray(inboundEmails.id, [...new Set(ids)]));
        expect(rows).toHaveLength(new Set(ids).size);
        const stuck = rows.filter((r) => r.status === 'received');
        expect(stuck).toHaveLength(0);
        // A failure is a stored row with a reason an admin can read, retried by the sweep.
        for (const r of rows.filter((x) => x.status === 'failed')) expect(r.error).toBeTruthy();
        const all = await kept.store.db
          .select({ status: inboundEmails.status })
          .from(inboundEmails)
          .where(eq(inboundEmails.workspaceId, workspaceId));
        console.log(
          `[fuzz] SMTP: ${outcomes.stored} stored, ${outcomes.refused} refused; statuses: ${JSON.stringify(Object.fromEntries(['processed', 'auto_reply', 'rate_limited', 'failed'].map((s) => [s, all.filter((a) => a.status === s).length])))}`,
        );
      },
    );
  });
});
