import type { cases } from '../db/schema.ts';
import type { surveyRequests } from '../db/schema-surveys.ts';
import type { SurveyFacts } from '../events/event-types.ts';

/** Who and what a survey is about, as its events carry it (the owner's team as it is now, read by the caller). */
export function surveyFactsOf(
  survey: typeof surveyRequests.$inferSelect,
  caseRow: typeof cases.$inferSelect | undefined,
  ownerTeamId: string | null,
): SurveyFacts {
  return {
    surveyId: survey.id,
    kind: survey.kind,
    channel: survey.channel,
    language: survey.language,
    ownerId: caseRow?.ownerId ?? null,
    teamId: caseRow?.ownerId ? ownerTeamId : null,
    caseKind: caseRow?.category ?? null,
  };
}
