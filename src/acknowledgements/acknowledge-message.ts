import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { acknowledgements, cases, outbox } from '../db/schema.ts';
import { appendEvents } from '../events/append-events.ts';
import { DELIVERABLE_CHANNELS, type Channel, type NewEvent } from '../events/event-types.ts';
import type { DeskContext } from '../jobs/desk-context.ts';
import type { WorkspaceRow } from '../workspaces/load-workspace.ts';
import { shouldAcknowledge } from './acknowledgement-window.ts';
import { renderAcknowledgement } from './acknowledgement-text.ts';
import { EMAIL_JOB } from '../email/outbound/email-job-names.ts';

export interface AcknowledgeInput {
  workspace: WorkspaceRow;
  caseRow: { id: string; number: number; lastAcknowledgedAt: Date | null; customerId: string };
  customer: { name: string; email: string | null; language: string | null };
  messageId: string;
  channel: Channel;
  reference: string;
  promisedBy: Date;
  portalUrl: string | null;
  /** Issue 4: the signed "by when do you expect an answer?" link, on a case's first acknowledgement. */
  expectUrl?: string | null;
  /**
   * Intake (receiveCustomerMessage) saves round trips: it has already read the case's first
   * acknowledgement with the case, sets `last_acknowledged_at` in its own write of the case,
   * and writes all the events of the message in one statement at the end.
   */
  batched?: { previousAcknowledgementId: string | null; events: NewEvent[] };
}

/**
 * Every customer contact gets an acknowledgement record; repeats inside the window are
 * recorded as suppressed instead of spamming the customer. Where the channel can carry a
 * message, the customer gets one in their language (e-mail goes through the outbox).
 */
export async function acknowledgeMessage(ctx: DeskContext, input: AcknowledgeInput) {
  const now = ctx.now();
  const { workspace, caseRow } = input;
  const base = { workspaceId: workspace.id, caseId: caseRow.id, customerId: caseRow.customerId, actorUserId: null, occurredAt: now };
  const append = async (list: NewEvent[]) => (input.batched ? void input.batched.events.push(...list) : appendEvents(ctx.db, list));
  if (!shouldAcknowledge(caseRow.lastAcknowledgedAt, now, workspace.settings.acknowledgementWindowMinutes)) {
    const [previous] = input.batched
      ? [input.batched.previousAcknowledgementId ? { id: input.batched.previousAcknowledgementId } : undefined]
      : await ctx.db
      .select({ id: acknowledgements.id })
      .from(acknowledgements)
      .where(eq(acknowledgements.caseId, caseRow.id))
      .orderBy(acknowledgements.createdAt)
      .limit(1);
    await append([
      { ...base, type: 'acknowledgement.suppressed', data: { messageId: input.messageId, previousAcknowledgementId: previous?.id ?? '' } },
    ]);
    return null;
  }
  const language = input.customer.language ?? workspace.defaultLanguage;
  const rendered = renderAcknowledgement({
    language,
    customerName: input.customer.name,
    reference: input.reference,
    promisedBy: input.promisedBy,
    timeZone: workspace.timeZone,
    workspaceName: workspace.name,
    ...(input.portalUrl ? { portalUrl: input.portalUrl } : {}),
    ...(input.expectUrl && !caseRow.lastAcknowledgedAt ? { expectUrl: input.expectUrl } : {}),
  });
  const deliverable = DELIVERABLE_CHANNELS.includes(input.channel) && (input.channel !== 'email' || !!input.customer.email);
  // The id is made here so that the event can be written before the row comes back.
  const ack = { id: randomUUID() };
  await ctx.db
    .insert(acknowledgements)
    .values({
      id: ack.id,
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
    });
  if (deliverable && input.channel === 'email' && input.customer.email) {
    await ctx.db.insert(outbox).values({
      workspaceId: workspace.id,
      caseId: caseRow.id,
      channel: 'email',
      toAddress: input.customer.email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      kind: 'acknowledgement',
      language: rendered.language,
    });
    await ctx.timers.schedule(ctx.db, { name: EMAIL_JOB.outboxSend, payload: { workspaceId: workspace.id }, startAfter: now });
  }
  if (!input.batched) await ctx.db.update(cases).set({ lastAcknowledgedAt: now }).where(eq(cases.id, caseRow.id));
  await append([
    {
      ...base,
      type: 'acknowledgement.sent',
      data: {
        acknowledgementId: ack.id,
        messageId: input.messageId,
        reference: input.reference,
        promisedBy: input.promisedBy.toISOString(),
        channel: input.channel,
        delivered: deliverable,
      },
    },
  ]);
  return { id: ack.id, text: rendered.text, delivered: deliverable, language: rendered.language };
}
