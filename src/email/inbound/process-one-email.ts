// One e-mail inside its batch's transaction: threaded, then a machine's mail recorded, a storm
// from one sender held back, or a person's message through the whole desk pipeline. Split from
// process-inbound-email.ts, which takes and parses the batch and writes the outcomes.
import { eq } from 'drizzle-orm';
import { caseReference } from '../../kernel/case-reference.ts';
import { receiveCustomerMessage } from '../../desk/index.ts';
import type { Db } from '../../db/open-database.ts';
import { truncateText } from '../../db/storable-text.ts';
import { cases } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { NewEvent } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { bareMessageId } from '../thread-ids.ts';
import { applyBounce } from '../outbound/apply-bounce.ts';
import type { BatchChanges } from './batch-changes.ts';
import type { InboundLookups } from './inbound-lookups.ts';
import type { InboundOutcome, InboundOutcomes } from './inbound-outcomes.ts';
import { PROCESSABLE } from './take-inbound-rows.ts';
import { textOfHtml } from './email-html-text.ts';
import { automaticReason, overRateLimit, RATE_LIMIT } from './loop-safety.ts';
import type { ParsedEmail } from './parse-email.ts';
import { splitQuotedText } from './quoted-text.ts';
import { sanitizeEmailHtml } from './sanitize-email-html.ts';
import { storeEmailAttachments } from './store-email-attachments.ts';
import { threadEmail } from './thread-email.ts';
import type { Parsed, ProcessOptions, ProcessOutcome } from './process-inbound-email.ts';

const MAX_BODY_CHARS = 200_000;

/** The text the agent reads: plain text, else the HTML's text, else a line naming the attachments. */
function bodyText(parsed: ParsedEmail): string {
  const text = parsed.text ?? (parsed.html ? textOfHtml(parsed.html) : '');
  if (text.trim()) return truncateText(text, MAX_BODY_CHARS);
  if (parsed.attachments.length > 0) return `(${parsed.attachments.map((a) => a.filename).join(', ')})`;
  return parsed.subject ?? '(empty e-mail)';
}

/**
 * receiveCustomerMessage opens a transaction of its own; inside ours that is a savepoint
 * (two more round trips per message) that buys nothing here: nothing catches its errors, so
 * any failure rolls back our whole transaction anyway. This handle runs a nested
 * `transaction(fn)` as plain `fn(handle)` on the same transaction.
 */
function withoutSavepoints(tx: Db): Db {
  let flat = flatHandles.get(tx);
  if (!flat) {
    const handle: Db = Object.create(tx, {
      transaction: { value: <T>(fn: (inner: Db) => Promise<T>): Promise<T> => fn(handle) },
    }) as Db;
    flatHandles.set(tx, (flat = handle));
  }
  return flat;
}
const flatHandles = new WeakMap<Db, Db>();

/** What the messages of one transaction share. */
export interface Batch {
  /** The store the transaction was opened on. */
  store: Db;
  options: ProcessOptions;
  outcomes: InboundOutcomes;
  changes: BatchChanges;
  /** Outcomes written together at the end (a batch), or at once (one message alone). */
  deferred: boolean;
}

