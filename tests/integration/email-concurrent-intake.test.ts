// E-mail at a busy desk (issue 20): messages processed in concurrent batches end where they
// would have one by one. A reply and its parent in two batches at once end in one case, also
// when the reply commits first; two first messages from one new address at once make one
// customer and two processed messages, none failed.
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../src/db/schema.ts';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { InboundProcessor } from '../../src/email/inbound/inbound-processor.ts';
import { processInboundEmails } from '../../src/email/inbound/process-inbound-email.ts';
import { storeInboundEmails } from '../../src/email/inbound/store-inbound-email.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const mail = (from: string, subject: string, messageId: string, parent?: string) =>
  Buffer.from(
    `From: ${from}\r\nTo: support@x.test\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n` +
      (parent ? `In-Reply-To: <${parent}>\r\nReferences: <${parent}>\r\n` : '') +
      `\r\nMy order has not arrived and the tracking page has not changed for days.\r\n`,
  );

for (const kind of ['pglite', 'postgres'] as StoreKind[]) {
  describe.skipIf(kind === 'postgres' && !(await canUsePostgres()))(`concurrent e-mail intake (${kind})`, () => {
    let kept: TestKept;
    let ws: TestWorkspace;
    const tag = () => crypto.randomBytes(4).toString('hex');
    beforeAll(async () => {
      kept = await testKept(kind);
      ws = await createTestWorkspace(kept);
    });

    const store = async (raws: Buffer[]) =>
      (
        await storeInboundEmails(
          kept.store.db,
          raws.map((raw) => ({
            workspaceId: ws.id,
            raw,
            envelopeFrom: null,
            envelopeTo: ['support@x.test'],
            receivedAt: kept.clock.now(),
          })),
        )
      ).map((s) => s.id);
    const rowsOf = async (ids: string[]) => {
      const rows = await kept.store.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids));
      return ids.map((id) => rows.find((r) => r.id === id)!);
    };

    // Subjects differ from the parents': only the headers tie a reply to its parent.
    it('a reply committed before its parent lands in the parent’s case, and so do later replies', async () => {
      const t = tag();
      const from = `ann-${t}@c.test`;
      const [parent, reply, later] = await store([
        mail(from, `Kettle ${t}`, `p-${t}@c.test`),
        mail(from, `Still cold ${t}`, `r-${t}@c.test`, `p-${t}@c.test`),
        mail(from, `Any news ${t}`, `r2-${t}@c.test`, `p-${t}@c.test`),
      ]);
      // The reply's batch commits first; the parent's, which did not see it, after.
      expect((await processInboundEmails(kept.ctx, [reply!])).map((o) => o.status)).toEqual(['processed']);
      expect((await processInboundEmails(kept.ctx, [parent!])).map((o) => o.status)).toEqual(['processed']);
      expect((await processInboundEmails(kept.ctx, [later!])).map((o) => o.status)).toEqual(['processed']);
      const rows = await rowsOf([parent!, reply!, later!]);
      expect(new Set(rows.map((r) => r.caseId)).size).toBe(1);
      expect(rows[0]!.threadedBy).toBe('earlier_reply');
      expect(rows[2]!.threadedBy).toBe('in_reply_to');
    });

    it('replies and parents split across two batches processed at once end in one case per conversation', async () => {
      const t = tag();
      const pairs = Array.from({ length: 6 }, (_, i) => {
        const from = `c${i}-${t}@c.test`;
        return {
          parent: mail(from, `Order ${i} ${t}`, `p${i}-${t}@c.test`),
          reply: mail(from, `Still waiting ${i} ${t}`, `r${i}-${t}@c.test`, `p${i}-${t}@c.test`),
        };
      });
      // Subjects differ from the parents': only the headers tie a reply to its parent.
      const ids = await store(pairs.flatMap((p) => [p.parent, p.reply]));
      const parentIds = ids.filter((_, i) => i % 2 === 0);
      const replyIds = ids.filter((_, i) => i % 2 === 1);
      // Each batch holds the parents of some conversations and the replies of the others.
      const first = parentIds.map((p, i) => (i % 2 === 0 ? p : replyIds[i]!));
      const second = parentIds.map((p, i) => (i % 2 === 0 ? replyIds[i]! : p));
      const outcomes = await Promise.all([
        processInboundEmails(kept.ctx, second),
        processInboundEmails(kept.ctx, first),
      ]);
      expect(outcomes.flat().every((o) => o.status === 'processed')).toBe(true);
      const parents = await rowsOf(parentIds);
      const replies = await rowsOf(replyIds);
      expect(replies.map((r) => r.caseId)).toEqual(parents.map((p) => p.caseId));
      expect(new Set(parents.map((p) => p.caseId)).size).toBe(pairs.length);
    });

    it('two first messages from one new address at once: one customer, two processed messages, none failed', async () => {
      const t = tag();
      const from = `new-${t}@c.test`;
      const ids = await store([mail(from, `Lamp ${t}`, `l-${t}@c.test`), mail(from, `Invoice ${t}`, `i-${t}@c.test`)]);
      // Two workers, one message each: two transactions at once, as two SMTP connections make.
      const failures: unknown[] = [];
      const processor = new InboundProcessor(kept.ctx, {
        concurrency: 2,
        batchSize: 1,
        onError: (_id, error) => failures.push(error),
      });
      for (const id of ids) processor.enqueue(id);
      await processor.idle();
      expect(failures).toEqual([]);
      const rows = await rowsOf(ids);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ['processed', 1],
        ['processed', 1],
      ]);
      const found = await kept.store.db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.workspaceId, ws.id), eq(customers.email, from)));
      expect(found).toHaveLength(1);
    });
  });
}
