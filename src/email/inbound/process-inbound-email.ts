import { and, eq, sql } from 'drizzle-orm';
import { caseReference } from '../../kernel/case-reference.ts';
import { receiveCustomerMessage } from '../../desk/index.ts';
import { queryRows, type Db } from '../../db/open-database.ts';
import { truncateText } from '../../db/storable-text.ts';
import { cases } from '../../db/schema.ts';
import { inboundEmails, type InboundEmailStatus } from '../../db/schema-email.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { NewEvent } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { bareMessageId } from '../thread-ids.ts';
import { applyBounce } from '../outbound/apply-bounce.ts';
import { BatchChanges } from './batch-changes.ts';
import {
  inboundLookups,
  inboundLookupsForBatch,
  lookupQuestions,
  type InboundLookups,
  type LookupQuestions,
} from './inbound-lookups.ts';
import { InboundOutcomes, type InboundOutcome } from './inbound-outcomes.ts';
import { PARSE_AHEAD_BYTES, PROCESSABLE, readRaw, takeRows } from './take-inbound-rows.ts';
import { lockMessageIds, threadClaimIds } from './message-id-locks.ts';
import { textOfHtml } from './email-html-text.ts';
import { automaticReason, overRateLimit, RATE_LIMIT } from './loop-safety.ts';
import { parseEmail, type ParsedEmail } from './parse-email.ts';
import { splitQuotedText } from './quoted-text.ts';
import { sanitizeEmailHtml } from './sanitize-email-html.ts';
import { storeEmailAttachments } from './store-email-attachments.ts';
import { threadEmail, type ThreadInput } from './thread-email.ts';

const MAX_BODY_CHARS = 200_000;

export interface ProcessOptions {
  /** Domains on the right of Kept's own Message-IDs: mail carrying one is our own coming back. */
  ownMessageIdDomains?: readonly string[];
}

export type ProcessOutcome =
  | { status: 'skipped' }
  | { status: Exclude<InboundEmailStatus, 'received' | 'failed'>; caseId: string | null; messageId: string | null };

/** The text the agent reads: plain text, else the HTML's text, else a line naming the attachments. */
function bodyText(parsed: ParsedEmail): string {
  const text = parsed.text ?? (parsed.html ? textOfHtml(parsed.html) : '');
  if (text.trim()) return truncateText(text, MAX_BODY_CHARS);
  if (parsed.attachments.length > 0) return `(${parsed.attachments.map((a) => a.filename).join(', ')})`;
  return parsed.subject ?? '(empty e-mail)';
}

/**
 * What the SMTP listener already holds in memory about a message it has just stored: the
 * bytes (so they are not read back) and the envelope recipients (where a reply-to
 * plus-address names a case), so that the row is taken and everything about it looked up in
 * one statement. Without it (the sweep, IMAP) the row is read first.
 */
export interface KnownInbound {
  raw: Buffer;
  envelopeTo: string[];
  /** The row's workspace: lets the lookups take a new case's read along (inbound-lookups.ts). */
  workspaceId?: string;
}

/**
 * Turns one stored inbound e-mail into its effects, exactly once: parse, recognise
 * machines and storms, thread, and hand it to receiveCustomerMessage (customer, case, owner,
 * acknowledgement, promise). One transaction with the row locked: a crash leaves the row
 * 'received' and the next sweep does it again from the start.
 */
export async function processInboundEmail(
  ctx: DeskContext,
  inboundId: string,
  options: ProcessOptions = {},
  known?: KnownInbound,
): Promise<ProcessOutcome> {
  const outcomes = await ctx.db.transaction((tx) =>
    processInTransaction(
      ctx.db,
      { ...ctx, db: tx as unknown as Db },
      [inboundId],
      options,
      known ? new Map([[inboundId, known]]) : new Map(),
      false,
    ),
  );
  return outcomes[0]!;
}

/**
 * Several stored messages in one transaction, one after another: one commit (and its WAL
 * flush) for the lot. All or nothing, like one message: if any of them fails, nothing of the
 * batch is kept, and the caller processes them one by one to isolate the failure.
 */
export async function processInboundEmails(
  ctx: DeskContext,
  inboundIds: readonly string[],
  options: ProcessOptions = {},
  known: ReadonlyMap<string, KnownInbound> = new Map(),
): Promise<ProcessOutcome[]> {
  return ctx.db.transaction((tx) =>
    processInTransaction(ctx.db, { ...ctx, db: tx as unknown as Db }, inboundIds, options, known, true),
  );
}

interface Taken {
  id: string;
  /** The bytes and recipients; null when the row was not read yet (big, from the sweep). */
  message: KnownInbound | null;
  parsed: Parsed | null;
}

