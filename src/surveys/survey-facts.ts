import type { Db } from '../db/open-database.ts';
import type { cases } from '../db/schema.ts';
import type { surveyRequests } from '../db/schema-surveys.ts';
import { teamOfUser } from '../desk/index.ts';
import type { SurveyFacts } from '../events/event-types.ts';

/** Who and what a survey is about, as its events carry it (the owner's team as it is now). */
export async function surveyFactsOf(
  db: Db,
  survey: typeof surveyRequests.$inferSelect,
  caseRow: typeof cases.$inferSelect | undefined,
): Promise<SurveyFacts> {
  return {
    surveyId: survey.id,
    kind: survey.kind,
    channel: survey.channel,
    language: survey.language,
    ownerId: caseRow?.ownerId ?? null,
    teamId: await teamOfUser(db, caseRow?.ownerId ?? null),
    caseKind: caseRow?.category ?? null,
  };
}
