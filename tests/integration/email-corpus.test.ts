// The threading corpus (tests/integration/email-corpus/*.eml, expectations.json) through the
// real SMTP listener, on PGlite and PostgreSQL: every message lands in the expected case, a new
// one, or is recorded without acknowledgement — and nothing is stored or answered twice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgements, cases, customers, events, messages } from '../../src/db/schema.ts';
import { emailAttachments, inboundEmails } from '../../src/db/schema-email.ts';
import { recordThreadId } from '../../src/email/thread-ids.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { startTestMailbox, type TestMailbox } from './support/email-kit.ts';
import { testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'email-corpus');

interface Expectation {
  file: string;
  expect: 'new' | 'thread' | 'auto_reply' | 'duplicate' | 'rejected';
  case?: string;
  related?: string;
  of?: string;
  /** A different message under the Message-ID of this one: kept as its own, noted on its case. */
  reusedMessageIdOf?: string;
  by?: string;
  code?: number;
  envelope?: { from?: string; to?: string[] };
  bodyIncludes?: string;
  quotedIncludes?: string;
  htmlIncludes?: string[];
  htmlExcludes?: string[];
  language?: string;
  subject?: string;
  customer?: string;
  attachments?: Array<{ filename: string; dangerous: boolean }>;
}
const EXPECTATIONS = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expectations.json'), 'utf8')) as Expectation[];
const nameOf = (file: string) => file.replace(/\.eml$/, '');

