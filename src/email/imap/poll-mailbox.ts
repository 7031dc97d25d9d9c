import { openCredential } from '../../secrets/index.ts';
import crypto from 'node:crypto';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Db } from '../../db/open-database.ts';
import { imapImportedMessages, imapMailboxes } from '../../db/schema-email.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { ingestRawEmails, type IngestRawEmailInput } from '../inbound/ingest-raw-email.ts';
import { handOverStoredInbound } from '../inbound/inbound-hand-off.ts';
import type { StoredInbound } from '../inbound/store-inbound-email.ts';
import type { MailboxPollResult } from '../../contract/route-response-types.ts';

export type MailboxRow = typeof imapMailboxes.$inferSelect;
/** Stores a batch of fetched messages in the poller's transaction; what it stored is handed to processing after the commit. */
export type Ingest = (ctx: DeskContext, inputs: IngestRawEmailInput[]) => Promise<readonly StoredInbound[] | void>;

export const POLL_INTERVAL_MS = 60_000;
/** A poller holds a mailbox this long at most; a dead one's lease simply runs out. */
const LEASE_MS = 10 * 60_000;
/** Messages fetched, stored (one transaction) and handed to processing together. */
const FETCH_CHUNK = 50;
/**
 * How long a due poll stays connected in IDLE, where the server offers it, taking mail as it
 * arrives: less than the minute between polls, so that the next one (due a minute after this
 * one started) follows it and a mailbox is watched most of the time.
 */
export const IDLE_WATCH_MS = 45_000;

/** What one poll did; `alreadyImported`: messages seen again (after a UIDVALIDITY reset, or a crash between import and bookkeeping). */
export type PollResult = MailboxPollResult;

/**
 * Reads what arrived in one mailbox since the last poll, by UID. Each message is handed to the
 * inbound pipeline and its UID recorded in ONE transaction, so a restart neither re-imports nor
 * skips; a changed UIDVALIDITY means the UIDs were renumbered, so the mailbox is read again from
 * the start and the raw hashes keep already-imported mail out. A failure is recorded loudly
 * (last_error, failing_since, a `mailbox.failing` fact) and cleared by the next good poll.
 */
export async function pollMailbox(
  ctx: DeskContext,
  mailboxId: string,
  options: { ingest?: Ingest; connectTimeoutMs?: number; idleMs?: number } = {},
): Promise<PollResult> {
  const startedAt = ctx.now();
  const ingest = options.ingest ?? ingestRawEmails;
  const result: PollResult = {
    mailboxId,
    skipped: false,
    imported: 0,
    alreadyImported: 0,
    uidValidityReset: false,
    error: null,
  };
  const mailbox = await takeLease(ctx.db, mailboxId, ctx.now());
  if (!mailbox) return { ...result, skipped: true };
  let password: string;
  try {
    password = openCredential(mailbox.password);
  } catch (error) {
    // A sealed password without its key fails as loudly as a refused login.
    result.error = describeError(error);
    await markFailing(ctx, mailbox, result.error);
    return result;
  }

  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.secure,
    auth: { user: mailbox.username, pass: password },
    logger: false,
    connectionTimeout: options.connectTimeoutMs ?? 20_000,
    greetingTimeout: options.connectTimeoutMs ?? 20_000,
    socketTimeout: 120_000,
  });
  // A socket error after connect must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const lock = await client.getMailboxLock(mailbox.mailbox, { readOnly: true });
    try {
      const opened = client.mailbox;
      if (!opened) throw new Error(`Mailbox ${mailbox.mailbox} could not be opened`);
      const uidValidity = Number(opened.uidValidity);
      let lastUid = mailbox.lastUid;
      if (mailbox.uidValidity !== null && mailbox.uidValidity !== uidValidity) {
        result.uidValidityReset = true;
        lastUid = 0;
      }
      if (mailbox.uidValidity !== uidValidity) {
        await ctx.db.update(imapMailboxes).set({ uidValidity, lastUid }).where(eq(imapMailboxes.id, mailbox.id));
      }
      // The message count the last fetch started from: an EXISTS announced during a fetch is not lost.
      let seenExists = opened.exists;
      const exists = () => (client.mailbox || opened).exists;
      const fetchNew = async () => {
        seenExists = exists();
        // "n:*" always includes the highest UID even when it is below n: filter.
        const found = exists() > 0 ? await client.search({ uid: `${lastUid + 1}:*` }, { uid: true }) : [];
        const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
        for (let i = 0; i < uids.length; i += FETCH_CHUNK) {
          const chunk = uids.slice(i, i + FETCH_CHUNK);
          const fetched = await client.fetchAll(
            chunk.join(','),
            { uid: true, source: true, envelope: true },
            { uid: true },
          );
          fetched.sort((a, b) => a.uid - b.uid);
          const batch = fetched.flatMap((message) =>
            message.source && message.uid > lastUid
              ? [
                  {
                    uid: message.uid,
                    raw: message.source,
                    envelope: {
                      from: message.envelope?.from?.[0]?.address ?? null,
                      to: (message.envelope?.to ?? []).map((a) => a.address).filter((a): a is string => !!a),
                    },
                  },
                ]
              : [],
          );
          const imported = await importBatch(ctx, ingest, mailbox, batch);
          result.imported += imported;
          result.alreadyImported += batch.length - imported;
          if (batch.length > 0) lastUid = batch.at(-1)!.uid;
        }
      };
      await fetchNew();
      // IDLE where the server offers it: new mail is announced (EXISTS) and fetched at once.
      const until = Date.now() + (options.idleMs ?? 0);
      if (options.idleMs && client.capabilities.has('IDLE')) {
        while (Date.now() < until && (exists() !== seenExists || (await newMailWithin(client, until - Date.now()))))
          await fetchNew();
      }
    } finally {
      lock.release();
    }
    await client.logout().catch(() => undefined);
    await markHealthy(ctx, mailbox, startedAt);
  } catch (error) {
    client.close();
    result.error = describeError(error);
    await markFailing(ctx, mailbox, result.error);
  }
  return result;
}

