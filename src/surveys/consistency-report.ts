import type { ConsistencyResponse } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { leastConsistent, MIN_ANSWERS, spreadOf } from './survey-figures.ts';
import { groupKey, groupLabel, loadGroupNames, loadSurveyFacts, type SurveyGrouping } from './survey-answers.ts';

/**
 * K18: how consistent the service is, not only how good on average — the spread of satisfaction
 * answers per group (people, teams, channels, kinds of case, languages), with the least
 * consistent groups named among those with enough answers to say so.
 */
export async function consistencyReport(
  db: Db,
  input: { workspaceId: string; from: Date; to: Date; by: SurveyGrouping },
): Promise<ConsistencyResponse> {
  const [facts, names] = await Promise.all([
    loadSurveyFacts(db, input.workspaceId, input.from, input.to),
    loadGroupNames(db, input.workspaceId),
  ]);
  const scores = new Map<string, number[]>();
  for (const f of facts) {
    if (f.kind !== 'satisfaction' || f.score === null) continue;
    const key = groupKey(f, input.by);
    const list = scores.get(key);
    if (list) list.push(f.score);
    else scores.set(key, [f.score]);
  }
  const groups = [...scores.entries()]
    .map(([key, list]) => ({ key, label: groupLabel(key, input.by, names), figures: spreadOf(list) }))
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
