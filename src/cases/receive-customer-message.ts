import { and, eq, inArray } from 'drizzle-orm';
import { acknowledgeMessage } from '../acknowledgements/acknowledge-message.ts';
import { findOrCreateCustomer, type CustomerIdentity } from '../customers/find-or-create-customer.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, messages, promises, tasks } from '../db/schema.ts';
import { KeptError, notFound } from '../errors/kept-error.ts';
import { detectSupervisorRequest } from '../escalations/supervisor-request-phrases.ts';
import { openEscalation } from '../escalations/open-escalation.ts';
import { appendEvents } from '../events/append-events.ts';
import type { Channel, NewEvent } from '../events/event-types.ts';
import type { DeskContext } from '../jobs/desk-context.ts';
import { TIMER } from '../jobs/timer-names.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { makePromise } from '../promises/make-promise.ts';
import { loadWorkspace } from '../workspaces/load-workspace.ts';
import { pickIntakeOwner } from './assign-intake-owner.ts';
import { caseReference } from './case-reference.ts';
import { statusAfterCustomerMessage } from './case-status.ts';
import { portalUrlFor } from '../portal/portal-token.ts';
import { expectationUrlFor } from '../portal/expectation-link.ts';
import { quoteFor } from '../promises/capability/quote-for-case.ts';

// Channels where the customer is not waiting on a screen and nothing goes back by itself:
// a person must answer, so a follow-up task is created for the owner.
const NEEDS_FOLLOW_UP_TASK: readonly Channel[] = ['phone', 'voicemail', 'letter', 'fax'];

export interface ReceiveMessageInput {
  workspaceId: string;
  /** Threads onto this case; without it a new case is opened. */
  caseId?: string;
  /** Who wrote; on an existing case it defaults to the case's customer. */
  customer?: CustomerIdentity;
  channel: Channel;
  subject?: string;
  body: string;
  /** A staff member logging the contact (a phone call, a fax); null when the customer wrote in. */
  loggedByUserId?: string | null;
  externalId?: string | null;
  /** E-mail: the folded quoted history/signature and the sanitized HTML, kept beside the new part. */
  quotedText?: string | null;
  htmlBody?: string | null;
}

/**
 * The arrival of any customer contact on any channel: find the customer, thread or open the
 * case with an accountable owner, store the message, acknowledge it with a realistic time
 * that becomes a promise, open an escalation if a supervisor was asked for, and queue the
 * hell assessment. One transaction: either all of it is stored or nothing is.
 */
