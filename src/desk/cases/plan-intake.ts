// The decisions of one intake, in plain code over what intake read (read-intake-state.ts): which
// customer, which case, the message, the acknowledgement and its promise, the follow-up task and the
// timers — everything write-intake.ts then writes in one statement. Split from
// receive-customer-message.ts, which chooses the path (cached, optimistic, locked).
import { randomUUID } from 'node:crypto';
import { planAcknowledgement } from '../acknowledgements/plan-acknowledgement.ts';
import {
  normalizeEmail,
  upsertCustomerByEmail,
  type CustomerIdentity,
  type CustomerRow,
} from '../../customers/index.ts';
import { truncateText } from '../../db/storable-text.ts';
import type { messages } from '../../db/schema.ts';
import { KeptError } from '../../errors/kept-error.ts';
import type { SupervisorRequest } from '../escalations/supervisor-request/supervisor-request-phrases.ts';
import type { Channel, NewEvent } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { LOGGED_CHANNELS } from '../../kernel/domain-words.ts';
import type { detectLanguage } from '../../language/index.ts';
import { planPromise } from '../promises/make-promise.ts';
import type { WorkspaceRow } from '../../workspaces/index.ts';
import { chooseOwner } from './choose-owner.ts';
import { caseReference } from '../../kernel/case-reference.ts';
import { statusAfterCustomerMessage } from './case-status.ts';
import { shouldAcknowledge } from '../acknowledgements/acknowledgement-window.ts';
import { expectationUrlFor, portalUrlFor } from '../../portal/index.ts';
import { quoteFor } from '../promises/capability/quote-for-case.ts';
import { isSameCustomer, readNewCase, readThread, type CaseRow, type ThreadState } from './read-intake-state.ts';
import { insideTransaction, type IntakeWrite } from './write-intake.ts';
import { hellAssessmentTimer } from '../service-hell/hell-assessment-timer.ts';
import type { ReceiveMessageInput } from './receive-customer-message.ts';

// Channels where the customer is not waiting on a screen and nothing goes back by itself:
// a person must answer, so a follow-up task is created for the owner.
const NEEDS_FOLLOW_UP_TASK: readonly Channel[] = LOGGED_CHANNELS;

/** What intake knows of a case after its write, but the row versions the write returns. */
export type KnownState = Omit<ThreadState, 'version' | 'customerVersion'> & { customerVersion: string | null };

