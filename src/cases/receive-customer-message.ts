import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { acknowledgeMessage } from '../acknowledgements/acknowledge-message.ts';
import { findOrCreateCustomer, type CustomerIdentity } from '../customers/find-or-create-customer.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, messages, tasks } from '../db/schema.ts';
import { KeptError, notFound } from '../errors/kept-error.ts';
import { detectSupervisorRequest } from '../escalations/supervisor-request-phrases.ts';
import { openEscalation } from '../escalations/open-escalation.ts';
import { appendEvents } from '../events/append-events.ts';
import type { Channel, NewEvent } from '../events/event-types.ts';
import { TimerBatch, type DeskContext } from '../jobs/desk-context.ts';
import { TIMER } from '../jobs/timer-names.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { makePromise } from '../promises/make-promise.ts';
import { loadWorkspace } from '../workspaces/load-workspace.ts';
import { pickIntakeOwner } from './assign-intake-owner.ts';
import { caseReference } from './case-reference.ts';
import { statusAfterCustomerMessage } from './case-status.ts';
import { shouldAcknowledge } from '../acknowledgements/acknowledgement-window.ts';
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
 *
 * Intake is the busiest write path, so it is written in few round trips (docs/BENCHMARKS.md,
 * "Core desk"): a threaded message reads its case, customer, open first-response promise and
 * first acknowledgement in one locked select; the case's write carries the acknowledgement
 * time; the events of the message go in one multi-row insert and its timers in one insert per
 * timer name, both at the end.
 */
