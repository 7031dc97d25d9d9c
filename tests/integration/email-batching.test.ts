// What the fast path must not change: messages stored together (group commit) keep their
// de-duplication; messages processed together (one transaction) thread as if one by one,
// even when one replies to another of the same batch; a row another worker holds is left to
// it; a removed support address is refused at once despite the recipient cache.
import crypto from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import { messages } from '../../src/db/schema.ts';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { processInboundEmails } from '../../src/email/inbound/process-inbound-email.ts';
import { groupCommitStore } from '../../src/email/inbound/group-commit.ts';
import { storeInboundEmails } from '../../src/email/inbound/store-inbound-email.ts';
import {
  addSupportAddress,
  removeSupportAddress,
  workspaceForRecipient,
} from '../../src/email/inbound/support-addresses.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const mail = (from: string, subject: string, messageId: string, extra = '', body = 'Where is my parcel?') =>
  Buffer.from(
    `From: ${from}\r\nTo: support@x.test\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n${extra}\r\n${body}\r\n`,
  );

for (const kind of ['pglite', 'postgres'] as StoreKind[]) {
  describe.skipIf(kind === 'postgres' && !(await canUsePostgres()))(`inbound batching (${kind})`, () => {
    let kept: TestKept;
    let ws: TestWorkspace;
    const tag = () => crypto.randomBytes(4).toString('hex');
    beforeAll(async () => {
      kept = await testKept(kind);
      ws = await createTestWorkspace(kept);
    });

    const store = (raws: Buffer[]) =>
      storeInboundEmails(
        kept.store.db,
        raws.map((raw) => ({
          workspaceId: ws.id,
          raw,
          envelopeFrom: null,
          envelopeTo: ['support@x.test'],
          receivedAt: kept.clock.now(),
        })),
      );

    it('stores a group in one insert and recognises duplicates inside it and of stored mail', async () => {
      const t = tag();
      const a = mail(`a-${t}@c.test`, 'One', `one-${t}@c.test`);
      // The same message by another path: a server's trace header more, the same content.
      const relayed = Buffer.concat([
        Buffer.from(`Received: from mx2.c.test by mx.x.test; Tue, 3 Mar 2026 10:01:00 +0000\r\n`),
        a,
      ]);
      const b = mail(`b-${t}@c.test`, 'Two', `two-${t}@c.test`);
      const stored = await store([a, a, relayed, b]);
      expect(stored.map((s) => s.created)).toEqual([true, false, false, true]);
      expect(stored[1]!.id).toBe(stored[0]!.id);
      expect(stored[2]!.id).toBe(stored[0]!.id);
      const again = await store([b, mail(`c-${t}@c.test`, 'Three', `three-${t}@c.test`), relayed]);
      expect(again.map((s) => s.created)).toEqual([false, true, false]);
      expect(again[0]!.id).toBe(stored[3]!.id);
      expect(again[2]!.id).toBe(stored[0]!.id);
      const rows = await kept.store.db
        .select({ id: inboundEmails.id })
        .from(inboundEmails)
        .where(
          inArray(
            inboundEmails.id,
            [...stored, ...again].map((s) => s.id),
          ),
        );
      expect(rows).toHaveLength(3);
    });

    it('keeps a different message under a reused Message-ID, in one group commit and after it, and notes it on its case', async () => {
      const t = tag();
      const mid = `reused-${t}@c.test`;
      const first = mail(`ann-${t}@c.test`, `Kettle ${t}`, mid, '', 'The kettle does not heat.');
      const other = mail(`bob-${t}@c.test`, `Invoice ${t}`, mid, '', 'Please send the invoice again.');
      const later = mail(`cy-${t}@c.test`, `Lamp ${t}`, mid, '', 'The lamp flickers.');
      // The listener's group commit: the first write goes alone, the next two arrive meanwhile and share one insert.
      const queue = groupCommitStore(kept.store.db, { maxInFlight: 1 });
      const input = (raw: Buffer) => ({
        workspaceId: ws.id,
        raw,
        envelopeFrom: null,
        envelopeTo: ['support@x.test'],
        receivedAt: kept.clock.now(),
      });
      const [alone, inGroup, reused] = await Promise.all(
        [mail(`dee-${t}@c.test`, `Alone ${t}`, `alone-${t}@c.test`), first, other].map((raw) =>
          queue.store(input(raw)),
        ),
      );
      expect([alone, inGroup, reused].map((s) => s!.created)).toEqual([true, true, true]);
      const [stillSame, afterwards] = await store([
        Buffer.concat([Buffer.from('Received: from elsewhere\r\n'), other]),
        later,
      ]);
      expect(stillSame).toEqual({ id: reused!.id, created: false });
      expect(afterwards!.created).toBe(true);

      const ids = [inGroup!.id, reused!.id, afterwards!.id];
      const rowsOf = async () =>
        new Map(
          (await kept.store.db.select().from(inboundEmails).where(inArray(inboundEmails.id, ids))).map((r) => [
            r.id,
            r,
          ]),
        );
      let rows = await rowsOf();
      expect(ids.map((id) => rows.get(id)!.messageIdReusedOf)).toEqual([null, inGroup!.id, inGroup!.id]);

      const outcomes = await processInboundEmails(kept.ctx, ids);
      expect(outcomes.map((o) => o.status)).toEqual(['processed', 'processed', 'processed']);
      rows = await rowsOf();
      const caseIds = ids.map((id) => rows.get(id)!.caseId!);
      expect(new Set(caseIds).size).toBe(3);
      // The Message-ID stays the first message's: its customer message carries it, the others none.
      const msgs = await kept.store.db
        .select()
        .from(messages)
        .where(
          inArray(
            messages.id,
            ids.map((id) => rows.get(id)!.messageId!),
          ),
        );
      expect(msgs.map((m) => [m.caseId, m.externalId]).sort()).toEqual(
        [
          [caseIds[0], mid],
          [caseIds[1], null],
          [caseIds[2], null],
        ].sort(),
      );
      const detail = json<CaseDetailResponse>(
        await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${caseIds[1]}` }),
      );
      const note = detail.timeline.find((i) => i.eventType === 'email.message_id_reused');
      expect(note?.data).toMatchObject({
        inboundEmailId: reused!.id,
        messageIdHeader: mid,
        earlierInboundEmailId: inGroup!.id,
      });
      const firstDetail = json<CaseDetailResponse>(
        await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${caseIds[0]}` }),
      );
      expect(firstDetail.timeline.some((i) => i.eventType === 'email.message_id_reused')).toBe(false);

      // A reply to that Message-ID goes to the first message's case.
      const [reply] = await store([
        mail(`ann-${t}@c.test`, 'Re: hm', `reply-${t}@c.test`, `In-Reply-To: <${mid}>\r\n`, 'Any news?'),
      ]);
      await processInboundEmails(kept.ctx, [reply!.id]);
      const [replyRow] = await kept.store.db
        .select()
        .from(inboundEmails)
        .where(inArray(inboundEmails.id, [reply!.id]));
      expect(replyRow).toMatchObject({ caseId: caseIds[0], threadedBy: 'in_reply_to' });
    });

    it('threads a reply to a message of the same batch, and a same-subject follow-up, as one by one', async () => {
      const t = tag();
      const from = `ann-${t}@c.test`;
      const first = mail(from, `Parcel ${t} missing`, `first-${t}@c.test`);
      const reply = mail(
        from,
        `Re: whatever`,
        `reply-${t}@c.test`,
        `In-Reply-To: <first-${t}@c.test>\r\n`,
        'Any news?',
      );
      const again = mail(from, `Parcel ${t} missing`, `again-${t}@c.test`, '', 'Still nothing.');
      const other = mail(`bob-${t}@c.test`, `Other ${t}`, `other-${t}@c.test`);
      const stored = await store([first, other, reply, again]);
      const outcomes = await processInboundEmails(
        kept.ctx,
        stored.map((s) => s.id),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['processed', 'processed', 'processed', 'processed']);
      const rows = await kept.store.db
        .select()
        .from(inboundEmails)
        .where(
          inArray(
            inboundEmails.id,
            stored.map((s) => s.id),
          ),
        );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const caseOf = (i: number) => byId.get(stored[i]!.id)!.caseId;
      expect(caseOf(2)).toBe(caseOf(0));
      expect(byId.get(stored[2]!.id)!.threadedBy).toBe('in_reply_to');
      expect(caseOf(3)).toBe(caseOf(0));
      expect(byId.get(stored[3]!.id)!.threadedBy).toBe('subject_match');
      expect(caseOf(1)).not.toBe(caseOf(0));
      expect(rows.every((r) => r.attempts === 1 && r.processedAt !== null && r.messageId !== null)).toBe(true);
    });

    // PGlite has one connection: a second transaction could not hold the row meanwhile, so
    // this is defined for PostgreSQL only.
    if (kind === 'postgres')
      it('leaves a row another worker holds, also when the listener handed its bytes over', async () => {
        const t = tag();
        const raw = mail(`held-${t}@c.test`, `Held ${t}`, `held-${t}@c.test`);
        const [stored] = await store([raw]);
        const known = new Map([[stored!.id, { raw, envelopeTo: ['support@x.test'], workspaceId: ws.id }]]);
        const whileHeld = await kept.store.db.transaction(async (tx) => {
          await tx.execute(sql`select id from inbound_emails where id = ${stored!.id} for update`);
          return processInboundEmails(kept.ctx, [stored!.id], {}, known);
        });
        expect(whileHeld.map((o) => o.status)).toEqual(['skipped']);
        const [row] = await kept.store.db
          .select()
          .from(inboundEmails)
          .where(inArray(inboundEmails.id, [stored!.id]));
        expect(row!.status).toBe('received');
        expect((await processInboundEmails(kept.ctx, [stored!.id], {}, known)).map((o) => o.status)).toEqual([
          'processed',
        ]);
      });

    it('refuses a removed support address at once, though found addresses are cached', async () => {
      const local = `help-${tag()}`;
      const address = `${local}@cache.test`;
      const added = await addSupportAddress(kept.store.db, ws.id, address);
      expect(await workspaceForRecipient(kept.store.db, `${local}+k1@cache.test`)).toMatchObject({
        workspaceId: ws.id,
      });
      expect(await workspaceForRecipient(kept.store.db, address)).toMatchObject({ workspaceId: ws.id });
      await removeSupportAddress(kept.store.db, ws.id, added.id);
      expect(await workspaceForRecipient(kept.store.db, address)).toBeNull();
      expect(await workspaceForRecipient(kept.store.db, `${local}+k1@cache.test`)).toBeNull();
    });
  });
}