for (const kind of ['pglite', 'postgres'] as StoreKind[]) {
  describe.skipIf(kind === 'postgres' && !(await canUsePostgres()))(`the e-mail threading corpus (${kind})`, () => {
    let kept: TestKept;
    let ws: TestWorkspace;
    let mailbox: TestMailbox;
    const caseOf = new Map<string, { id: string; number: number }>();
    const inboundOf = new Map<string, string>();

    beforeAll(async () => {
      kept = await testKept(kind);
      ws = await createTestWorkspace(kept);
      mailbox = await startTestMailbox(kept, ws.id);
    });
    afterAll(async () => mailbox?.close());

    it(`has at least 40 messages with expectations`, () => {
      expect(EXPECTATIONS.length).toBeGreaterThanOrEqual(40);
      for (const e of EXPECTATIONS) expect(fs.existsSync(path.join(CORPUS, e.file)), e.file).toBe(true);
    });

    for (const e of EXPECTATIONS) {
      it(`${e.file}: ${e.expect}${e.case ? ` → ${e.case}` : ''}${e.related ? ` (linked to ${e.related})` : ''}`, async () => {
        const db = kept.store.db;
        let raw = fs.readFileSync(path.join(CORPUS, e.file), 'latin1');
        const resolve = (text: string) =>
          text
            .replace(/\{\{REF:([^}]+)\}\}/g, (_m, n: string) => `K-${caseOf.get(n)!.number}`)
            .replace(/\{\{NUM:([^}]+)\}\}/g, (_m, n: string) => String(caseOf.get(n)!.number))
            .replace(/\{\{OUT:([^}]+)\}\}/g, (_m, n: string) => `kept-out.${n}@acme.test`)
            .replace(/acme\.test/g, mailbox.domain);
        // Our acknowledgements' Message-IDs, as the outbound side records them.
        for (const m of raw.matchAll(/\{\{OUT:([^}]+)\}\}/g)) {
          await recordThreadId(db, {
            workspaceId: ws.id,
            messageIdHeader: `kept-out.${m[1]}@${mailbox.domain}`,
            caseId: caseOf.get(m[1]!)!.id,
          });
        }
        raw = resolve(raw);
        const from =
          e.envelope?.from ?? /^From:.*?<?([^\s<>]+@[^\s<>]+?)>?\s*$/im.exec(raw)?.[1] ?? 'someone@example.test';
        const to = (e.envelope?.to ?? [mailbox.address]).map(resolve);
        const sent = await mailbox.send(Buffer.from(raw, 'latin1'), { from: from === '' ? false : from, to });
        await mailbox.processor.idle();

        if (e.expect === 'rejected') {
          expect(sent.code, sent.response).toBe(e.code);
          return;
        }
        expect(sent.code, sent.response).toBe(250);
        const inboundId = sent.storedIds[0]!;
        if (e.expect === 'duplicate') {
          expect(sent.response).toContain('duplicate');
          expect(inboundId).toBe(inboundOf.get(e.of!));
          return;
        }
        inboundOf.set(nameOf(e.file), inboundId);
        const [row] = await db.select().from(inboundEmails).where(eq(inboundEmails.id, inboundId));
        expect(row, 'stored').toBeDefined();
        expect(row!.error).toBeNull();

        if (e.expect === 'auto_reply') {
          expect(row!.status).toBe('auto_reply');
          expect(row!.messageId).toBeNull();
          if (e.case) expect(row!.caseId).toBe(caseOf.get(e.case)!.id);
          return;
        }
        expect(row!.status).toBe('processed');
        const [message] = await db.select().from(messages).where(eq(messages.id, row!.messageId!));
        const [caseRow] = await db.select().from(cases).where(eq(cases.id, row!.caseId!));
        if (e.expect === 'thread') {
          expect(row!.caseId).toBe(caseOf.get(e.case!)!.id);
          if (e.by) expect(row!.threadedBy).toBe(e.by);
        } else {
          const known = [...caseOf.values()].map((c) => c.id);
          expect(known).not.toContain(row!.caseId);
          caseOf.set(nameOf(e.file), { id: caseRow!.id, number: caseRow!.number });
          if (e.related) expect(row!.relatedCaseId).toBe(caseOf.get(e.related)!.id);
          // A new case from a person is acknowledged.
          const acks = await db.select().from(acknowledgements).where(eq(acknowledgements.messageId, message!.id));
          expect(acks).toHaveLength(1);
        }
        if (e.reusedMessageIdOf) {
          expect(row!.messageIdReusedOf).toBe(inboundOf.get(e.reusedMessageIdOf));
          const notes = await db
            .select()
            .from(events)
            .where(and(eq(events.caseId, row!.caseId!), eq(events.type, 'email.message_id_reused')));
          expect(notes).toHaveLength(1);
        }
        if (e.bodyIncludes) expect(message!.body).toContain(e.bodyIncludes);
        if (e.quotedIncludes) {
          expect(message!.quotedText ?? '').toContain(e.quotedIncludes);
          expect(message!.body).not.toContain(e.quotedIncludes);
        }
        if (e.language) expect(message!.language).toBe(e.language);
        if (e.subject) expect(caseRow!.subject).toBe(e.subject);
        for (const s of e.htmlIncludes ?? []) expect(message!.htmlBody ?? '').toContain(s);
        for (const s of e.htmlExcludes ?? [])
          expect((message!.htmlBody ?? '').toLowerCase()).not.toContain(s.toLowerCase());
        if (e.customer) {
          const [c] = await db.select().from(customers).where(eq(customers.id, message!.customerId));
          expect(c!.email).toBe(e.customer);
        }
        if (e.attachments) {
          const rows = await db.select().from(emailAttachments).where(eq(emailAttachments.messageId, message!.id));
          for (const a of e.attachments) {
            const found = rows.find((r) => r.filename === a.filename);
            expect(found, a.filename).toBeDefined();
            expect(found!.dangerous, `${a.filename} dangerous`).toBe(a.dangerous);
          }
        }
      });
    }

    it('stored every accepted message once, and made one customer message per processed one', async () => {
      const db = kept.store.db;
      const rows = await db.select().from(inboundEmails).where(eq(inboundEmails.workspaceId, ws.id));
      const accepted = EXPECTATIONS.filter((e) => e.expect !== 'rejected' && e.expect !== 'duplicate');
      expect(rows).toHaveLength(accepted.length);
      const processed = rows.filter((r) => r.status === 'processed');
      const msgs = await db
        .select()
        .from(messages)
        .where(and(eq(messages.workspaceId, ws.id), eq(messages.direction, 'inbound')));
      expect(msgs).toHaveLength(processed.length);
    });
  });
}
