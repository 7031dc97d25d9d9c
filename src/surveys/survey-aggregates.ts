import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';
import { SURVEY_GROUPINGS, type SurveyGrouping } from './survey-answers.ts';
import { periodRowsCte, SCORE_COLUMNS } from './survey-tally.ts';

// The survey reports' figures, counted by PostgreSQL from the daily tally (survey-tally.ts; issue
// 15, "Speed and scale"): the whole days of the period from the tally, its partial edge days from
// the facts, then counts per group. Shipping every survey's facts to Node cost 0.8 s for 90 days
// of 40,000 cases under load; grouping the facts in SQL still read every event of the period (4–22 s
// at 1,000,000 answers). Same definitions as before: a survey belongs to the period it was decided
// in, a later answer (a revision) replaces an earlier one.

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

const sums = sql.raw(`sum(surveys)::int as surveys, sum(sent)::int as sent,
  array[${SCORE_COLUMNS.map((c) => `sum(${c})::int`).join(', ')}] as scores,
  sum(effort_sum)::int as effort_sum, sum(effort_count)::int as effort_count`);

/**
 * Per kind of survey, overall and per grouping (or one), from `period_rows`: counts enough to
 * rebuild every figure of a group. Months are the days' (UTC, as before).
 */
export function groupCountsSql(only?: SurveyGrouping): SQL {
  const dims = only ? (only === 'month' ? [] : [only]) : SURVEY_GROUPINGS.filter((g) => g !== 'month');
  const wanted = sql.join(
    ['all', ...dims].map((d) => sql`${d}`),
    sql`, `,
  );
  const months =
    !only || only === 'month'
      ? sql` union all select 'month' as dim, to_char(day, 'YYYY-MM') as key, kind, ${sums}
      from period_rows where dim = 'all' group by kind, to_char(day, 'YYYY-MM') having sum(surveys) > 0`
      : sql``;
  return sql`select dim, key, kind, ${sums} from period_rows where dim in (${wanted})
    group by kind, dim, key having sum(surveys) > 0${months}`;
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
    sql`with ${periodRowsCte(input.workspaceId, input.from, input.to)} ${groupCountsSql(input.by)}`,
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
  const answers = SCORE_COLUMNS.join(' + ');
  const sum = SCORE_COLUMNS.map((c, s) => `${s} * ${c}`).join(' + ');
  const good = SCORE_COLUMNS.slice(4).join(' + ');
  const rows = await queryRows<AreaCounts>(
    db,
    sql`with ${periodRowsCte(input.workspaceId, input.from, input.to)}
    select to_char(day, 'YYYY-"Q"Q') as period, case when dim = 'caseKind' then 'touchpoint' else dim end as area,
      case when dim = 'all' then '' else key end as key, ${sql.raw(`sum(${answers})::int as answers,
      sum(${sum})::int as sum, sum(${good})::int as good`)}
    from period_rows where kind = 'satisfaction' and dim in ('all', 'team', 'channel', 'caseKind')
    group by 1, 2, 3 having ${sql.raw(`sum(${answers}) > 0`)}`,
  );
  return rows.map((r) => ({ ...r, answers: Number(r.answers), sum: Number(r.sum), good: Number(r.good) }));
}
