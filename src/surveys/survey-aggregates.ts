import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';
import type { SurveyGrouping } from './survey-answers.ts';

// The survey reports' figures, computed from the events by PostgreSQL in one statement each
// (issue 15, "Speed and scale"): the surveys sent or held back in [from, to) with their latest
// answer, then counts per group. Shipping every survey's facts to Node cost 0.8 s for 90 days
// of 40,000 cases under load; the groups are a few dozen rows. Same definitions as the facts
// in survey-answers.ts: a survey belongs to the period it was decided in, a later answer
// (a revision) replaces an earlier one.

/** Scores 0–10 counted per group: index = score (satisfaction uses 1–5, NPS 0–10). */
export type ScoreCounts = number[];

export interface GroupCounts {
  dim: SurveyGrouping | 'all';
  key: string;
  kind: string;
  /** Surveys in the group, sent or held back. */
  surveys: number;
  sent: number;
  /** Answered among those sent, by score. */
  scores: ScoreCounts;
  effortSum: number;
  effortCount: number;
}

const DIMENSIONS: Array<[SurveyGrouping, string]> = [
  ['team', 'team'],
  ['owner', 'owner'],
  ['channel', 'channel'],
  ['language', 'language_key'],
  ['caseKind', 'case_kind'],
  ['month', 'month'],
];

/**
 * The facts CTE: one row per survey decided in [from, to) (`survey.sent` or `survey.skipped`)
 * with its latest answer. Answers are read from `from` on: none comes before its survey.
 */
export function surveyFactsCte(workspaceId: string, from: Date, to: Date): SQL {
  return sql`planned as (
      select distinct on (e.data->>'surveyId') e.data->>'surveyId' as survey_id, e.type, e.occurred_at, e.case_id,
        e.data->>'kind' as kind, e.data->>'channel' as channel, e.data->>'language' as language,
        coalesce(e.data->>'language', '') as language_key,
        coalesce(e.data->>'ownerId', '') as owner, coalesce(e.data->>'teamId', '') as team,
        coalesce(e.data->>'caseKind', '') as case_kind, e.data->>'reason' as skip_reason
      from events e
      where e.workspace_id = ${workspaceId} and e.type in ('survey.sent', 'survey.skipped')
        and e.occurred_at >= ${from.toISOString()} and e.occurred_at < ${to.toISOString()}
      order by e.data->>'surveyId', e.id desc
    ), answered as (
      select distinct on (e.data->>'surveyId') e.data->>'surveyId' as survey_id, (e.data->>'score')::int as score,
        (e.data->>'effort')::int as effort, e.data->>'comment' as comment, e.occurred_at as answered_at
      from events e
      where e.workspace_id = ${workspaceId} and e.type = 'survey.answered' and e.occurred_at >= ${from.toISOString()}
      order by e.data->>'surveyId', e.id desc
    ), facts as materialized (
      select p.*, p.type = 'survey.sent' as sent, to_char(p.occurred_at at time zone 'UTC', 'YYYY-MM') as month,
        a.score, a.effort, a.comment, a.answered_at
      from planned p left join answered a on a.survey_id = p.survey_id
    )`;
}

const scoreCounts = sql.join(
  Array.from({ length: 11 }, (_, s) => sql`count(*) filter (where sent and score = ${sql.raw(String(s))})::int`),
  sql`, `,
);

/** Per kind of survey, overall and per grouping (or one): counts enough to rebuild every figure of a group. */
export function groupCountsSql(only?: SurveyGrouping): SQL {
  const dimensions = DIMENSIONS.filter(([name]) => !only || name === only);
  const sets = dimensions.map(([, column]) => sql.raw(`(kind, ${column})`));
  const dim = sql.join(
    dimensions.map(([name, column]) => sql.raw(`when grouping(${column}) = 0 then '${name}'`)),
    sql` `,
  );
  const key = sql.join(
    dimensions.map(([, column]) => sql.raw(`when grouping(${column}) = 0 then ${column}`)),
    sql` `,
  );
  return sql`select case ${dim} else 'all' end as dim, case ${key} else 'all' end as key, kind,
      count(*)::int as surveys, count(*) filter (where sent)::int as sent, array[${scoreCounts}] as scores,
      coalesce(sum(effort) filter (where sent and score is not null), 0)::int as effort_sum,
      count(effort) filter (where sent and score is not null)::int as effort_count
    from facts group by grouping sets (${sql.join(sets, sql`, `)}, (kind))`;
}

export function toGroupCounts(row: {
  dim: string;
  key: string;
  kind: string;
  surveys: number;
  sent: number;
  scores: number[];
  effort_sum: number;
  effort_count: number;
}): GroupCounts {
  return {
    dim: row.dim as GroupCounts['dim'],
    key: row.key,
    kind: row.kind,
    surveys: row.surveys,
    sent: row.sent,
    scores: row.scores.map(Number),
    effortSum: Number(row.effort_sum),
    effortCount: Number(row.effort_count),
  };
}

/** The groups of each kind of survey under one grouping, and 'all'. */
export async function loadGroupCounts(
  db: Db,
  input: { workspaceId: string; from: Date; to: Date; by: SurveyGrouping },
): Promise<GroupCounts[]> {
  const rows = await queryRows<Parameters<typeof toGroupCounts>[0]>(
    db,
    sql`with ${surveyFactsCte(input.workspaceId, input.from, input.to)} ${groupCountsSql(input.by)}`,
  );
  return rows.map(toGroupCounts);
}

export interface AreaCounts {
  period: string;
  /** 'all', or the area kind the key is of. */
  area: 'all' | 'team' | 'channel' | 'touchpoint';
  key: string;
  answers: number;
  sum: number;
  good: number;
}

/** K17: the satisfaction answers per quarter, overall and per team, channel and touchpoint (kind of case). */
export async function loadAreaCounts(
  db: Db,
  input: { workspaceId: string; from: Date; to: Date },
): Promise<AreaCounts[]> {
  const rows = await queryRows<AreaCounts>(
    db,
    sql`with ${surveyFactsCte(input.workspaceId, input.from, input.to)},
      scored as (select to_char(occurred_at at time zone 'UTC', 'YYYY-"Q"Q') as period, team, channel, case_kind, score
        from facts where kind = 'satisfaction' and score is not null)
    select period, case when grouping(team) = 0 then 'team' when grouping(channel) = 0 then 'channel'
        when grouping(case_kind) = 0 then 'touchpoint' else 'all' end as area,
      coalesce(case when grouping(team) = 0 then team when grouping(channel) = 0 then channel
        when grouping(case_kind) = 0 then case_kind end, '') as key,
      count(*)::int as answers, sum(score)::int as sum, count(*) filter (where score >= 4)::int as good
    from scored group by grouping sets ((period), (period, team), (period, channel), (period, case_kind))`,
  );
  return rows.map((r) => ({ ...r, answers: Number(r.answers), sum: Number(r.sum), good: Number(r.good) }));
}
