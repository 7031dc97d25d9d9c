import { and, desc, eq, gte, notExists } from 'drizzle-orm';
import type { PortalSurveyView } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases } from '../db/schema.ts';
import { surveyOptOuts, surveyRequests } from '../db/schema-surveys.ts';
import { caseReference } from '../kernel/case-reference.ts';
import { signSurveyToken } from './survey-link.ts';
import { DAY_MS } from './survey-throttle.ts';

/** How long a sent survey waits in the portal unanswered: after that the case is too old to ask about. */
export const PORTAL_SURVEY_WAITS_DAYS = 30;

/**
 * The surveys waiting for a customer signed into the portal (K16): sent, not yet answered, not
 * opted out, sent in the last 30 days — a portal case's (offered there) and an e-mailed one alike,
 * since a survey waiting is the same question wherever the customer meets it. Each carries its own
 * signed answer token, so the portal answers through `answerSurvey`, with the same checks and events.
 */
export async function waitingSurveysOf(
  db: Db,
  workspace: { id: string; portalSecret: string },
  customerId: string,
  now: Date,
): Promise<PortalSurveyView[]> {
  const rows = await db
    .select({
      id: surveyRequests.id,
      kind: surveyRequests.kind,
      caseId: surveyRequests.caseId,
      askEffort: surveyRequests.askEffort,
      sentAt: surveyRequests.sentAt,
      number: cases.number,
    })
    .from(surveyRequests)
    .leftJoin(cases, eq(cases.id, surveyRequests.caseId))
    .where(
      and(
        eq(surveyRequests.workspaceId, workspace.id),
        eq(surveyRequests.customerId, customerId),
        eq(surveyRequests.status, 'sent'),
        gte(surveyRequests.sentAt, new Date(now.getTime() - PORTAL_SURVEY_WAITS_DAYS * DAY_MS)),
        notExists(
          db
            .select({ at: surveyOptOuts.createdAt })
            .from(surveyOptOuts)
            .where(and(eq(surveyOptOuts.workspaceId, workspace.id), eq(surveyOptOuts.customerId, customerId))),
        ),
      ),
    )
    .orderBy(desc(surveyRequests.sentAt))
    .limit(5);
  return rows.map((row) => ({
    token: signSurveyToken(workspace, row.id),
    kind: row.kind,
    reference: row.kind === 'satisfaction' && row.number !== null ? caseReference(row.number) : null,
    caseId: row.caseId,
    askEffort: row.askEffort,
    sentAt: row.sentAt!.toISOString(),
  }));
}
