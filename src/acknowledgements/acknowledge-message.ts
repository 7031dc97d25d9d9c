import { eq } from 'drizzle-orm';
import { acknowledgements, cases, outbox } from '../db/schema.ts';
import { appendEvents } from '../events/append-events.ts';
import { DELIVERABLE_CHANNELS, type Channel } from '../events/event-types.ts';
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
  if (!shouldAcknowledge(caseRow.lastAcknowledgedAt, now, workspace.settings.acknowledgementWindowMinutes)) {
    const [previous] = await ctx.db
      .select({ id: acknowledgements.id })
      .from(acknowledgements)
      .where(eq(acknowledgements.caseId, caseRow.id))
      .orderBy(acknowledgements.createdAt)
      .limit(1);
    await appendEvents(ctx.db, [
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
  const [ack] = await ctx.db
    .insert(acknowledgements)
    .values({
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
    })
    .returning({ id: acknowledgements.id });
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
  await ctx.db.update(cases).set({ lastAcknowledgedAt: now }).where(eq(cases.id, caseRow.id));
  await appendEvents(ctx.db, [
    {
      ...base,
      type: 'acknowledgement.sent',
      data: {
        acknowledgementId: ack!.id,
        messageId: input.messageId,
        reference: input.reference,
        promisedBy: input.promisedBy.toISOString(),
        channel: input.channel,
        delivered: deliverable,
      },
    },
  ]);
  return { id: ack!.id, text: rendered.text, delivered: deliverable, language: rendered.language };
}
