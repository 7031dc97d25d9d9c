import { and, asc, eq, inArray, isNotNull, lte, max, ne } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, customers, escalations, users } from '../db/schema.ts';
import { outbox } from '../db/schema-email.ts';
import { surveyOptOuts, surveyRequests } from '../db/schema-surveys.ts';
import { appendEvents } from '../events/append-events.ts';
import type { NewEvent, SurveyFacts } from '../events/event-types.ts';
import { caseReference } from '../kernel/case-reference.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { OPEN_CASE_STATUSES, type SurveySkipReason } from '../kernel/domain-words.ts';
import { EMAIL_JOB } from '../kernel/job-names.ts';
import { loadWorkspace } from '../workspaces/index.ts';
import { surveyUrlFor } from './survey-link.ts';
import { loadSurveySettings } from './survey-settings.ts';
import { tallyDecisions } from './survey-tally.ts';
import { renderSurveyEmail } from './survey-texts.ts';
import { decideSurveySend } from './survey-throttle.ts';

/** Surveys decided per transaction: the job's survey and the others of the workspace that are due. */
export const SURVEY_SEND_BATCH = 50;

type SurveyRow = typeof surveyRequests.$inferSelect;

/**
 * Job `survey-send`: the survey goes by e-mail through the outbox (with its one-click links),
 * waits in the portal for a portal case's customer (and is e-mailed too where the workspace
 * wants it), or is skipped with the rule that held it back — and with it the other surveys of the
 * workspace that are due, up to SURVEY_SEND_BATCH, decided in one transaction with a few set-based
 * statements (one survey per transaction cost four times the outbox's own rate per message:
 * docs/BENCHMARKS.md, "Surveys"). Their own jobs then find them no longer scheduled. The survey
 * rows and then their customers' rows (in id order) are locked first: a second delivery of a job
 * finds its survey done, and two instances sending two surveys to one customer decide one after
 * the other, so the 30-day rule holds across instances; within a batch, a customer's surveys are
 * decided in turn too.
 */
export async function sendSurvey(
  ctx: DeskContext,
  input: { workspaceId: string; surveyId: string },
): Promise<{ outcome: 'sent' | 'skipped' | 'done' }> {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const [named] = await tx
      .select()
      .from(surveyRequests)
      .where(and(eq(surveyRequests.workspaceId, input.workspaceId), eq(surveyRequests.id, input.surveyId)))
      .for('update');
    if (!named || named.status !== 'scheduled') return { outcome: 'done' as const };
    // The others due: another instance's batch keeps its own (SKIP LOCKED); survey_requests_due_idx.
    const others = await tx
      .select()
      .from(surveyRequests)
      .where(
        and(
          eq(surveyRequests.workspaceId, input.workspaceId),
          eq(surveyRequests.status, 'scheduled'),
          lte(surveyRequests.sendAt, now),
          ne(surveyRequests.id, named.id),
        ),
      )
      .orderBy(asc(surveyRequests.sendAt))
      .limit(SURVEY_SEND_BATCH - 1)
      .for('update', { skipLocked: true });
    const outcomes = await decideBatch(ctx, tx, input.workspaceId, [named, ...others], now);
    return { outcome: outcomes.get(named.id) ?? ('done' as const) };
  });
}

/** The facts the throttle needs, for every customer of the batch at once. */
async function customerFacts(tx: Db, workspaceId: string, customerIds: string[]) {
  const customerCases = tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), inArray(cases.customerId, customerIds)));
  // One after another: a transaction is one connection, which runs its queries in turn anyway, and node-postgres
  // deprecates queueing a query on a client that is still executing one (it warned once per send batch).
  const lastSent = await tx
    .select({ customerId: surveyRequests.customerId, at: max(surveyRequests.sentAt) })
    .from(surveyRequests)
    .where(and(inArray(surveyRequests.customerId, customerIds), isNotNull(surveyRequests.sentAt)))
    .groupBy(surveyRequests.customerId);
  const escalated = await tx
    .selectDistinct({ customerId: cases.customerId })
    .from(escalations)
    .innerJoin(cases, eq(cases.id, escalations.caseId))
    .where(and(inArray(escalations.caseId, customerCases), eq(escalations.status, 'open')));
  const complained = await tx
    .selectDistinct({ customerId: cases.customerId })
    .from(cases)
    .where(
      and(
        eq(cases.workspaceId, workspaceId),
        inArray(cases.customerId, customerIds),
        eq(cases.isComplaint, true),
        inArray(cases.status, [...OPEN_CASE_STATUSES]),
      ),
    );
  const optedOut = await tx
    .select({ customerId: surveyOptOuts.customerId })
    .from(surveyOptOuts)
    .where(and(eq(surveyOptOuts.workspaceId, workspaceId), inArray(surveyOptOuts.customerId, customerIds)));
  return {
    lastSent: new Map(lastSent.map((r) => [r.customerId, r.at ? new Date(r.at) : null])),
    escalated: new Set(escalated.map((r) => r.customerId)),
    complained: new Set(complained.map((r) => r.customerId)),
    optedOut: new Set(optedOut.map((r) => r.customerId)),
  };
}

