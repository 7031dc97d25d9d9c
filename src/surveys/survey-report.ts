import { sql } from 'drizzle-orm';
import type { SurveyGroupRow, SurveyReportResponse } from '../contract/survey-types.ts';
import { queryRows, type Db } from '../db/open-database.ts';
import { DEFAULT_QUOTE_PERCENTILE, expectationReport } from '../desk/index.ts';
import { netPromoterScoreOfCounts } from './survey-figures.ts';
import { groupLabel, loadGroupNames, type SurveyGrouping } from './survey-answers.ts';
import { groupCountsSql, toGroupCounts, type GroupCounts } from './survey-aggregates.ts';
import { periodRowsCte } from './survey-tally.ts';

function groupRow(key: string, label: string, g: GroupCounts | undefined): SurveyGroupRow {
  const distribution = [1, 2, 3, 4, 5].map((s) => g?.scores[s] ?? 0);
  const answered = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, c, i) => a + c * (i + 1), 0);
  const sent = g?.sent ?? 0;
  const low = distribution[0]! + distribution[1]!;
  return {
    key,
    label,
    sent,
    answered,
    responseRate: sent ? answered / sent : null,
    meanScore: answered ? sum / answered : null,
    distribution,
    lowShare: answered ? low / answered : null,
    meanEffort: g?.effortCount ? g.effortSum / g.effortCount : null,
  };
}

function groupBy(groups: readonly GroupCounts[], by: SurveyGrouping, names: Map<string, string>): SurveyGroupRow[] {
  return groups
    .filter((g) => g.kind === 'satisfaction' && g.dim === by)
    .map((g) => groupRow(g.key, groupLabel(g.key, by, names), g))
    .sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.sent - a.sent || a.label.localeCompare(b.label)));
}

interface ReportRow {
  groups: Array<Parameters<typeof toGroupCounts>[0]> | null;
  skipped: Array<{ reason: string; count: number }> | null;
  comments: Array<{
    survey_id: string;
    case_id: string | null;
    score: number;
    comment: string;
    language: string | null;
    answered_at: string;
  }> | null;
}

/**
 * Groups, skips and the latest comments in one statement. The comments come from the survey rows
 * (the latest answer's, as each answer writes its row) newest first through
 * `survey_requests_comments_idx`, stopping at 50: a survey sent in the period has `sent_at` in it.
 */
async function loadReportCounts(db: Db, input: { workspaceId: string; from: Date; to: Date }) {
  const [row] = await queryRows<ReportRow>(
    db,
    sql`with ${periodRowsCte(input.workspaceId, input.from, input.to)},
      grouped as (${groupCountsSql()}),
      skipped as (select key as reason, sum(surveys)::int as count from period_rows
        where dim = 'skipped' group by key having sum(surveys) > 0),
      comments as (select id as survey_id, case_id, score, comment, language, answered_at from survey_requests
        where workspace_id = ${input.workspaceId} and comment <> '' and answered_at is not null
          and sent_at >= ${input.from.toISOString()} and sent_at < ${input.to.toISOString()}
        order by answered_at desc limit 50)
    select (select json_agg(g) from grouped g) as groups, (select json_agg(s) from skipped s) as skipped,
      (select json_agg(c order by c.answered_at desc) from comments c) as comments`,
  );
  return {
    groups: (row?.groups ?? []).map(toGroupCounts),
    skipped: row?.skipped ?? [],
    comments: row?.comments ?? [],
  };
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
  const [counts, names, expectation] = await Promise.all([
    loadReportCounts(db, input),
    loadGroupNames(db, input.workspaceId),
    expectationReport(db, { ...input, percentile: DEFAULT_QUOTE_PERCENTILE }),
  ]);
  const { groups } = counts;
  const overallOf = (kind: string) => groups.find((g) => g.kind === kind && g.dim === 'all');
  const nps = overallOf('nps');
  const npsScores = Array.from({ length: 11 }, (_, s) => nps?.scores[s] ?? 0);
  const sumOf = (from: number, to: number) => npsScores.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const overall = expectation.overall;
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    overall: groupRow('all', 'all', overallOf('satisfaction')),
    byTeam: groupBy(groups, 'team', names),
    byOwner: groupBy(groups, 'owner', names),
    byChannel: groupBy(groups, 'channel', names),
    byLanguage: groupBy(groups, 'language', names),
    byCaseKind: groupBy(groups, 'caseKind', names),
    byMonth: groupBy(groups, 'month', names),
    skipped: counts.skipped.sort((a, b) => b.count - a.count),
    nps: {
      sent: nps?.sent ?? 0,
      answered: sumOf(0, 10),
      score: netPromoterScoreOfCounts(npsScores),
      promoters: sumOf(9, 10),
      passives: sumOf(7, 8),
      detractors: sumOf(0, 6),
    },
    expectation: {
      customers: overall.customers,
      met: overall.met,
      missed: overall.customers - overall.met,
      metShare: overall.metShare,
    },
    comments: counts.comments.map((c) => ({
      surveyId: c.survey_id,
      caseId: c.case_id,
      score: c.score,
      comment: c.comment,
      language: c.language,
      answeredAt: new Date(c.answered_at).toISOString(),
    })),
  };
}