export async function processMessage(
  txCtx: DeskContext,
  raw: Buffer,
  { parsed, threadInput, claimIds }: Parsed,
  found: InboundLookups | null,
  { store, options, outcomes, changes, deferred }: Batch,
): Promise<ProcessOutcome> {
  const tx = txCtx.db;
  if (!found || !PROCESSABLE.has(found.row.status)) return { status: 'skipped' } as const;
  const row = found.row;
  const fromAddress = parsed.from.address ?? row.fromAddress;
  const now = txCtx.now();
  // Every outcome column is written: a row that can be processed has none of them set yet.
  const finish = async (
    status: InboundOutcome['status'],
    set: Pick<InboundOutcome, 'caseId' | 'messageId' | 'relatedCaseId' | 'threadedBy' | 'note'>,
    written: { recordThreadId?: boolean; openedCaseNumber?: number | null } = {},
  ) => {
    const threadId = written.recordThreadId && row.messageIdHeader ? bareMessageId(row.messageIdHeader) || null : null;
    // Only a customer message claims its parents' ids (a machine's mail opens no conversation).
    const claimed = status === 'processed' && set.caseId ? claimIds : [];
    changes.record({
      senders: [fromAddress, row.fromAddress],
      threadId,
      claimIds: claimed,
      caseIds: [set.caseId, set.relatedCaseId],
      openedCaseNumber: written.openedCaseNumber ?? null,
    });
    await outcomes.add(
      tx,
      {
        id: row.id,
        workspaceId: row.workspaceId,
        status,
        processedAt: now,
        attempts: row.attempts + 1,
        fromAddress,
        storedFromAddress: row.fromAddress,
        ...set,
        threadId,
        claimIds: claimed,
      },
      deferred,
    );
  };

  const decision = await threadEmail(
    {
      ...threadInput,
      fromAddress,
      receivedAt: row.receivedAt,
      // A reused Message-ID belongs to the earlier message's thread, never to this one.
      claimedCaseId: row.messageIdReusedOf ? null : found.ownMessageIdCase,
    },
    found.lookup,
  );

  // Machines: recorded on the case they belong to (if any), never acknowledged, never a new case.
  let reason = automaticReason({
    headers: parsed.headers,
    fromAddress,
    envelopeFrom: row.envelopeFrom,
    contentType: parsed.contentType,
    ownMessageIdDomains: options.ownMessageIdDomains ?? [],
    messageIdHeader: row.messageIdHeader,
  });
  if (!reason && row.messageIdHeader && found.ownMessageIdDirection === 'outbound') reason = 'kept_own';
  const caseCustomer = async (caseId: string | null) =>
    caseId
      ? ((await tx.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, caseId)))[0]?.customerId ??
        null)
      : null;
  if (reason) {
    // A delivery report about our own mail marks the address on the customer and the case.
    if (reason === 'delivery_report' || reason === 'null_sender' || reason === 'daemon_sender') {
      await applyBounce(txCtx, raw, { workspaceId: row.workspaceId });
    }
    const caseId = decision.caseId ?? decision.relatedCaseId;
    if (caseId) {
      await appendEvents(tx, [
        {
          workspaceId: row.workspaceId,
          caseId,
          customerId: await caseCustomer(caseId),
          actorUserId: null,
          occurredAt: now,
          type: 'email.auto_reply_recorded',
          data: { inboundEmailId: row.id, reason, from: fromAddress, subject: parsed.subject },
        },
      ]);
    }
    await finish('auto_reply', {
      caseId,
      messageId: null,
      relatedCaseId: null,
      threadedBy: decision.threadedBy ?? decision.relatedBy,
      note: reason,
    });
    return { status: 'auto_reply', caseId, messageId: null } as const;
  }

  // A storm from one sender: stored, flagged, not acknowledged (and no new case per message).
  if (fromAddress) {
    const n = found.recentFromSender;
    if (overRateLimit({ recent: n })) {
      const caseId = decision.caseId;
      if (caseId) {
        await appendEvents(tx, [
          {
            workspaceId: row.workspaceId,
            caseId,
            customerId: await caseCustomer(caseId),
            actorUserId: null,
            occurredAt: now,
            type: 'email.rate_limited',
            data: { inboundEmailId: row.id, from: fromAddress, recent: n },
          },
        ]);
      }
      await finish('rate_limited', {
        caseId,
        messageId: null,
        relatedCaseId: null,
        threadedBy: null,
        note: `${n} messages from ${fromAddress} in ${RATE_LIMIT.windowMinutes} minutes`,
      });
      return { status: 'rate_limited', caseId, messageId: null } as const;
    }
  }

  // A person: the whole desk pipeline.
  const split = splitQuotedText(bodyText(parsed));
  const html = parsed.html ? sanitizeEmailHtml(parsed.html).html : null;
  const received = await receiveCustomerMessage(
    { ...txCtx, db: withoutSavepoints(tx) },
    {
      workspaceId: row.workspaceId,
      ...(decision.caseId ? { caseId: decision.caseId } : {}),
      customer: { name: parsed.from.name ?? fromAddress ?? undefined, email: fromAddress },
      channel: 'email',
      subject: parsed.subject ?? undefined,
      body: split.body,
      // A reused Message-ID stays the earlier message's (messages are unique by it, and replies naming it go there).
      externalId: row.messageIdReusedOf ? null : row.messageIdHeader,
      quotedText: split.quoted,
      htmlBody: html,
      // Intake's read, taken along by the lookups: the case threaded onto, or a new case's.
      prefetched: decision.caseId
        ? { thread: found.intake.threads.find((t) => t.caseRow.id === decision.caseId) }
        : { newCase: found.intake.newCase ?? undefined },
    },
  );
  const caseId = received.caseRow.id;
  const customerId = received.customer.id;
  const noted = { workspaceId: row.workspaceId, caseId, customerId, actorUserId: null, occurredAt: now } as const;
  const notes: NewEvent[] = [];
  if (decision.relatedCaseId) {
    const [rel] = await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, decision.relatedCaseId));
    notes.push({
      ...noted,
      type: 'email.related_case',
      data: {
        inboundEmailId: row.id,
        relatedCaseId: decision.relatedCaseId,
        relatedReference: rel ? caseReference(rel.number) : '',
        by: decision.relatedBy ?? '',
        from: fromAddress,
      },
    });
  }
  if (row.messageIdReusedOf && row.messageIdHeader) {
    notes.push({
      ...noted,
      type: 'email.message_id_reused',
      data: {
        inboundEmailId: row.id,
        messageIdHeader: row.messageIdHeader,
        earlierInboundEmailId: row.messageIdReusedOf,
      },
    });
  }
  await appendEvents(tx, notes);
  const owner = { workspaceId: row.workspaceId, inboundEmailId: row.id, messageId: received.messageId, caseId };
  await storeEmailAttachments(tx, owner, parsed.attachments);
  await finish(
    'processed',
    {
      caseId,
      messageId: received.messageId,
      relatedCaseId: decision.relatedCaseId,
      threadedBy: decision.threadedBy,
      note: null,
    },
    {
      recordThreadId: !row.messageIdReusedOf,
      openedCaseNumber: received.opened ? received.caseRow.number : null,
    },
  );
  return { status: 'processed', caseId, messageId: received.messageId } as const;
}