async function decideBatch(
  ctx: DeskContext,
  tx: Db,
  workspaceId: string,
  surveys: SurveyRow[],
  now: Date,
): Promise<Map<string, 'sent' | 'skipped' | 'done'>> {
  const customerIds = [...new Set(surveys.map((s) => s.customerId))].sort();
  const customerRows = await tx
    .select()
    .from(customers)
    .where(inArray(customers.id, customerIds))
    .orderBy(asc(customers.id))
    .for('update');
  const customerOf = new Map(customerRows.map((c) => [c.id, c]));
  const caseIds = surveys.map((s) => s.caseId).filter((id): id is string => !!id);
  const caseRows = caseIds.length ? await tx.select().from(cases).where(inArray(cases.id, caseIds)) : [];
  const settings = await loadSurveySettings(tx, workspaceId);
  const facts = await customerFacts(tx, workspaceId, customerIds);
  const workspace = await loadWorkspace(tx, workspaceId);
  const caseOf = new Map(caseRows.map((c) => [c.id, c]));
  // The owners' teams in one statement (teamOfUser's cache is per transaction: a query per owner).
  const ownerIds = [...new Set(caseRows.map((c) => c.ownerId).filter((id): id is string => !!id))];
  const teamOf = new Map(
    ownerIds.length
      ? (await tx.select({ id: users.id, teamId: users.teamId }).from(users).where(inArray(users.id, ownerIds))).map(
          (u) => [u.id, u.teamId],
        )
      : [],
  );
  const outcomes = new Map<string, 'sent' | 'skipped' | 'done'>();
  const skipped = new Map<SurveySkipReason, string[]>();
  const sentIds: string[] = [];
  const mails: Array<typeof outbox.$inferInsert> = [];
  const events: NewEvent[] = [];
  for (const survey of surveys) {
    const customer = customerOf.get(survey.customerId);
    if (!customer) {
      outcomes.set(survey.id, 'done');
      continue;
    }
    const caseRow = survey.caseId ? caseOf.get(survey.caseId) : undefined;
    const decision = decideSurveySend({
      now,
      enabled: settings.enabled,
      throttleDays: settings.throttleDays,
      lastSentAt: facts.lastSent.get(customer.id) ?? null,
      openEscalation: facts.escalated.has(customer.id),
      openComplaint: facts.complained.has(customer.id),
      address: customer.email,
      addressBounced: !!customer.emailBouncedAt,
      optedOut: facts.optedOut.has(customer.id),
      inPortal: survey.channel === 'portal',
      emailPortalSurveys: settings.emailPortalSurveys,
    });
    const surveyFacts: SurveyFacts = {
      surveyId: survey.id,
      kind: survey.kind,
      channel: survey.channel,
      language: survey.language,
      ownerId: caseRow?.ownerId ?? null,
      teamId: caseRow?.ownerId ? (teamOf.get(caseRow.ownerId) ?? null) : null,
      caseKind: caseRow?.category ?? null,
    };
    const event = { workspaceId, caseId: survey.caseId, customerId: customer.id, actorUserId: null, occurredAt: now };
    if (!decision.send) {
      skipped.set(decision.reason, [...(skipped.get(decision.reason) ?? []), survey.id]);
      events.push({ ...event, type: 'survey.skipped', data: { ...surveyFacts, reason: decision.reason } });
      outcomes.set(survey.id, 'skipped');
      continue;
    }
    // A second survey of the same customer in this batch is decided after this one went.
    facts.lastSent.set(customer.id, now);
    sentIds.push(survey.id);
    events.push({ ...event, type: 'survey.sent', data: { ...surveyFacts, via: decision.via } });
    outcomes.set(survey.id, 'sent');
    // In the portal, a sent survey simply waits (portal-surveys.ts lists it); e-mail needs a message.
    if (!decision.via.includes('email')) continue;
    const mail = renderSurveyEmail({
      kind: survey.kind,
      language: survey.language,
      customerName: customer.name,
      reference: survey.kind === 'satisfaction' && caseRow ? caseReference(caseRow.number) : null,
      company: workspace.name,
      linkFor: (score) => surveyUrlFor(ctx.publicUrl, workspace, survey.id, score),
      optOutLink: `${surveyUrlFor(ctx.publicUrl, workspace, survey.id)}?optout=1`,
    });
    mails.push({
      workspaceId,
      caseId: survey.caseId,
      channel: 'email',
      toAddress: customer.email!,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      kind: 'message',
      language: survey.language,
    });
  }
  for (const [reason, ids] of skipped)
    await tx
      .update(surveyRequests)
      .set({ status: 'skipped', skipReason: reason })
      .where(inArray(surveyRequests.id, ids));
  if (sentIds.length > 0)
    await tx.update(surveyRequests).set({ status: 'sent', sentAt: now }).where(inArray(surveyRequests.id, sentIds));
  if (mails.length > 0) {
    await tx.insert(outbox).values(mails);
    await ctx.timers.schedule(tx, { name: EMAIL_JOB.outboxSend, payload: { workspaceId }, startAfter: now });
  }
  await appendEvents(tx, events);
  // Facts, then figures: the reports' daily tally counts these decisions in the same transaction.
  await tallyDecisions(tx, events);
  return outcomes;
}