/** The decisions of one intake on a fresh read: the rows to write and what to report. */
export async function planIntake(
  ctx: DeskContext,
  workspace: WorkspaceRow,
  input: ReceiveMessageInput,
  body: string,
  detected: ReturnType<typeof detectLanguage>,
  lock: boolean,
  known: ThreadState | null,
  supervisor: SupervisorRequest,
) {
  const settings = workspace.settings;
  const now = ctx.now();
  // A state this process wrote last (thread-cache.ts), else one a caller read along with its
  // own lookup (e-mail, first and unlocked try only), else a fresh read.
  const early = lock ? undefined : input.prefetched;
  const thread = input.caseId
    ? (known ??
      (early?.thread?.caseRow.id === input.caseId
        ? early.thread
        : await readThread(ctx.db, workspace.id, input.caseId, { lock })))
    : null;
  const opening = thread
    ? null
    : (early?.newCase ?? (await readNewCase(ctx.db, workspace.id, requireIdentity(input.customer))));
  if (thread && input.customer && !isSameCustomer(input.customer, thread.customer)) {
    throw new KeptError('request.invalid', 'The message is not from this case’s customer', { field: 'customer' });
  }

  let customer: CustomerRow;
  let newCustomer: IntakeWrite['newCustomer'] = null;
  let customerLanguage: IntakeWrite['customerLanguage'] = null;
  let upsertedVersion: string | null = null;
  if (thread || opening?.customer) {
    customer = thread ? thread.customer : opening!.customer!;
    const language = languageAfter(customer.language, detected);
    if (language !== customer.language) {
      customerLanguage = { id: customer.id, language: language! };
      customer = { ...customer, language };
    }
  } else {
    customer = newCustomerRow(workspace.id, requireIdentity(input.customer), detected, now);
    if (customer.email && insideTransaction(ctx.db)) {
      // In a transaction a refused insert cannot be retried in place (the e-mail batches, the
      // locked try): the customer is upserted first, so a concurrent first message from the
      // same new address finds the twin's row instead of failing (issue 20).
      const upserted = await upsertCustomerByEmail(ctx.db, customer);
      customer = upserted.customer;
      upsertedVersion = upserted.version;
      const language = languageAfter(customer.language, detected);
      if (!upserted.created && language !== customer.language) {
        customerLanguage = { id: customer.id, language: language! };
        customer = { ...customer, language };
      }
    } else newCustomer = customer;
  }
  const language = customer.language ?? detected.language;
  const events: NewEvent[] = [];
  const base = {
    workspaceId: workspace.id,
    customerId: customer.id,
    actorUserId: input.loggedByUserId ?? null,
    occurredAt: now,
  };
  const messageId = randomUUID();

  let caseRow: CaseRow;
  let caseWrite: IntakeWrite['caseWrite'];
  if (thread) {
    const existing = thread.caseRow;
    const acknowledging = shouldAcknowledge(existing.lastAcknowledgedAt, now, settings.acknowledgementWindowMinutes);
    const nextStatus = statusAfterCustomerMessage(existing.status);
    const set = {
      status: nextStatus,
      lastCustomerMessageAt: now,
      updatedAt: now,
      ...(acknowledging ? { lastAcknowledgedAt: now } : {}),
    };
    caseRow = { ...existing, ...set };
    caseWrite = { kind: 'update', id: existing.id, workspaceId: workspace.id, version: thread.version, set };
    if (known)
      caseWrite.guard = {
        customerId: known.customer.id,
        customerVersion: known.customerVersion,
        openFirstResponseId: known.openFirstResponse?.id ?? null,
      };
    if (nextStatus !== existing.status) {
      events.push({
        ...base,
        caseId: existing.id,
        type: 'case.status_changed',
        data: { from: existing.status, to: nextStatus },
      });
    }
  } else {
    const owner = chooseOwner(opening!.staff, language);
    if (!owner) throw new KeptError('case.no_owner_available', 'The workspace has no active staff to own the case');
    const subject = truncateText(input.subject?.trim() || body.split('\n')[0]!, 200);
    caseRow = {
      id: randomUUID(),
      number: opening!.caseNumber,
      workspaceId: workspace.id,
      customerId: customer.id,
      subject,
      status: 'new',
      channel: input.channel,
      language,
      priority: 'normal',
      // Marked as a complaint, when the words say so, by markComplaint after this insert (same transaction).
      tags: [],
      searchVector: null,
      isComplaint: false,
      complaintKind: null,
      complaintSource: null,
      complaintReason: null,
      complaintMarkedAt: null,
      complaintUnmarkedAt: null,
      category: null,
      ownerId: owner.userId,
      lastCustomerMessageAt: now,
      // A new case has never been acknowledged, so this message is (planAcknowledgement).
      lastAcknowledgedAt: now,
      hellFlaggedAt: null,
      hellReasons: null,
      createdAt: now,
      updatedAt: now,
    };
    caseWrite = { kind: 'insert', row: caseRow };
    events.push(
      { ...base, caseId: caseRow.id, type: 'case.opened', data: { channel: input.channel, subject } },
      { ...base, caseId: caseRow.id, type: 'case.assigned', data: { toUserId: owner.userId, reason: owner.reason } },
    );
  }
  const reference = caseReference(caseRow.number);
  const received: NewEvent<'message.received'> = {
    ...base,
    caseId: caseRow.id,
    type: 'message.received',
    data: { messageId, channel: input.channel },
  };
  events.push(received);
  if (supervisor.requested && !supervisor.certain) {
    events.push({
      ...base,
      caseId: caseRow.id,
      type: 'supervisor.suspected',
      data: { messageId, phrase: supervisor.phrase ?? '', confidence: supervisor.confidence },
    } satisfies NewEvent<'supervisor.suspected'>);
  }

  // The acknowledgement's time is a promise: a first answer by then — quoted from measured
  // capability (issue 4, K4), or the fixed setting while there is no history to quote from.
  // An open first-response promise already fixes that time, and then no quote is needed.
  const openFirstResponse = thread?.openFirstResponse ?? null;
  const { quote } =
    settings.quoteFromCapability === false || openFirstResponse
      ? { quote: null }
      : await quoteFor(
          ctx.db,
          workspace,
          {
            kind: 'first_response',
            channel: input.channel,
            language: caseRow.language,
            priority: caseRow.priority,
            category: caseRow.category,
            ownerId: caseRow.ownerId,
          },
          now,
        );
  const promisedBy = quote?.dueAt ?? new Date(now.getTime() + settings.firstResponseMinutes * 60_000);
  const ownerId = caseRow.ownerId!;
  const acknowledgement = planAcknowledgement({
    workspace,
    caseRow: { ...caseRow, lastAcknowledgedAt: thread ? thread.caseRow.lastAcknowledgedAt : null },
    customer,
    messageId,
    channel: input.channel,
    reference,
    promisedBy: openFirstResponse?.dueAt ?? promisedBy,
    portalUrl: () => portalUrlFor(ctx.publicUrl, workspace, customer.id),
    expectUrl: thread ? null : expectationUrlFor(ctx.publicUrl, workspace, caseRow.id),
    previousAcknowledgementId: thread?.firstAcknowledgementId ?? null,
    now,
  });
  if (acknowledgement.suppressed) received.data.suppressedAcknowledgement = acknowledgement.suppressed;
  events.push(...acknowledgement.events);
  const promise =
    acknowledgement.sent && !openFirstResponse
      ? planPromise(
          {
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
            quote: quote
              ? {
                  dueAt: quote.dueAt,
                  minutes: quote.minutes,
                  percentile: quote.percentile,
                  sampleSize: quote.sampleSize,
                }
              : null,
          },
          now,
        )
      : null;
  if (promise) events.push(...promise.events);
  const task = NEEDS_FOLLOW_UP_TASK.includes(input.channel)
    ? {
        id: randomUUID(),
        workspaceId: workspace.id,
        caseId: caseRow.id,
        assigneeId: ownerId,
        kind: 'follow_up_contact',
        title: '', // named on screen from its kind, in the reader's language
        sourceMessageId: messageId,
        dueAt: openFirstResponse?.dueAt ?? promisedBy,
        createdAt: now,
      }
    : null;
  if (task) {
    events.push({
      ...base,
      caseId: caseRow.id,
      type: 'task.created',
      data: { taskId: task.id, kind: 'follow_up_contact', dueAt: task.dueAt.toISOString(), assigneeId: ownerId },
    });
  }

  const message: typeof messages.$inferInsert = {
    id: messageId,
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
  };
  const write: IntakeWrite = {
    caseWrite,
    newCustomer,
    customerLanguage,
    message,
    acknowledgement: acknowledgement.row,
    outbox: acknowledgement.outbox,
    promise: promise?.row ?? null,
    task,
    events,
    timers: [...acknowledgement.timers, ...(promise?.timers ?? []), hellAssessmentTimer(workspace.id, caseRow.id, now)],
  };
  const after: KnownState = {
    caseRow,
    customer,
    // Unchanged by this write unless it wrote the customer (then the write returns the new version).
    customerVersion: thread ? thread.customerVersion : (upsertedVersion ?? opening!.customerVersion ?? null),
    openFirstResponse: promise ? { id: promise.row.id, dueAt: promise.row.dueAt as Date } : openFirstResponse,
    firstAcknowledgementId: thread?.firstAcknowledgementId ?? acknowledgement.row?.id ?? null,
  };
  return {
    write,
    known: after,
    result: { caseRow, customer, messageId, reference, opened: !thread, acknowledgement: acknowledgement.sent },
  };
}

/** The customer's language after this message: a detection wins when none was known, or when it is confident. */
function languageAfter(known: string | null, detected: ReturnType<typeof detectLanguage>): string | null {
  if (!detected.language || known === detected.language) return known;
  return !known || detected.confidence >= 0.5 ? detected.language : known;
}

function requireIdentity(who: CustomerIdentity | undefined): CustomerIdentity {
  if (!who) throw new KeptError('request.invalid', 'Say who wrote: a customer or a case', { field: 'customer' });
  return who;
}

function newCustomerRow(
  workspaceId: string,
  who: CustomerIdentity,
  detected: ReturnType<typeof detectLanguage>,
  now: Date,
): CustomerRow {
  const email = normalizeEmail(who.email);
  const phone = who.phone?.trim() || null;
  const language = languageAfter(who.language ?? null, detected);
  return {
    id: randomUUID(),
    workspaceId,
    name: who.name?.trim() || email || phone || '',
    email,
    phone,
    language,
    externalId: null,
    emailBouncedAt: null,
    emailBounceReason: null,
    createdAt: now,
    searchVector: null,
  };
}
