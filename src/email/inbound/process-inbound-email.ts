import { and, eq, sql } from 'drizzle-orm';
import { type Db } from '../../db/open-database.ts';
import { inboundEmails, type InboundEmailStatus } from '../../db/schema-email.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { BatchChanges } from './batch-changes.ts';
import { inboundLookups, inboundLookupsForBatch, lookupQuestions, type LookupQuestions } from './inbound-lookups.ts';
import { InboundOutcomes } from './inbound-outcomes.ts';
import { PARSE_AHEAD_BYTES, readRaw, takeRows } from './take-inbound-rows.ts';
import { lockMessageIds, threadClaimIds } from './message-id-locks.ts';
import { parseEmail, type ParsedEmail } from './parse-email.ts';
import { type ThreadInput } from './thread-email.ts';
import { processMessage } from './process-one-email.ts';

export interface ProcessOptions {
  /** Domains on the right of Kept's own Message-IDs: mail carrying one is our own coming back. */
  ownMessageIdDomains?: readonly string[];
}

export type ProcessOutcome =
  | { status: 'skipped' }
  | { status: Exclude<InboundEmailStatus, 'received' | 'failed'>; caseId: string | null; messageId: string | null };

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

export interface Parsed {
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

/** Records a failure outside the rolled-back transaction, so the sweep retries it later. */
export async function markInboundFailed(db: Db, inboundId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db
    .update(inboundEmails)
    .set({ status: 'failed', error: message.slice(0, 2000), attempts: sql`${inboundEmails.attempts} + 1` })
    .where(and(eq(inboundEmails.id, inboundId), sql`${inboundEmails.status} in ('received', 'failed')`));
}