interface Parsed {
  parsed: ParsedEmail;
  threadInput: Omit<ThreadInput, 'fromAddress' | 'receivedAt'>;
  questions: LookupQuestions;
  /** Its own Message-ID (bare) and the header ids it may claim: the Message-ID locks it takes. */
  ownId: string | null;
  claimIds: string[];
}

async function parseMessage(message: KnownInbound): Promise<Parsed> {
  const parsed = await parseEmail(message.raw);
  const threadInput = {
    subject: parsed.subject,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    recipients: [...message.envelopeTo, ...parsed.recipients],
  };
  return {
    parsed,
    threadInput,
    questions: lookupQuestions(threadInput, parsed.from.address),
    ownId: parsed.messageId,
    claimIds: threadClaimIds(parsed.inReplyTo, parsed.references),
  };
}

/**
 * The messages in order, in the caller's transaction: the rows the listener did not hand over
 * read (and taken) in one statement, the small ones parsed, then one statement takes every row
 * and answers what threading and loop safety ask about each. A message whose answers an
 * earlier one of the batch may have changed asks again (batch-changes.ts). The rows' outcomes
 * are written together at the end (one statement), before the commit.
 */
async function processInTransaction(
  store: Db,
  txCtx: DeskContext,
  inboundIds: readonly string[],
  options: ProcessOptions,
  known: ReadonlyMap<string, KnownInbound>,
  deferred: boolean,
): Promise<ProcessOutcome[]> {
  const tx = txCtx.db;
  const unread = inboundIds.filter((id) => !known.has(id));
  const read = unread.length > 0 ? await takeRows(tx, unread) : new Map<string, KnownInbound | null>();
  const taken: Array<Taken | null> = [];
  for (const id of inboundIds) {
    const message = known.get(id) ?? read.get(id);
    if (message === undefined)
      taken.push(null); // held by another worker, gone, or already done
    else
      taken.push({
        id,
        message,
        parsed: message && message.raw.length <= PARSE_AHEAD_BYTES ? await parseMessage(message) : null,
      });
  }
  const asked = taken.filter((t): t is Taken & { parsed: Parsed } => t?.parsed != null);
  // Before anything is read: a parent or reply of these in another transaction is waited for.
  await lockMessageIds(
    tx,
    asked.flatMap((t) => [t.parsed.ownId, ...t.parsed.claimIds]),
  );
  const answers = await inboundLookupsForBatch(
    tx,
    asked.map((t) => ({ id: t.id, questions: t.parsed.questions, workspaceId: t.message?.workspaceId })),
    true,
  );
  const earlyAnswers = new Map(asked.map((t, i) => [t.id, answers[i] ?? null]));

  const outcomes = new InboundOutcomes();
  const changes = new BatchChanges();
  const results: ProcessOutcome[] = [];
  for (const t of taken) {
    if (!t) {
      results.push({ status: 'skipped' });
      continue;
    }
    const message = t.message ?? (await readRaw(tx, t.id));
    if (!message) {
      results.push({ status: 'skipped' });
      continue;
    }
    let parsed = t.parsed;
    if (!parsed) {
      parsed = await parseMessage(message);
      await lockMessageIds(tx, [parsed.ownId, ...parsed.claimIds]);
    }
    const ids = parsed.ownId ? [...parsed.questions.headerIds, parsed.ownId] : parsed.questions.headerIds;
    if (outcomes.mustWriteBefore(ids)) await outcomes.write(tx);
    // Asked early (null: the row was not there to take), or now, alone.
    const early = t.parsed ? earlyAnswers.get(t.id)! : undefined;
    const found =
      early === undefined || (early && changes.touches(parsed.questions, early))
        ? await inboundLookups(tx, t.id, parsed.questions, true, message.workspaceId)
        : early;
    results.push(
      await processMessage(txCtx, message.raw, parsed, found, { store, options, outcomes, changes, deferred }),
    );
  }
  await outcomes.write(tx);
  return results;
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
interface Batch {
  /** The store the transaction was opened on. */
  store: Db;
  options: ProcessOptions;
  outcomes: InboundOutcomes;
  changes: BatchChanges;
  /** Outcomes written together at the end (a batch), or at once (one message alone). */
  deferred: boolean;
}

async function processMessage(
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

/** Records a failure outside the rolled-back transaction, so the sweep retries it later. */
export async function markInboundFailed(db: Db, inboundId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db
    .update(inboundEmails)
    .set({ status: 'failed', error: message.slice(0, 2000), attempts: sql`${inboundEmails.attempts} + 1` })
    .where(and(eq(inboundEmails.id, inboundId), sql`${inboundEmails.status} in ('received', 'failed')`));
}
