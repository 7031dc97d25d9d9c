import { and, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, customers, escalations } from '../db/schema.ts';
import { outbox } from '../db/schema-email.ts';
import { surveyOptOuts, surveyRequests } from '../db/schema-surveys.ts';
import { appendEvents } from '../events/append-events.ts';
import { caseReference } from '../kernel/case-reference.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { OPEN_CASE_STATUSES } from '../kernel/domain-words.ts';
import { EMAIL_JOB } from '../kernel/job-names.ts';
import { loadWorkspace } from '../workspaces/index.ts';
import { surveyFactsOf } from './survey-facts.ts';
import { surveyUrlFor } from './survey-link.ts';
import { loadSurveySettings } from './survey-settings.ts';
import { renderSurveyEmail } from './survey-texts.ts';
import { decideSurveySend } from './survey-throttle.ts';

/**
 * Job `survey-send`: the survey goes by e-mail through the outbox (with its one-click links),
 * waits in the portal for a portal case's customer (and is e-mailed too where the workspace
 * wants it), or is skipped with the rule that held it back. The survey row and then the customer's row are
 * locked first: a second delivery of the job finds the survey no longer scheduled, and two
 * instances sending two surveys to one customer decide one after the other, so the 30-day rule
 * holds across instances.
 */
export async function sendSurvey(
  ctx: DeskContext,
  input: { workspaceId: string; surveyId: string },
): Promise<{ outcome: 'sent' | 'skipped' | 'done' }> {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const [survey] = await tx
      .select()
      .from(surveyRequests)
      .where(and(eq(surveyRequests.workspaceId, input.workspaceId), eq(surveyRequests.id, input.surveyId)))
      .for('update');
    if (!survey || survey.status !== 'scheduled') return { outcome: 'done' as const };
    const [customer] = await tx.select().from(customers).where(eq(customers.id, survey.customerId)).for('update');
    if (!customer) return { outcome: 'done' as const };
    const [caseRow] = survey.caseId ? await tx.select().from(cases).where(eq(cases.id, survey.caseId)) : [];
    const settings = await loadSurveySettings(tx, input.workspaceId);
    const customerCases = tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.customerId, customer.id)));
    const [[lastSent], [openEscalation], [openComplaint], [optOut]] = await Promise.all([
      tx
        .select({ sentAt: surveyRequests.sentAt })
        .from(surveyRequests)
        .where(
          and(
            eq(surveyRequests.customerId, customer.id),
            isNotNull(surveyRequests.sentAt),
            ne(surveyRequests.id, survey.id),
          ),
        )
        .orderBy(desc(surveyRequests.sentAt))
        .limit(1),
      tx
        .select({ id: escalations.id })
        .from(escalations)
        .where(and(inArray(escalations.caseId, customerCases), eq(escalations.status, 'open')))
        .limit(1),
      tx
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            eq(cases.workspaceId, input.workspaceId),
            eq(cases.customerId, customer.id),
            eq(cases.isComplaint, true),
            inArray(cases.status, [...OPEN_CASE_STATUSES]),
          ),
        )
        .limit(1),
      tx
        .select({ at: surveyOptOuts.createdAt })
        .from(surveyOptOuts)
        .where(and(eq(surveyOptOuts.workspaceId, input.workspaceId), eq(surveyOptOuts.customerId, customer.id))),
    ]);
    const decision = decideSurveySend({
      now,
      enabled: settings.enabled,
      throttleDays: settings.throttleDays,
      lastSentAt: lastSent?.sentAt ?? null,
      openEscalation: !!openEscalation,
      openComplaint: !!openComplaint,
      address: customer.email,
      addressBounced: !!customer.emailBouncedAt,
      optedOut: !!optOut,
      inPortal: survey.channel === 'portal',
      emailPortalSurveys: settings.emailPortalSurveys,
    });
    const facts = await surveyFactsOf(tx, survey, caseRow);
    const event = { workspaceId: input.workspaceId, caseId: survey.caseId, customerId: customer.id };
    if (!decision.send) {
      await tx
        .update(surveyRequests)
        .set({ status: 'skipped', skipReason: decision.reason })
        .where(eq(surveyRequests.id, survey.id));
      await appendEvents(tx, [
        {
          ...event,
          actorUserId: null,
          occurredAt: now,
          type: 'survey.skipped',
          data: { ...facts, reason: decision.reason },
        },
      ]);
      return { outcome: 'skipped' as const };
    }
    await tx.update(surveyRequests).set({ status: 'sent', sentAt: now }).where(eq(surveyRequests.id, survey.id));
    await appendEvents(tx, [
      { ...event, actorUserId: null, occurredAt: now, type: 'survey.sent', data: { ...facts, via: decision.via } },
    ]);
    // In the portal, a sent survey simply waits (portal-surveys.ts lists it); e-mail needs a message.
    if (!decision.via.includes('email')) return { outcome: 'sent' as const };
    const workspace = await loadWorkspace(tx, input.workspaceId);
    const mail = renderSurveyEmail({
      kind: survey.kind,
      language: survey.language,
      customerName: customer.name,
      reference: survey.kind === 'satisfaction' && caseRow ? caseReference(caseRow.number) : null,
      company: workspace.name,
      linkFor: (score) => surveyUrlFor(ctx.publicUrl, workspace, survey.id, score),
      optOutLink: `${surveyUrlFor(ctx.publicUrl, workspace, survey.id)}?optout=1`,
    });
    await tx.insert(outbox).values({
      workspaceId: input.workspaceId,
      caseId: survey.caseId,
      channel: 'email',
      toAddress: customer.email!,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      kind: 'message',
      language: survey.language,
    });
    await ctx.timers.schedule(tx, {
      name: EMAIL_JOB.outboxSend,
      payload: { workspaceId: input.workspaceId },
      startAfter: now,
    });
    return { outcome: 'sent' as const };
  });
}