async function takeLease(db: Db, mailboxId: string, now: Date): Promise<MailboxRow | null> {
  const [row] = await db
    .update(imapMailboxes)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(eq(imapMailboxes.id, mailboxId), or(isNull(imapMailboxes.leaseUntil), lt(imapMailboxes.leaseUntil, now))),
    )
    .returning();
  return row ?? null;
}

interface Fetched {
  uid: number;
  raw: Buffer;
  envelope: IngestRawEmailInput['envelope'];
}

/**
 * A fetched chunk (in UID order) imported in one transaction — the hashes, the messages in one
 * insert, the last UID — and what it stored handed to processing at once (inbound-hand-off.ts),
 * as the SMTP listener does. If the chunk fails, its messages go again one by one, so that
 * everything before a bad message is kept and the poll stops at it. Answers how many were new.
 */
async function importBatch(ctx: DeskContext, ingest: Ingest, mailbox: MailboxRow, batch: Fetched[]): Promise<number> {
  if (batch.length === 0) return 0;
  if (batch.length > 1) {
    try {
      return await importTogether(ctx, ingest, mailbox, batch);
    } catch {
      // Nothing of the chunk was kept: one by one, to keep what can be kept.
    }
  }
  let imported = 0;
  for (const message of batch) imported += await importTogether(ctx, ingest, mailbox, [message]);
  return imported;
}

async function importTogether(
  ctx: DeskContext,
  ingest: Ingest,
  mailbox: MailboxRow,
  batch: Fetched[],
): Promise<number> {
  const rows = batch.map((m) => ({
    mailboxId: mailbox.id,
    sha256: crypto.createHash('sha256').update(m.raw).digest('hex'),
    uid: m.uid,
  }));
  const { fresh, stored } = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const inserted = await tx
      .insert(imapImportedMessages)
      .values(rows)
      .onConflictDoNothing()
      .returning({ uid: imapImportedMessages.uid });
    const uids = new Set(inserted.map((r) => Number(r.uid)));
    const fresh = batch.filter((m) => uids.has(m.uid));
    const inputs = fresh.map((m): IngestRawEmailInput => ({
      workspaceId: mailbox.workspaceId,
      raw: m.raw,
      source: 'imap',
      envelope: m.envelope,
    }));
    const stored = inputs.length > 0 ? await ingest({ ...ctx, db: tx }, inputs) : [];
    await tx
      .update(imapMailboxes)
      .set({ lastUid: batch.at(-1)!.uid })
      .where(eq(imapMailboxes.id, mailbox.id));
    return { fresh, stored: stored ?? [] };
  });
  handOverStoredInbound(
    ctx.db,
    stored.flatMap((s, i) =>
      s.created
        ? [
            {
              id: s.id,
              known: { raw: fresh[i]!.raw, envelopeTo: fresh[i]!.envelope.to, workspaceId: mailbox.workspaceId },
            },
          ]
        : [],
    ),
  );
  return fresh.length;
}

