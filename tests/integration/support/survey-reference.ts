// The survey reports' figures as they were computed before the SQL of src/surveys/survey-aggregates.ts:
// every survey's facts loaded into Node, grouped there. Kept for tests only, as the reference the
// SQL must agree with (tests/integration/survey-report-sql.test.ts).
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../src/db/open-database.ts';
import { events } from '../../../src/db/schema.ts';
import type { EventDataByType, SurveyFacts } from '../../../src/events/event-types.ts';
import type { SurveyGrouping } from '../../../src/surveys/index.ts';

/** One survey as the reports see it, rebuilt from its events: sent (or skipped), and its latest answer. */
export interface SurveyFact extends SurveyFacts {
  caseId: string | null;
  /** When it was sent, or held back. */
  decidedAt: Date;
  sentAt: Date | null;
  skipReason: string | null;
  score: number | null;
  effort: number | null;
  comment: string | null;
  answeredAt: Date | null;
}

/**
 * The surveys sent (or skipped) in [from, to), with their latest answer whenever it came. Read
 * from the events (`events_workspace_type_idx`), never from counters: reports are computed from
 * facts, as everywhere in Kept.
 */
export async function loadSurveyFacts(db: Db, workspaceId: string, from: Date, to: Date): Promise<SurveyFact[]> {
  const planned = await db
    .select({ type: events.type, caseId: events.caseId, data: events.data, occurredAt: events.occurredAt })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        inArray(events.type, ['survey.sent', 'survey.skipped']),
        gte(events.occurredAt, from),
        lt(events.occurredAt, to),
      ),
    );
  const byId = new Map<string, SurveyFact>();
  for (const e of planned) {
    const data = e.data as unknown as EventDataByType['survey.skipped'];
    byId.set(data.surveyId, {
      surveyId: data.surveyId,
      kind: data.kind,
      channel: data.channel,
      language: data.language,
      ownerId: data.ownerId,
      teamId: data.teamId,
      caseKind: data.caseKind,
      caseId: e.caseId,
      decidedAt: e.occurredAt,
      sentAt: e.type === 'survey.sent' ? e.occurredAt : null,
      skipReason: e.type === 'survey.skipped' ? data.reason : null,
      score: null,
      effort: null,
      comment: null,
      answeredAt: null,
    });
  }
  if (byId.size === 0) return [];
  const answers = await db
    .select({ data: events.data, occurredAt: events.occurredAt, id: events.id })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'survey.answered'), gte(events.occurredAt, from)))
    .orderBy(events.id);
  for (const a of answers) {
    const data = a.data as unknown as EventDataByType['survey.answered'];
    const fact = byId.get(data.surveyId);
    if (!fact) continue;
    // In id order: the latest answer (a revision) wins.
    fact.score = data.score;
    fact.effort = data.effort;
    fact.comment = data.comment;
    fact.answeredAt = a.occurredAt;
  }
  return [...byId.values()];
}

/** The key a survey falls under for a grouping ('' when it has none: no team, no kind). */
export function groupKey(fact: SurveyFact, by: SurveyGrouping): string {
  switch (by) {
    case 'team':
      return fact.teamId ?? '';
    case 'owner':
      return fact.ownerId ?? '';
    case 'channel':
      return fact.channel;
    case 'language':
      return fact.language ?? '';
    case 'caseKind':
      return fact.caseKind ?? '';
    case 'month':
      return fact.decidedAt.toISOString().slice(0, 7);
  }
}
