import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { queryRows, type Db } from '../../db/open-database.ts';
import { emailSinkMessages, outbox } from '../../db/schema-email.ts';
import { cases, customers, messages, tasks } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { replyToAddressFor } from '../reply-address.ts';
import { bareMessageId, recordThreadId } from '../thread-ids.ts';
import {
  messageIdDomain,
  newMessageId,
  outcomeOfFailure,
  threadingHeaders,
  type SendFailure,
  type ThreadMessage,
} from './delivery-rules.ts';
import { renderOutboundHtml } from './email-html.ts';
import { EMAIL_JOB } from '../../kernel/job-names.ts';
import { loadEmailSettings, senderIdentity, type EmailSettingsRow, type SenderIdentity } from './email-settings.ts';
import { relayTransport, sinkTransport } from './mail-transports.ts';
import { attachmentsOfMessage } from './outbound-attachments.ts';

type OutboxRow = typeof outbox.$inferSelect;

export const BATCH_SIZE = 20;
/** A claimed row not finished by then belongs to a sender that died: it is claimed again. */
const CLAIM_LEASE_MS = 5 * 60_000;
/** One job run sends at most this many batches, so one busy workspace cannot hold a worker forever. */
const MAX_BATCHES_PER_RUN = 50;

export interface DeliveryCounts {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the due e-mail outbox rows, in batches. A row is claimed (status 'sending') under
 * FOR UPDATE SKIP LOCKED before anything goes out, so two Kept instances never send the same
 * row; the network call happens outside any transaction. The one gap SMTP leaves — a crash
 * after the relay's 250 and before the row is marked sent — resends after the lease, with the
 * same Message-ID, which mail clients treat as the same message.
 */
export async function deliverOutbox(
  ctx: DeskContext,
  payload: { workspaceId?: string | undefined },
): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
  let nextRetry: Date | null = null;
  const settingsCache = new Map<string, Promise<{ settings: EmailSettingsRow | null; identity: SenderIdentity }>>();
  const senderOf = (workspaceId: string) => {
    let entry = settingsCache.get(workspaceId);
    if (!entry) {
      entry = loadEmailSettings(ctx.db, workspaceId).then(async (settings) => ({
        settings,
        identity: await senderIdentity(ctx.db, workspaceId, settings),
      }));
      settingsCache.set(workspaceId, entry);
    }
    return entry;
  };
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const claimed = await claimBatch(ctx.db, ctx.now(), payload.workspaceId);
    if (claimed.length === 0) break;
    const rows = await fixHeaders(ctx, claimed, senderOf);
    const outcomes = await Promise.all(rows.map((row) => deliverOne(ctx, row, senderOf)));
    const sentIds = rows.filter((_, i) => outcomes[i]!.kind === 'sent').map((r) => r.id);
    if (sentIds.length > 0) {
      // One update for the whole batch: the row count is what limits the send rate, not SMTP.
      await ctx.db
        .update(outbox)
        .set({ status: 'sent', sentAt: ctx.now(), lastError: null, nextAttemptAt: null })
        .where(and(inArray(outbox.id, sentIds), eq(outbox.status, 'sending')));
    }
    for (const outcome of outcomes) {
      counts[outcome.kind]++;
      if (outcome.kind === 'retrying' && (!nextRetry || outcome.at < nextRetry)) nextRetry = outcome.at;
    }
    if (claimed.length < BATCH_SIZE) break;
  }
  if (nextRetry) {
    await ctx.timers.schedule(ctx.db, {
      name: EMAIL_JOB.outboxSend,
      payload: payload.workspaceId ? { workspaceId: payload.workspaceId } : {},
      startAfter: nextRetry,
    });
  }
  return counts;
}