/** Waits in IDLE until the server announces new messages (true) or the time is up (false). */
function newMailWithin(client: ImapFlow, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (grew: boolean) => {
      clearTimeout(timer);
      client.off('exists', onExists);
      client.off('close', onClose);
      resolve(grew);
    };
    const onExists = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), Math.max(0, ms));
    client.on('exists', onExists);
    client.on('close', onClose);
    // Resolves when IDLE ends (the next command breaks it); errors surface on that command.
    void client.idle().catch(() => undefined);
  });
}

/** `polledAt`: when the poll began, so that one that watched in IDLE is due again a minute after it began. */
async function markHealthy(ctx: DeskContext, mailbox: MailboxRow, polledAt: Date): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .update(imapMailboxes)
    .set({ lastPolledAt: polledAt, lastError: null, failingSince: null, leaseUntil: null })
    .where(eq(imapMailboxes.id, mailbox.id));
  if (mailbox.failingSince) {
    await appendEvents(ctx.db, [
      {
        workspaceId: mailbox.workspaceId,
        caseId: null,
        customerId: null,
        actorUserId: null,
        occurredAt: now,
        type: 'mailbox.recovered',
        data: { mailboxId: mailbox.id },
      },
    ]);
  }
}

async function markFailing(ctx: DeskContext, mailbox: MailboxRow, error: string): Promise<void> {
  const now = ctx.now();
  console.error(`[kept] IMAP mailbox ${mailbox.username}@${mailbox.host}/${mailbox.mailbox} is failing: ${error}`);
  await ctx.db
    .update(imapMailboxes)
    .set({ lastPolledAt: now, lastError: error, failingSince: mailbox.failingSince ?? now, leaseUntil: null })
    .where(eq(imapMailboxes.id, mailbox.id));
  if (!mailbox.failingSince) {
    await appendEvents(ctx.db, [
      {
        workspaceId: mailbox.workspaceId,
        caseId: null,
        customerId: null,
        actorUserId: null,
        occurredAt: now,
        type: 'mailbox.failing',
        data: { mailboxId: mailbox.id, error },
      },
    ]);
  }
}

function describeError(error: unknown): string {
  const e = error as { message?: string; responseText?: string; authenticationFailed?: boolean; code?: string };
  if (e.authenticationFailed) return `Login refused by the server (${e.responseText ?? 'wrong user name or password'})`;
  const detail = e.responseText ? ` (${e.responseText})` : e.code ? ` (${e.code})` : '';
  return `${e.message ?? String(error)}${detail}`.slice(0, 500);
}

/** Every mailbox whose turn it is (not polled for a minute, not held by another poller). */
export async function pollDueMailboxes(ctx: DeskContext, options: { ingest?: Ingest } = {}): Promise<PollResult[]> {
  const now = ctx.now();
  const due = await ctx.db
    .select({ id: imapMailboxes.id })
    .from(imapMailboxes)
    .where(
      and(
        or(
          isNull(imapMailboxes.lastPolledAt),
          lt(imapMailboxes.lastPolledAt, new Date(now.getTime() - POLL_INTERVAL_MS + 5_000)),
        ),
        or(isNull(imapMailboxes.leaseUntil), lt(imapMailboxes.leaseUntil, now)),
      ),
    )
    .orderBy(asc(imapMailboxes.lastPolledAt))
    .limit(100);
  // At once: each may stay connected in IDLE for most of the minute.
  return Promise.all(due.map((mailbox) => pollMailbox(ctx, mailbox.id, { ...options, idleMs: IDLE_WATCH_MS })));
}
