import { randomUUID } from 'node:crypto';
import type { acknowledgements } from '../../db/schema.ts';
import type { outbox } from '../../db/schema-email.ts';
import { DELIVERABLE_CHANNELS, type Channel, type NewEvent } from '../../events/event-types.ts';
import type { TimerRequest } from '../../kernel/desk-context.ts';
import type { WorkspaceRow } from '../../workspaces/index.ts';
import { shouldAcknowledge } from './acknowledgement-window.ts';
import { renderAcknowledgement } from './acknowledgement-text.ts';
import { EMAIL_JOB } from '../../kernel/job-names.ts';

export interface AcknowledgeInput {
  workspace: WorkspaceRow;
  caseRow: { id: string; number: number; lastAcknowledgedAt: Date | null; customerId: string };
  customer: { name: string; email: string | null; language: string | null };
  messageId: string;
  channel: Channel;
  reference: string;
  promisedBy: Date;
  /** Signed on demand: a repeat inside the window does not need it, and signing is an HMAC per message. */
  portalUrl: (() => string) | null;
  /** Issue 4: the signed "by when do you expect an answer?" link, on a case's first acknowledgement. */
  expectUrl?: string | null;
  /** The case's first acknowledgement, which a suppressed repeat points back to. */
  previousAcknowledgementId: string | null;
  now: Date;
}

/** The rows an acknowledgement writes; the intake writes them with everything else of the message. */
export interface AcknowledgementPlan {
  row: typeof acknowledgements.$inferInsert | null;
  outbox: typeof outbox.$inferInsert | null;
  events: NewEvent[];
  timers: TimerRequest[];
  /** What the caller reports; null when the message fell inside the window and was not acknowledged again. */
  sent: { id: string; text: string; delivered: boolean; language: string } | null;
  /** Inside the window: the earlier acknowledgement that covers this message, recorded on its `message.received`. */
  suppressed: { previousAcknowledgementId: string } | null;
}

/**
 * Every customer contact gets an acknowledgement record; repeats inside the window are
 * recorded as suppressed (on the message's own event) instead of spamming the customer. Where the channel can carry a
 * message, the customer gets one in their language (e-mail goes through the outbox).
 * Pure: decides and renders; receiveCustomerMessage writes the rows in its own statement.
 */
export function planAcknowledgement(input: AcknowledgeInput): AcknowledgementPlan {
  const { workspace, caseRow, now } = input;
  const base = {
    workspaceId: workspace.id,
    caseId: caseRow.id,
    customerId: caseRow.customerId,
    actorUserId: null,
    occurredAt: now,
  };
  if (!shouldAcknowledge(caseRow.lastAcknowledgedAt, now, workspace.settings.acknowledgementWindowMinutes)) {
    return {
      row: null,
      outbox: null,
      timers: [],
      sent: null,
      events: [],
      suppressed: { previousAcknowledgementId: input.previousAcknowledgementId ?? '' },
    };
  }
  const language = input.customer.language ?? workspace.defaultLanguage;
  const rendered = renderAcknowledgement({
    language,
    customerName: input.customer.name,
    reference: input.reference,
    promisedBy: input.promisedBy,
    timeZone: workspace.timeZone,
    workspaceName: workspace.name,
    ...(input.portalUrl ? { portalUrl: input.portalUrl() } : {}),
    ...(input.expectUrl && !caseRow.lastAcknowledgedAt ? { expectUrl: input.expectUrl } : {}),
  });
  const deliverable =
    DELIVERABLE_CHANNELS.includes(input.channel) && (input.channel !== 'email' || !!input.customer.email);
  const id = randomUUID();
  const byEmail = deliverable && input.channel === 'email' && input.customer.email;
  return {
    row: {
      id,
      workspaceId: workspace.id,
      caseId: caseRow.id,
      messageId: input.messageId,
      reference: input.reference,
      promisedBy: input.promisedBy,
      language: rendered.language,
      channel: input.channel,
      subject: rendered.subject,
      body: rendered.text,
      delivered: deliverable,
      createdAt: now,
    },
    outbox: byEmail
      ? {
          workspaceId: workspace.id,
          caseId: caseRow.id,
          channel: 'email',
          toAddress: input.customer.email!,
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          kind: 'acknowledgement',
          language: rendered.language,
        }
      : null,
    timers: byEmail ? [{ name: EMAIL_JOB.outboxSend, payload: { workspaceId: workspace.id }, startAfter: now }] : [],
    events: [
      {
        ...base,
        type: 'acknowledgement.sent',
        data: {
          acknowledgementId: id,
          messageId: input.messageId,
          reference: input.reference,
          promisedBy: input.promisedBy.toISOString(),
          channel: input.channel,
          delivered: deliverable,
        },
      },
    ],
    sent: { id, text: rendered.text, delivered: deliverable, language: rendered.language },
    suppressed: null,
  };
}