export async function receiveCustomerMessage(ctx: DeskContext, input: ReceiveMessageInput) {
  const body = input.body.trim();
  if (body.length === 0) throw new KeptError('request.invalid', 'The message is empty', { field: 'body' });
  const workspace = await loadWorkspace(ctx.db, input.workspaceId);
  const settings = workspace.settings;
  const detected = detectLanguage(body);

  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const timers = new TimerBatch(ctx.timers);
    const txCtx: DeskContext = { ...ctx, db: tx, timers };
    const now = ctx.now();
    const thread = input.caseId ? await lockCaseForMessage(tx, workspace.id, input.caseId) : null;
    const who = input.customer ?? (thread ? { id: thread.caseRow.customerId } : null);
    if (!who) throw new KeptError('request.invalid', 'Say who wrote: a customer or a case', { field: 'customer' });
    let customer =
      thread && !input.customer ? thread.customer : await findOrCreateCustomer(tx, workspace.id, { ...who, language: who.language ?? detected.language }, now);
    if (detected.language && customer.language !== detected.language && (!customer.language || detected.confidence >= 0.5)) {
      [customer] = await tx.update(customers).set({ language: detected.language }).where(eq(customers.id, customer.id)).returning() as [typeof customer];
    }
    const language = customer.language ?? detected.language;
    const events: NewEvent[] = [];
    const base = { workspaceId: workspace.id, customerId: customer.id, actorUserId: input.loggedByUserId ?? null, occurredAt: now };

    // The message is written by the same statement as the case (a data-modifying CTE), so its
    // id and its case's id are made here. Foreign keys are checked at the end of the statement.
    const message = { id: randomUUID() };
    const caseId = thread?.caseRow.id ?? randomUUID();
    const insertMessage = tx.$with('inserted_message').as(
      tx
        .insert(messages)
        .values({
          id: message.id,
          workspaceId: workspace.id,
          caseId,
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
        .returning({ id: messages.id }),
    );
    let caseRow: typeof cases.$inferSelect;
    let opened = false;
    // Decided before the case is written, so that the same write records the acknowledgement.
    let acknowledgedBefore: Date | null = null;
    if (thread) {
      const existing = thread.caseRow;
      if (existing.customerId !== customer.id) {
        throw new KeptError('request.invalid', 'The message is not from this case’s customer', { field: 'customer' });
      }
      acknowledgedBefore = existing.lastAcknowledgedAt;
      const acknowledging = shouldAcknowledge(existing.lastAcknowledgedAt, now, settings.acknowledgementWindowMinutes);
      const nextStatus = statusAfterCustomerMessage(existing.status);
      [caseRow] = (await tx
        .with(insertMessage)
        .update(cases)
        .set({ status: nextStatus, lastCustomerMessageAt: now, updatedAt: now, ...(acknowledging ? { lastAcknowledgedAt: now } : {}) })
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
        .with(insertMessage)
        .insert(cases)
        .values({
          id: caseId,
          workspaceId: workspace.id,
          customerId: customer.id,
          subject,
          status: 'new',
          channel: input.channel,
          language,
          ownerId: owner.userId,
          lastCustomerMessageAt: now,
          // A new case has never been acknowledged, so this message is (acknowledgeMessage).
          lastAcknowledgedAt: now,
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

    events.push({ ...base, caseId: caseRow.id, type: 'message.received', data: { messageId: message.id, channel: input.channel } });

    // The acknowledgement's time is a promise: a first answer by then — quoted from measured
    // capability (issue 4, K4), or the fixed setting while there is no history to quote from.
    // An open first-response promise already fixes that time, and then no quote is needed.
    const openFirstResponse = thread?.openFirstResponse ?? null;
    const { quote } =
      settings.quoteFromCapability === false || openFirstResponse
        ? { quote: null }
        : await quoteFor(tx, workspace, { kind: 'first_response', channel: input.channel, language: caseRow.language, priority: caseRow.priority, category: caseRow.category, ownerId: caseRow.ownerId }, now);
    const promisedBy = quote?.dueAt ?? new Date(now.getTime() + settings.firstResponseMinutes * 60_000);
    const ownerId = caseRow.ownerId!;
    const acknowledgement = await acknowledgeMessage(txCtx, {
      workspace,
      caseRow: { ...caseRow, lastAcknowledgedAt: acknowledgedBefore },
      customer,
      messageId: message.id,
      channel: input.channel,
      reference,
      promisedBy: openFirstResponse?.dueAt ?? promisedBy,
      portalUrl: portalUrlFor(ctx.publicUrl, workspace, customer.id),
      expectUrl: opened ? expectationUrlFor(ctx.publicUrl, workspace, caseRow.id) : null,
      batched: { previousAcknowledgementId: thread?.firstAcknowledgementId ?? null, events },
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
        events,
      });
    }
    // Written before the task and escalation events, which keeps the order of the case's events.
    await appendEvents(tx, events);
    if (NEEDS_FOLLOW_UP_TASK.includes(input.channel)) {
      const [task] = await tx
        .insert(tasks)
        .values({
          workspaceId: workspace.id,
          caseId: caseRow.id,
          assigneeId: ownerId,
          kind: 'follow_up_contact',
          title: '', // named on screen from its kind, in the reader's language
          sourceMessageId: message.id,
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

    await timers.schedule(tx, {
      name: TIMER.caseAssessHell,
      payload: { workspaceId: workspace.id, caseId: caseRow.id },
      startAfter: now,
    });
    await timers.flush(tx);
    return { caseRow, customer, messageId: message.id, reference, opened, acknowledgement, escalation: escalation?.escalation ?? null };
  });
}

/**
 * A message threaded onto a case: the case (locked, as its update would lock it), its customer,
 * its open first-response promise and its first acknowledgement, in one statement.
 */
async function lockCaseForMessage(db: Db, workspaceId: string, caseId: string) {
  const [row] = await db
    .select({
      caseRow: cases,
      customer: customers,
      promiseId: sql<string | null>`(select p.id from promises p where p.case_id = ${cases.id} and p.kind = 'first_response' and p.status = 'open' limit 1)`,
      // Epoch milliseconds: a raw timestamp's text form differs between drivers.
      promiseDueAt: sql<number | null>`(select (extract(epoch from p.due_at) * 1000)::float8 from promises p where p.case_id = ${cases.id} and p.kind = 'first_response' and p.status = 'open' limit 1)`,
      firstAcknowledgementId: sql<string | null>`(select a.id from acknowledgements a where a.case_id = ${cases.id} order by a.created_at limit 1)`,
    })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  if (!row) throw notFound('The case');
  return {
    caseRow: row.caseRow,
    customer: row.customer,
    openFirstResponse: row.promiseId ? { id: row.promiseId, dueAt: new Date(Number(row.promiseDueAt)) } : null,
    firstAcknowledgementId: row.firstAcknowledgementId,
  };
}