async function claimBatch(db: Db, now: Date, workspaceId: string | undefined): Promise<OutboxRow[]> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const due = or(
      and(eq(outbox.status, 'pending'), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))),
      and(eq(outbox.status, 'sending'), lte(outbox.nextAttemptAt, now)),
    );
    const rows = await tx
      .select()
      .from(outbox)
      // The status list repeats the partial index's predicate so the planner can use it.
      .where(
        and(
          inArray(outbox.status, ['pending', 'sending']),
          eq(outbox.channel, 'email'),
          due,
          workspaceId ? eq(outbox.workspaceId, workspaceId) : undefined,
        ),
      )
      .orderBy(asc(outbox.createdAt))
      .limit(BATCH_SIZE)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(outbox)
      .set({
        status: 'sending',
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS),
      })
      .where(
        inArray(
          outbox.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}

type Outcome = { kind: 'sent' } | { kind: 'retrying'; at: Date } | { kind: 'failed' };

async function deliverOne(
  ctx: DeskContext,
  row: OutboxRow,
  senderOf: (workspaceId: string) => Promise<{ settings: EmailSettingsRow | null; identity: SenderIdentity }>,
): Promise<Outcome> {
  try {
    const { settings, identity } = await senderOf(row.workspaceId);
    // The sending instant from the desk's clock: the Date header and the sink's time are when the mail
    // went, also when the demo replays its history on a simulated clock.
    const sentAt = ctx.now();
    const mail = {
      ...composeMail(row, identity, sentAt),
      attachments: await attachmentsOfMessage(ctx.db, row.messageId),
    };
    if (settings?.smtpHost) {
      await relayTransport(settings).sendMail(mail);
    } else {
      const info = await sinkTransport().sendMail(mail);
      await storeInSink(ctx.db, row, identity, info.message as Buffer, sentAt);
    }
    return { kind: 'sent' };
  } catch (error) {
    return recordFailure(ctx, row, toFailure(error));
  }
}

function toFailure(error: unknown): SendFailure {
  const e = error as { message?: string; responseCode?: number; response?: string };
  return { message: (e.response ?? e.message ?? String(error)).slice(0, 1000), responseCode: e.responseCode };
}

/**
 * Message-ID, In-Reply-To, References and Reply-To are fixed once, before the first attempt,
 * so every retry carries the same ones: for the whole batch in one transaction.
 */
async function fixHeaders(
  ctx: DeskContext,
  rows: OutboxRow[],
  senderOf: (workspaceId: string) => Promise<{ settings: EmailSettingsRow | null; identity: SenderIdentity }>,
): Promise<OutboxRow[]> {
  const need = rows.filter((r) => !r.messageIdHeader).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (need.length === 0) return rows;
  const identities = new Map<string, SenderIdentity>();
  for (const workspaceId of new Set(need.map((r) => r.workspaceId)))
    identities.set(workspaceId, (await senderOf(workspaceId)).identity);
  const caseIds = [...new Set(need.map((r) => r.caseId).filter((id): id is string => !!id))];
  const fixed = new Map<string, OutboxRow>();
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const caseInfo = new Map<string, { number: number; language: string | null }>();
    const threads = new Map<string, ThreadMessage[]>();
    if (caseIds.length > 0) {
      const caseRows = await tx
        .select({
          id: cases.id,
          number: cases.number,
          caseLanguage: cases.language,
          customerLanguage: customers.language,
        })
        .from(cases)
        .innerJoin(customers, eq(customers.id, cases.customerId))
        .where(inArray(cases.id, caseIds));
      for (const c of caseRows)
        caseInfo.set(c.id, { number: c.number, language: c.customerLanguage ?? c.caseLanguage });
      // The last 20 e-mail Message-IDs of each case, both directions.
      const known = await queryRows<{
        case_id: string;
        message_id: string;
        direction: 'inbound' | 'outbound';
        at: Date | string;
      }>(
        tx,
        sql`select case_id, message_id, direction, at from (
              select case_id, message_id, direction, at, row_number() over (partition by case_id order by at desc) as rn from (
                select ${messages.caseId} as case_id, ${messages.externalId} as message_id, 'inbound' as direction, ${messages.createdAt} as at
                  from ${messages}
                  where ${inArray(messages.caseId, caseIds)} and ${messages.direction} = 'inbound' and ${messages.channel} = 'email' and ${messages.externalId} is not null
                union all
                select ${outbox.caseId}, ${outbox.messageIdHeader}, 'outbound', ${outbox.createdAt}
                  from ${outbox}
                  where ${inArray(outbox.caseId, caseIds)} and ${outbox.messageIdHeader} is not null
              ) as thread
            ) as ranked where rn <= 20`,
      );
      for (const k of known) {
        const list = threads.get(k.case_id) ?? [];
        list.push({ messageId: k.message_id, direction: k.direction, at: new Date(k.at) });
        threads.set(k.case_id, list);
      }
    }
    const planned: OutboxRow[] = [];
    for (const row of need) {
      const identity = identities.get(row.workspaceId)!;
      const messageIdHeader = newMessageId(crypto.randomUUID(), messageIdDomain(identity.from.address, identity.slug));
      const info = row.caseId ? caseInfo.get(row.caseId) : undefined;
      const thread = row.caseId ? (threads.get(row.caseId) ?? []) : [];
      const { inReplyTo, references } = threadingHeaders(thread);
      planned.push({
        ...row,
        messageIdHeader,
        inReplyTo,
        references: references.join(' ') || null,
        replyTo: info && identity.supportAddress ? replyToAddressFor(info.number, identity.supportAddress) : null,
        language: row.language ?? info?.language ?? identity.defaultLanguage,
      });
      if (row.caseId) {
        // A later row of the same case in this batch threads under this one.
        thread.push({ messageId: messageIdHeader, direction: 'outbound', at: row.createdAt });
        threads.set(row.caseId, thread);
      }
    }
    // One statement for the batch; a row fixed meanwhile by an earlier attempt keeps its headers.
    const values = sql.join(
      planned.map(
        (p) =>
          sql`(${p.id}::uuid, ${p.messageIdHeader}::text, ${p.inReplyTo}::text, ${p.references}::text, ${p.replyTo}::text, ${p.language}::text)`,
      ),
      sql`, `,
    );
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update ${outbox} set message_id_header = v.mid, in_reply_to = v.irt, "references" = v.refs, reply_to = v.rt, language = v.lang
          from (values ${values}) as v(id, mid, irt, refs, rt, lang)
          where ${outbox.id} = v.id and ${outbox.messageIdHeader} is null
          returning ${outbox.id} as id`,
    );
    const updatedIds = new Set(updated.map((u) => u.id));
    for (const p of planned) {
      if (!updatedIds.has(p.id)) continue;
      fixed.set(p.id, p);
      if (p.caseId)
        await recordThreadId(tx, {
          workspaceId: p.workspaceId,
          messageIdHeader: p.messageIdHeader!,
          caseId: p.caseId,
          direction: 'outbound',
        });
    }
  });
  const missing = need.filter((r) => !fixed.has(r.id)).map((r) => r.id);
  if (missing.length > 0)
    for (const r of await ctx.db.select().from(outbox).where(inArray(outbox.id, missing))) fixed.set(r.id, r);
  return rows.map((r) => fixed.get(r.id) ?? r);
}

function composeMail(row: OutboxRow, identity: SenderIdentity, sentAt: Date): Mail.Options {
  const angle = (id: string) => `<${bareMessageId(id)}>`;
  const autoReply = row.kind === 'acknowledgement';
  return {
    from: { name: identity.from.name, address: identity.from.address },
    to: row.toAddress,
    date: sentAt,
    subject: row.subject,
    text: row.textBody,
    html: renderOutboundHtml({ text: row.textBody, html: row.htmlBody, language: row.language, subject: row.subject }),
    messageId: angle(row.messageIdHeader!),
    ...(row.inReplyTo ? { inReplyTo: angle(row.inReplyTo) } : {}),
    ...(row.references ? { references: row.references.split(' ').map(angle) } : {}),
    ...(row.replyTo ? { replyTo: row.replyTo } : {}),
    // Acknowledgements are machine-written: the marks stop auto-responders answering them and
    // let Kept's own listener recognise them if they come back. Agents' replies carry none.
    headers: autoReply
      ? { 'Auto-Submitted': 'auto-replied', 'X-Kept-Acknowledgement': '1', 'X-Auto-Response-Suppress': 'All' }
      : {},
  };
}

async function storeInSink(db: Db, row: OutboxRow, identity: SenderIdentity, raw: Buffer, sentAt: Date): Promise<void> {
  const source = raw.toString('utf8');
  await db.insert(emailSinkMessages).values({
    workspaceId: row.workspaceId,
    outboxId: row.id,
    messageIdHeader: row.messageIdHeader,
    fromAddress: identity.from.address,
    toAddress: row.toAddress,
    subject: row.subject,
    headers: headerMap(source),
    textBody: row.textBody,
    htmlBody: renderOutboundHtml({
      text: row.textBody,
      html: row.htmlBody,
      language: row.language,
      subject: row.subject,
    }),
    raw: source,
    createdAt: sentAt,
  });
}

/** The top-level headers as sent (unfolded; repeated names joined). */
export function headerMap(source: string): Record<string, string> {
  const end = source.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? source.slice(0, end) : source).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

async function recordFailure(ctx: DeskContext, row: OutboxRow, failure: SendFailure): Promise<Outcome> {
  const now = ctx.now();
  const outcome = outcomeOfFailure(failure, row.attempts, now);
  if (outcome.status === 'pending') {
    await ctx.db
      .update(outbox)
      .set({ status: 'pending', lastError: failure.message, nextAttemptAt: outcome.nextAttemptAt })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')));
    return { kind: 'retrying', at: outcome.nextAttemptAt };
  }
  // Given up: never silently. A fact on the case and a task for its owner.
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [failed] = await tx
      .update(outbox)
      .set({ status: 'failed', lastError: failure.message, nextAttemptAt: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')))
      .returning({ id: outbox.id });
    if (!failed || !row.caseId) return;
    const [caseRow] = await tx
      .select({ ownerId: cases.ownerId, customerId: cases.customerId })
      .from(cases)
      .where(eq(cases.id, row.caseId));
    if (!caseRow) return;
    const base = {
      workspaceId: row.workspaceId,
      caseId: row.caseId,
      customerId: caseRow.customerId,
      actorUserId: null,
      occurredAt: now,
    };
    await appendEvents(tx, [
      {
        ...base,
        type: 'email.failed',
        data: { outboxId: row.id, toAddress: row.toAddress, attempts: row.attempts, error: failure.message },
      },
    ]);
    if (caseRow.ownerId) {
      const [task] = await tx
        .insert(tasks)
        .values({
          workspaceId: row.workspaceId,
          caseId: row.caseId,
          assigneeId: caseRow.ownerId,
          kind: 'email_failed',
          title: `✉ ${row.toAddress}: ${failure.message}`.slice(0, 300),
          dueAt: now,
          createdAt: now,
        })
        .returning({ id: tasks.id });
      await appendEvents(tx, [
        {
          ...base,
          type: 'task.created',
          data: { taskId: task!.id, kind: 'email_failed', dueAt: now.toISOString(), assigneeId: caseRow.ownerId },
        },
      ]);
    }
  });
  return { kind: 'failed' };
}
