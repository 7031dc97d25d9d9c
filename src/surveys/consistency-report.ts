import type { ConsistencyResponse } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { leastConsistent, MIN_ANSWERS, spreadOfCounts } from './survey-figures.ts';
import { groupLabel, loadGroupNames, type SurveyGrouping } from './survey-answers.ts';
import { loadGroupCounts } from './survey-aggregates.ts';

/**
 * K18: how consistent the service is, not only how good on average — the spread of satisfaction
 * answers per group (people, teams, channels, kinds of case, languages), with the least
 * consistent groups named among those with enough answers to say so. The scores are counted
 * per group by PostgreSQL (survey-aggregates.ts): 1–5 counts are all the spread needs.
 */
export async function consistencyReport(
  db: Db,
  input: { workspaceId: string; from: Date; to: Date; by: SurveyGrouping },
): Promise<ConsistencyResponse> {
  const [counts, names] = await Promise.all([loadGroupCounts(db, input), loadGroupNames(db, input.workspaceId)]);
  const groups = counts
    .filter((g) => g.kind === 'satisfaction' && g.dim === input.by)
    .map((g) => ({ key: g.key, label: groupLabel(g.key, input.by, names), figures: spreadOfCounts(g.scores) }))
    .filter((g) => g.figures.n > 0)
    .sort((a, b) => b.figures.n - a.figures.n || a.label.localeCompare(b.label));
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    by: input.by,
    minAnswers: MIN_ANSWERS,
    groups: groups.map((g) => ({ key: g.key, label: g.label, ...g.figures })),
    leastConsistent: leastConsistent(groups).map((g) => g.key),
  };
}
