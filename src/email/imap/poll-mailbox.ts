import { openCredential } from '../../secrets/index.ts';
import crypto from 'node:crypto';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Db } from '../../db/open-database.ts';
import { imapImportedMessages, imapMailboxes } from '../../db/schema-email.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { ingestRawEmail, type IngestRawEmailInput } from '../inbound/ingest-raw-email.ts';
import type { MailboxPollResult } from '../../contract/route-response-types.ts';

export type MailboxRow = typeof imapMailboxes.$inferSelect;
export type Ingest = (ctx: DeskContext, input: IngestRawEmailInput) => Promise<unknown>;

export const POLL_INTERVAL_MS = 60_000;
/** A poller holds a mailbox this long at most; a dead one's lease simply runs out. */
const LEASE_MS = 10 * 60_000;
const FETCH_CHUNK = 50;

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
  options: { ingest?: Ingest; connectTimeoutMs?: number } = {},
): Promise<PollResult> {
  const ingest = options.ingest ?? ingestRawEmail;
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
      // "n:*" always includes the highest UID even when it is below n: filter.
      const found = opened.exists > 0 ? await client.search({ uid: `${lastUid + 1}:*` }, { uid: true }) : [];
      const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
      for (let i = 0; i < uids.length; i += FETCH_CHUNK) {
        const chunk = uids.slice(i, i + FETCH_CHUNK);
        const fetched = await client.fetchAll(
          chunk.join(','),
          { uid: true, source: true, envelope: true },
          { uid: true },
        );
        fetched.sort((a, b) => a.uid - b.uid);
        for (const message of fetched) {
          if (!message.source || message.uid <= lastUid) continue;
          const imported = await importOne(ctx, ingest, mailbox, message.uid, message.source, {
            from: message.envelope?.from?.[0]?.address ?? null,
            to: (message.envelope?.to ?? []).map((a) => a.address).filter((a): a is string => !!a),
          });
          if (imported) result.imported++;
          else result.alreadyImported++;
          lastUid = message.uid;
        }
      }
    } finally {
      lock.release();
    }
    await client.logout().catch(() => undefined);
    await markHealthy(ctx, mailbox);
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

async function importOne(
  ctx: DeskContext,
  ingest: Ingest,
  mailbox: MailboxRow,
  uid: number,
  raw: Buffer,
  envelope: IngestRawEmailInput['envelope'],
): Promise<boolean> {
  const sha256 = crypto.createHash('sha256').update(raw).digest('hex');
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [fresh] = await tx
      .insert(imapImportedMessages)
      .values({ mailboxId: mailbox.id, sha256, uid })
      .onConflictDoNothing()
      .returning({ uid: imapImportedMessages.uid });
    if (fresh) await ingest({ ...ctx, db: tx }, { workspaceId: mailbox.workspaceId, raw, source: 'imap', envelope });
    await tx.update(imapMailboxes).set({ lastUid: uid }).where(eq(imapMailboxes.id, mailbox.id));
    return !!fresh;
  });
}

async function markHealthy(ctx: DeskContext, mailbox: MailboxRow): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .update(imapMailboxes)
    .set({ lastPolledAt: now, lastError: null, failingSince: null, leaseUntil: null })
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
  const results: PollResult[] = [];
  for (const mailbox of due) results.push(await pollMailbox(ctx, mailbox.id, options));
  return results;
}
