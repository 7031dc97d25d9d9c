// The inbound listener's promises at the SMTP level (550/552/451), loop safety and storms,
// the admin API for addresses, the timeline's e-mail parts and attachment download.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgements } from '../../src/db/schema.ts';
import { outbox } from '../../src/db/schema-email.ts';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { startSmtpListener } from '../../src/email/inbound/smtp-listener.ts';
import nodemailer from 'nodemailer';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { startTestMailbox, type TestMailbox } from './support/email-kit.ts';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const mail = (from: string, to: string, subject: string, body: string, extra = '') =>
  `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@t.test>\r\n${extra}\r\n${body}\r\n`;

for (const kind of ['pglite', 'postgres'] as StoreKind[]) {
  describe.skipIf(kind === 'postgres' && !(await canUsePostgres()))(`inbound e-mail (${kind})`, () => {
    let kept: TestKept;
    let ws: TestWorkspace;
    let box: TestMailbox;
    beforeAll(async () => {
      kept = await testKept(kind);
      ws = await createTestWorkspace(kept);
      box = await startTestMailbox(kept, ws.id, { maxMessageBytes: 200_000 });
    });
    afterAll(async () => box?.close());

    it('refuses unknown recipients at RCPT with a clear 550 and accepts plus-addresses', async () => {
      const unknown = await box.send(mail('a@x.test', `nobody@${box.domain}`, 'Hi', 'x'), {
        from: 'a@x.test',
        to: [`nobody@${box.domain}`],
      });
      expect(unknown.code).toBe(550);
      expect(unknown.response).toMatch(/no such support address/);
      const plus = await box.send(mail('a@x.test', `support+orders@${box.domain}`, 'Hi', 'Where is my order?'), {
        from: 'a@x.test',
        to: [`support+orders@${box.domain}`],
      });
      expect(plus.code).toBe(250);
    });

    it('refuses a message over the size limit with 552', async () => {
      const big = await box.send(mail('a@x.test', box.address, 'Big', 'x'.repeat(300_000)), {
        from: 'a@x.test',
        to: [box.address],
      });
      expect(big.code).toBe(552);
    });

    it('answers 451 when the store is unavailable, so the sender retries', async () => {
      // The store refuses the message's write (as a dropped connection would), at the driver,
      // whatever builds the statement; the recipient's lookup still works.
      type Client = { query: (...args: unknown[]) => Promise<unknown> };
      const refusing = (client: Client) =>
        new Proxy(client, {
          get(target, prop) {
            if (prop !== 'query') {
              const value = Reflect.get(target, prop) as unknown;
              return typeof value === 'function' ? value.bind(target) : value;
            }
            return (...args: unknown[]) => {
              const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
              return /^\s*insert into "?inbound_emails/i.test(text)
                ? Promise.reject(new Error('connection refused'))
                : target.query(...args);
            };
          },
        });
      const broken = new Proxy(kept.store.db, {
        get(target, prop) {
          const value = Reflect.get(target, prop) as unknown;
          if (prop !== 'session') return value;
          return new Proxy(value as { client: Client }, {
            get: (session, p) => (p === 'client' ? refusing(session.client) : Reflect.get(session, p)),
          });
        },
      });
      const smtp = await startSmtpListener({ db: broken, processor: null, host: '127.0.0.1', port: 0 });
      const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
      const error = await t
        .sendMail({ envelope: { from: 'a@x.test', to: [box.address] }, raw: mail('a@x.test', box.address, 'Hi', 'x') })
        .catch((e: { responseCode: number }) => e);
      expect((error as { responseCode: number }).responseCode).toBe(451);
      t.close();
      await smtp.close();
    });

    it('stops a mail storm: over 20 in 10 minutes from one sender is stored, flagged, not acknowledged', async () => {
      const from = `storm-${kind}@loop.test`;
      const results = [];
      for (let i = 0; i < 24; i++)
        results.push(
          await box.send(mail(from, box.address, `Storm ${i}`, `Message ${i}`), { from, to: [box.address] }),
        );
      await box.processor.idle();
      expect(results.every((r) => r.code === 250)).toBe(true);
      const rows = await kept.store.db.select().from(inboundEmails).where(eq(inboundEmails.fromAddress, from));
      expect(rows.filter((r) => r.status === 'processed')).toHaveLength(20);
      expect(rows.filter((r) => r.status === 'rate_limited')).toHaveLength(4);
      const listed = json(
        await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/email/inbound?status=rate_limited' }),
      );
      expect(listed.emails.filter((e: { fromAddress: string }) => e.fromAddress === from)).toHaveLength(4);
    });

    it('an auto-reply is recorded on its case but never acknowledged, and opens no case', async () => {
      const before = (await kept.store.db.select().from(outbox).where(eq(outbox.workspaceId, ws.id))).length;
      const r = await box.send(
        mail('ooo@auto.test', box.address, 'Out of office', 'Away until Monday', 'Auto-Submitted: auto-replied\r\n'),
        { from: 'ooo@auto.test', to: [box.address] },
      );
      await box.processor.idle();
      const [row] = await kept.store.db.select().from(inboundEmails).where(eq(inboundEmails.id, r.storedIds[0]!));
      expect(row!.status).toBe('auto_reply');
      expect(row!.caseId).toBeNull();
      expect((await kept.store.db.select().from(outbox).where(eq(outbox.workspaceId, ws.id))).length).toBe(before);
    });

    it('shows the new part first, the quoted history, sanitized HTML and attachments in the case; staff can download', async () => {
      const raw =
        `From: Zoe <zoe@parts.test>\r\nTo: ${box.address}\r\nSubject: Broken lid\r\nMessage-ID: <parts-1@parts.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n` +
        `--p\r\nContent-Type: multipart/alternative; boundary="q"\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\nThe lid broke.\r\n\r\nOn Mon, Kept wrote:\r\n> old text\r\n--q\r\nContent-Type: text/html\r\n\r\n<p onclick="x()">The lid broke.</p><img src="https://img.test/a.png"><script>alert(1)</script>\r\n--q--\r\n` +
        `--p\r\nContent-Type: application/octet-stream; name="tool.exe"\r\nContent-Disposition: attachment; filename="tool.exe"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AAA==\r\n--p--\r\n`;
      const r = await box.send(raw, { from: 'zoe@parts.test', to: [box.address] });
      await box.processor.idle();
      const [row] = await kept.store.db.select().from(inboundEmails).where(eq(inboundEmails.id, r.storedIds[0]!));
      const detail = json(await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${row!.caseId}` }));
      const message = detail.timeline.find((i: { kind: string }) => i.kind === 'message').message;
      expect(message.body).toBe('The lid broke.');
      expect(message.quotedText).toContain('old text');
      expect(message.htmlBody).toContain('data-src="https://img.test/a.png"');
      expect(message.htmlBody).not.toMatch(/script|onclick/);
      expect(message.attachments).toHaveLength(1);
      expect(message.attachments[0]).toMatchObject({ filename: 'tool.exe', dangerous: true, downloadable: true });
      const download = await ws.request(ws.agentEn, {
        method: 'GET',
        url: `/api/v1/email/attachments/${message.attachments[0].id}`,
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.rawPayload.subarray(0, 2).toString()).toBe('MZ');
      const acks = await kept.store.db.select().from(acknowledgements).where(eq(acknowledgements.caseId, row!.caseId!));
      expect(acks).toHaveLength(1);
      const other = await createTestWorkspace(kept);
      expect(
        (
          await other.request(other.admin, {
            method: 'GET',
            url: `/api/v1/email/attachments/${message.attachments[0].id}`,
          })
        ).statusCode,
      ).toBe(404);
    });

    it('manages support addresses through the admin API', async () => {
      const other = await createTestWorkspace(kept);
      const address = `help@${other.slug}.test`;
      const created = await other.request(other.admin, {
        method: 'POST',
        url: '/api/v1/email/addresses',
        payload: { address: address.toUpperCase() },
      });
      expect(created.statusCode).toBe(201);
      expect(json(created).address).toBe(address);
      expect(
        (await other.request(other.admin, { method: 'POST', url: '/api/v1/email/addresses', payload: { address } }))
          .statusCode,
      ).toBe(409);
      expect(
        (
          await other.request(other.admin, {
            method: 'POST',
            url: '/api/v1/email/addresses',
            payload: { address: `help+x@${other.slug}.test` },
          })
        ).statusCode,
      ).toBe(422);
      expect(
        (
          await other.request(other.agentEn, {
            method: 'POST',
            url: '/api/v1/email/addresses',
            payload: { address: 'a@b.test' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await other.request(other.admin, {
            method: 'POST',
            url: '/api/v1/email/addresses',
            payload: { address, extra: 1 },
          })
        ).statusCode,
      ).toBe(400);
      const list = json(await other.request(other.agentEn, { method: 'GET', url: '/api/v1/email/addresses' }));
      expect(list.addresses.map((a: { address: string }) => a.address)).toEqual([address]);
      expect(
        (await ws.request(ws.admin, { method: 'DELETE', url: `/api/v1/email/addresses/${json(created).id}` }))
          .statusCode,
      ).toBe(404);
      expect(
        (await other.request(other.admin, { method: 'DELETE', url: `/api/v1/email/addresses/${json(created).id}` }))
          .statusCode,
      ).toBe(204);
    });

    it('stores and processes mail with NUL bytes, invalid UTF-8 and unpaired surrogates anywhere, cleaning only what it writes as text', async () => {
      const latin = (text: string) => Buffer.from(text, 'latin1');
      const utf16 = (units: number[]) => Buffer.from(units.flatMap((u) => [u >> 8, u & 0xff])).toString('base64');
      const head = (from: string, subject: Buffer | string, extra = '') =>
        Buffer.concat([
          latin(`From: ${from}\r\nTo: ${box.address}\r\nSubject: `),
          typeof subject === 'string' ? latin(subject) : subject,
          latin(`\r\nMessage-ID: <bad-${Math.random().toString(36).slice(2)}@bytes.test>\r\n${extra}`),
        ]);
      const part = (headers: string, body: Buffer | string) =>
        Buffer.concat([
          latin(`--p\r\n${headers}\r\n\r\n`),
          typeof body === 'string' ? latin(body) : body,
          latin('\r\n'),
        ]);
      const multipart = (...parts: Buffer[]) =>
        Buffer.concat([
          latin('MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n'),
          ...parts,
          latin('--p--\r\n'),
        ]);
      const messages: Array<{
        what: string;
        raw: Buffer;
        subject?: string;
        body?: RegExp;
        name?: string;
        attachment?: string;
      }> = [
        {
          what: 'a raw NUL in the Subject',
          raw: Buffer.concat([head('Ann <ann@bytes.test>', 'Order\u0000 42'), latin('\r\nWhere is it?\r\n')]),
          subject: 'Order 42',
        },
        {
          what: 'NULs in the body',
          raw: Buffer.concat([head('Ann <ann2@bytes.test>', 'Body'), latin('\r\nWhere\u0000 is\u0000 it?\r\n')]),
          body: /^Where is it\?/,
        },
        {
          what: 'a NUL in another header',
          raw: Buffer.concat([
            head('Ann <ann3@bytes.test>', 'Header', 'X-Odd: a\u0000b\r\nIn-Reply-To: <x\u0000y@z>\r\n'),
            latin('\r\nHello\r\n'),
          ]),
          body: /^Hello/,
        },
        {
          what: 'a NUL in the From display name',
          raw: Buffer.concat([head('"Ann\u0000 Lee" <ann4@bytes.test>', 'Name'), latin('\r\nHi\r\n')]),
          name: 'Ann Lee',
        },
        {
          what: 'a NUL in an attachment name, and in an HTML part',
          raw: Buffer.concat([
            head('Ann <ann5@bytes.test>', 'Files'),
            multipart(
              part('Content-Type: text/html; charset=utf-8', '<p>See\u0000 &#0; &#xD800; file</p>'),
              part(
                'Content-Type: text/plain; name="a\u0000b.txt"\r\nContent-Disposition: attachment; filename="a\u0000b.txt"',
                'data',
              ),
            ),
          ]),
          body: /^See/,
          attachment: 'ab.txt',
        },
        {
          what: 'invalid UTF-8 in the Subject and body',
          raw: Buffer.concat([
            head(
              'Ann <ann6@bytes.test>',
              Buffer.from([0x4f, 0x6b, 0xff, 0xc3, 0x28]),
              'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n',
            ),
            Buffer.from([0x0d, 0x0a, 0x61, 0xed, 0xa0, 0x80, 0x62, 0xff, 0x0d, 0x0a]),
          ]),
          body: /^a.*b/,
        },
        {
          what: 'unpaired surrogates from UTF-16 in the Subject, the From name and the body',
          raw: Buffer.concat([
            head(
              `=?UTF-16BE?B?${utf16([0x41, 0xd800, 0x42])}?= <ann7@bytes.test>`,
              `=?UTF-16BE?B?${utf16([0xdc00, 0x78])}?=`,
              'Content-Type: text/plain; charset=utf-16be\r\nContent-Transfer-Encoding: base64\r\n',
            ),
            latin(`\r\n${utf16([0x68, 0xd800, 0x69])}\r\n`),
          ]),
          subject: '\ufffdx',
          name: 'A\ufffdB',
          body: /^h\ufffdi/,
        },
      ];
      for (const m of messages) {
        const sent = await box.send(m.raw, { from: 'ann@bytes.test', to: [box.address] });
        expect(sent.code, `${m.what}: ${sent.response}`).toBe(250);
        await box.processor.idle();
        const [row] = await kept.store.db.select().from(inboundEmails).where(eq(inboundEmails.id, sent.storedIds[0]!));
        expect(row!.raw.equals(m.raw), `${m.what}: the bytes are kept as they came`).toBe(true);
        expect({ status: row!.status, error: row!.error }, m.what).toEqual({ status: 'processed', error: null });
        const detail = json<CaseDetailResponse>(
          await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${row!.caseId}` }),
        );
        const message = detail.timeline.find((i) => i.kind === 'message')!.message!;
        for (const text of [
          detail.case.subject,
          detail.customer.name,
          message.body,
          message.htmlBody ?? '',
          ...(message.attachments ?? []).map((a) => a.filename),
        ]) {
          expect(text.includes('\u0000') || !text.isWellFormed(), `${m.what}: ${JSON.stringify(text)}`).toBe(false);
        }
        if (m.subject) expect(detail.case.subject, m.what).toBe(m.subject);
        if (m.body) expect(message.body, m.what).toMatch(m.body);
        if (m.name) expect(detail.customer.name, m.what).toBe(m.name);
        if (m.attachment) expect(message.attachments?.[0]?.filename, m.what).toBe(m.attachment);
      }
    });

    it('flags HTML, SVG, XHTML and scripted XML as dangerous by type and by name, and stores and serves a safe name beside the original', async () => {
      const file = (name: string, type: string, body: string) =>
        `--p\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`;
      const long = `${'x'.repeat(300)}.pdf`;
      const raw =
        `From: Mal <mal@files.test>\r\nTo: ${box.address}\r\nSubject: Files\r\nMessage-ID: <files-${kind}@files.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n` +
        `--p\r\nContent-Type: text/plain\r\n\r\nSee the files.\r\n` +
        file('../../../../etc/passwd', 'text/plain', 'root:x:0:0') +
        file('report.html', 'text/html', '<!doctype html><script>fetch("/api/v1/me")</script>') +
        file('logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') +
        file('page.xhtml', 'application/xhtml+xml', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>') +
        file(
          'data.xml',
          'application/xml',
          '<?xml version="1.0"?><r><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></r>',
        ) +
        file('order.xml', 'application/xml', '<?xml version="1.0"?><order><id>5</id></order>') +
        file('notes.txt', 'application/octet-stream', '  <!DOCTYPE html><html><body onload="x()"></body></html>') +
        file('.hidden\u0001 \u202eexe.txt', 'text/plain', 'hi') +
        file(long, 'application/pdf', '%PDF-1.4') +
        file('Договор №5 (копия).pdf', 'application/pdf', '%PDF-1.4') +
        `--p--\r\n`;
      const r = await box.send(Buffer.from(raw, 'utf8'), { from: 'mal@files.test', to: [box.address] });
      await box.processor.idle();
      const [row] = await kept.store.db.select().from(inboundEmails).where(eq(inboundEmails.id, r.storedIds[0]!));
      const detail = json<CaseDetailResponse>(
        await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${row!.caseId}` }),
      );
      const attachments = detail.timeline.find((i) => i.kind === 'message')!.message!.attachments!;
      const byOriginal = new Map(attachments.map((a) => [a.originalFilename, a]));
      const expected: Array<[string, string, boolean]> = [
        ['../../../../etc/passwd', 'passwd', false],
        ['report.html', 'report.html', true],
        ['logo.svg', 'logo.svg', true],
        ['page.xhtml', 'page.xhtml', true],
        ['data.xml', 'data.xml', true],
        ['order.xml', 'order.xml', false],
        ['notes.txt', 'notes.txt', true],
        ['Договор №5 (копия).pdf', 'Договор №5 (копия).pdf', false],
      ];
      for (const [original, safe, dangerous] of expected) {
        expect(byOriginal.get(original), original).toMatchObject({ filename: safe, dangerous });
      }
      expect(byOriginal.get('report.html')!.dangerReasons).toContain('active_content');
      const hidden = attachments.find((a) => a.originalFilename.startsWith('.hidden'))!;
      expect(hidden.filename).toBe('hidden exe.txt');
      const shortened = attachments.find((a) => a.originalFilename === long)!;
      expect(Buffer.byteLength(shortened.filename)).toBeLessThanOrEqual(150);
      expect(shortened.filename).toMatch(/^x+\.pdf$/);

      const download = async (name: string) =>
        ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/email/attachments/${byOriginal.get(name)!.id}` });
      const passwd = await download('../../../../etc/passwd');
      expect(passwd.headers['content-disposition']).toBe(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
      const russian = await download('Договор №5 (копия).pdf');
      expect(russian.headers['content-disposition']).toBe(
        `attachment; filename="_______ _5 (_____).pdf"; filename*=UTF-8''${encodeURIComponent('Договор №5').replace(/%20/g, '%20')}%20%28${encodeURIComponent('копия')}%29.pdf`,
      );
      const html = await download('report.html');
      expect(html.headers['content-type']).toBe('application/octet-stream');
      expect(html.headers['content-security-policy']).toMatch(/sandbox/);
    });
  });
}
