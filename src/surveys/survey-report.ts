import type { SurveyGroupRow, SurveyReportResponse } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { DEFAULT_QUOTE_PERCENTILE, expectationReport } from '../desk/index.ts';
import { netPromoterScore } from './survey-figures.ts';
import {
  groupKey,
  groupLabel,
  loadGroupNames,
  loadSurveyFacts,
  type SurveyFact,
  type SurveyGrouping,
} from './survey-answers.ts';

function groupRow(key: string, label: string, facts: readonly SurveyFact[]): SurveyGroupRow {
  const sent = facts.filter((f) => f.sentAt);
  const answered = sent.filter((f) => f.score !== null);
  const distribution = [0, 0, 0, 0, 0];
  let sum = 0;
  let effortSum = 0;
  let effortCount = 0;
  for (const f of answered) {
    distribution[f.score! - 1] = (distribution[f.score! - 1] ?? 0) + 1;
    sum += f.score!;
    if (f.effort !== null) {
      effortSum += f.effort;
      effortCount++;
    }
  }
  const low = (distribution[0] ?? 0) + (distribution[1] ?? 0);
  return {
    key,
    label,
    sent: sent.length,
    answered: answered.length,
    responseRate: sent.length ? answered.length / sent.length : null,
    meanScore: answered.length ? sum / answered.length : null,
    distribution,
    lowShare: answered.length ? low / answered.length : null,
    meanEffort: effortCount ? effortSum / effortCount : null,
  };
}

function groupBy(facts: readonly SurveyFact[], by: SurveyGrouping, names: Map<string, string>): SurveyGroupRow[] {
  const groups = new Map<string, SurveyFact[]>();
  for (const f of facts) {
    const key = groupKey(f, by);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()]
    .map(([key, list]) => groupRow(key, groupLabel(key, by, names), list))
    .sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.sent - a.sent || a.label.localeCompare(b.label)));
}

/**
 * K16's report: response rate, scores and comments per team, person, channel, language, kind of
 * case and month; NPS; the throttling rules' skips; and, beside them, the intake question "by
 * when do you expect an answer?" — met or missed against what was delivered.
 */
export async function surveyReport(
  db: Db,
  input: { workspaceId: string; from: Date; to: Date; now: Date },
): Promise<SurveyReportResponse> {
  const [facts, names, expectation] = await Promise.all([
    loadSurveyFacts(db, input.workspaceId, input.from, input.to),
    loadGroupNames(db, input.workspaceId),
    expectationReport(db, { ...input, percentile: DEFAULT_QUOTE_PERCENTILE }),
  ]);
  const satisfaction = facts.filter((f) => f.kind === 'satisfaction');
  const nps = facts.filter((f) => f.kind === 'nps' && f.sentAt);
  const npsScores = nps.filter((f) => f.score !== null).map((f) => f.score!);
  const skipped = new Map<string, number>();
  for (const f of facts) if (f.skipReason) skipped.set(f.skipReason, (skipped.get(f.skipReason) ?? 0) + 1);
  const comments = satisfaction
    .concat(nps)
    .filter((f) => f.comment && f.answeredAt)
    .sort((a, b) => b.answeredAt!.getTime() - a.answeredAt!.getTime())
    .slice(0, 50)
    .map((f) => ({
      surveyId: f.surveyId,
      caseId: f.caseId,
      score: f.score!,
      comment: f.comment!,
      language: f.language,
      answeredAt: f.answeredAt!.toISOString(),
    }));
  const overall = expectation.overall;
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    overall: groupRow('all', 'all', satisfaction),
    byTeam: groupBy(satisfaction, 'team', names),
    byOwner: groupBy(satisfaction, 'owner', names),
    byChannel: groupBy(satisfaction, 'channel', names),
    byLanguage: groupBy(satisfaction, 'language', names),
    byCaseKind: groupBy(satisfaction, 'caseKind', names),
    byMonth: groupBy(satisfaction, 'month', names),
    skipped: [...skipped.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    nps: {
      sent: nps.length,
      answered: npsScores.length,
      score: netPromoterScore(npsScores),
      promoters: npsScores.filter((s) => s >= 9).length,
      passives: npsScores.filter((s) => s === 7 || s === 8).length,
      detractors: npsScores.filter((s) => s <= 6).length,
    },
    expectation: {
      customers: overall.customers,
      met: overall.met,
      missed: overall.customers - overall.met,
      metShare: overall.metShare,
    },
    comments,
  };
}