export async function receiveCustomerMessage(ctx: DeskContext, input: ReceiveMessageInput) {
  const body = input.body.trim();
  if (body.length === 0) throw new KeptError('request.invalid', 'The message is empty', { field: 'body' });
  const workspace = await loadWorkspace(ctx.db, input.workspaceId);
  const settings = workspace.settings;
  const detected = detectLanguage(body);

  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const txCtx: DeskContext = { ...ctx, db: tx };
    const now = ctx.now();
    const who = input.customer ?? (input.caseId ? { id: await customerIdOfCase(tx, workspace.id, input.caseId) } : null);
    if (!who) throw new KeptError('request.invalid', 'Say who wrote: a customer or a case', { field: 'customer' });
    let customer = await findOrCreateCustomer(tx, workspace.id, { ...who, language: who.language ?? detected.language }, now);
    if (detected.language && customer.language !== detected.language && (!customer.language || detected.confidence >= 0.5)) {
      [customer] = await tx.update(customers).set({ language: detected.language }).where(eq(customers.id, customer.id)).returning() as [typeof customer];
    }
    const language = customer.language ?? detected.language;
    const events: NewEvent[] = [];
    const base = { workspaceId: workspace.id, customerId: customer.id, actorUserId: input.loggedByUserId ?? null, occurredAt: now };

    let caseRow: typeof cases.$inferSelect;
    let opened = false;
    if (input.caseId) {
      const [existing] = await tx
        .select()
        .from(cases)
        .where(and(eq(cases.workspaceId, workspace.id), eq(cases.id, input.caseId)));
      if (!existing) throw notFound('The case');
      if (existing.customerId !== customer.id) {
        throw new KeptError('request.invalid', 'The message is not from this case’s customer', { field: 'customer' });
      }
      const nextStatus = statusAfterCustomerMessage(existing.status);
      [caseRow] = (await tx
        .update(cases)
        .set({ status: nextStatus, lastCustomerMessageAt: now, updatedAt: now })
        .where(eq(cases.id, existing.id))
        .returning()) as [typeof caseRow];
      if (nextStatus !== existing.status) {
        events.push({ ...base, caseId: caseRow.id, type: 'case.status_changed', data: { from: existing.status, to: nextStatus } });
      }
    } else {
      const owner = await pickIntakeOwner(tx, workspace.id, language);
      if (!owner) throw new KeptError('case.no_owner_available', 'The workspace has no active staff to own the case');
      const subject = (input.subject?.trim() || body.split('\n')[0]!).slice(0, 200);
      [caseRow] = (await tx
        .insert(cases)
        .values({
          workspaceId: workspace.id,
          customerId: customer.id,
          subject,
          status: 'new',
          channel: input.channel,
          language,
          ownerId: owner.userId,
          lastCustomerMessageAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning()) as [typeof caseRow];
      opened = true;
      events.push(
        { ...base, caseId: caseRow.id, type: 'case.opened', data: { channel: input.channel, subject } },
        { ...base, caseId: caseRow.id, type: 'case.assigned', data: { toUserId: owner.userId, reason: owner.reason } },
      );
    }
    const reference = caseReference(caseRow.number);

    const [message] = await tx
      .insert(messages)
      .values({
        workspaceId: workspace.id,
        caseId: caseRow.id,
        customerId: customer.id,
        direction: 'inbound',
        channel: input.channel,
        body,
        language: detected.language,
        authorUserId: input.loggedByUserId ?? null,
        externalId: input.externalId ?? null,
        quotedText: input.quotedText ?? null,
        htmlBody: input.htmlBody ?? null,
        createdAt: now,
      })
      .returning({ id: messages.id });
    events.push({ ...base, caseId: caseRow.id, type: 'message.received', data: { messageId: message!.id, channel: input.channel } });
    await appendEvents(tx, events);

    // The acknowledgement's time is a promise: a first answer by then — quoted from measured
    // capability (issue 4, K4), or the fixed setting while there is no history to quote from.
    const { quote } =
      settings.quoteFromCapability === false
        ? { quote: null }
        : await quoteFor(tx, workspace, { kind: 'first_response', channel: input.channel, language: caseRow.language, priority: caseRow.priority, category: caseRow.category, ownerId: caseRow.ownerId }, now);
    const promisedBy = quote?.dueAt ?? new Date(now.getTime() + settings.firstResponseMinutes * 60_000);
    const [openFirstResponse] = await tx
      .select({ id: promises.id, dueAt: promises.dueAt })
      .from(promises)
      .where(and(eq(promises.caseId, caseRow.id), eq(promises.kind, 'first_response'), inArray(promises.status, ['open'])))
      .limit(1);
    const ownerId = caseRow.ownerId!;
    const acknowledgement = await acknowledgeMessage(txCtx, {
      workspace,
      caseRow,
      customer,
      messageId: message!.id,
      channel: input.channel,
      reference,
      promisedBy: openFirstResponse?.dueAt ?? promisedBy,
      portalUrl: portalUrlFor(ctx.publicUrl, workspace, customer.id),
      expectUrl: opened ? expectationUrlFor(ctx.publicUrl, workspace, caseRow.id) : null,
    });
    if (acknowledgement && !openFirstResponse) {
      await makePromise(txCtx, {
        workspaceId: workspace.id,
        caseId: caseRow.id,
        customerId: customer.id,
        ownerId,
        kind: 'first_response',
        channel: input.channel,
        description: '', // the kind says it all, in any language
        dueAt: promisedBy,
        actorUserId: null,
        reminderMinutes: settings.promiseReminderMinutes,
        quote: quote ? { dueAt: quote.dueAt, minutes: quote.minutes, percentile: quote.percentile, sampleSize: quote.sampleSize } : null,
      });
    }
    if (NEEDS_FOLLOW_UP_TASK.includes(input.channel)) {
      const [task] = await tx
        .insert(tasks)
        .values({
          workspaceId: workspace.id,
          caseId: caseRow.id,
          assigneeId: ownerId,
          kind: 'follow_up_contact',
          title: '', // named on screen from its kind, in the reader's language
          sourceMessageId: message!.id,
          dueAt: openFirstResponse?.dueAt ?? promisedBy,
          createdAt: now,
        })
        .returning({ id: tasks.id, dueAt: tasks.dueAt });
      await appendEvents(tx, [
        { ...base, caseId: caseRow.id, type: 'task.created', data: { taskId: task!.id, kind: 'follow_up_contact', dueAt: task!.dueAt.toISOString(), assigneeId: ownerId } },
      ]);
    }

    const supervisor = detectSupervisorRequest(body);
    const escalation = supervisor.requested
      ? await openEscalation(txCtx, {
          workspaceId: workspace.id,
          caseId: caseRow.id,
          customerId: customer.id,
          via: 'message',
          reason: supervisor.phrase ?? '',
          actorUserId: null,
          deadlineMinutes: settings.escalationDeadlineMinutes,
        })
      : null;

    await ctx.timers.schedule(tx, {
      name: TIMER.caseAssessHell,
      payload: { workspaceId: workspace.id, caseId: caseRow.id },
      startAfter: now,
    });
    return { caseRow, customer, messageId: message!.id, reference, opened, acknowledgement, escalation: escalation?.escalation ?? null };
  });
}

async function customerIdOfCase(db: Db, workspaceId: string, caseId: string): Promise<string> {
  const [row] = await db
    .select({ customerId: cases.customerId })
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)));
  if (!row) throw notFound('The case');
  return row.customerId;
}
