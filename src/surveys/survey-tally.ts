import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { surveyTallies } from '../db/schema-surveys.ts';
import type { EventDataByType, NewEvent, SurveyFacts } from '../events/event-types.ts';

// "Facts, then figures" (issue 15, "Speed and scale"): the survey events stay the record; the
// daily tally (schema-surveys.ts `survey_tallies`) is an index derived from them, kept in the
// transactions that append the facts and rebuilt from the events and survey rows by one
// statement. A report then reads at most days × groups rows instead of every survey of its
// period (~2,700 events a day at 1,000,000 answers, ~60 tally rows).

type TallyRow = typeof surveyTallies.$inferInsert;

export const SCORE_COLUMNS = Array.from({ length: 11 }, (_, s) => `s${s}`);
const COUNT_COLUMNS = ['surveys', 'sent', ...SCORE_COLUMNS, 'effort_sum', 'effort_count'];

/** The groups a survey counts in, as the events' facts give them; the SQL twin is `GROUPS_SQL`. */
function groupsOf(facts: SurveyFacts, skipReason: string | null): Array<[string, string]> {
  const groups: Array<[string, string]> = [
    ['all', 'all'],
    ['team', facts.teamId ?? ''],
    ['owner', facts.ownerId ?? ''],
    ['channel', facts.channel],
    ['language', facts.language ?? ''],
    ['caseKind', facts.caseKind ?? ''],
  ];
  if (skipReason !== null) groups.push(['skipped', skipReason]);
  return groups;
}

/** `groupsOf` for an event row `p` (its type and data), as a lateral `d(dim, key)`. */
const GROUPS_SQL = sql.raw(`(values ('all', 'all'), ('team', coalesce(p.data->>'teamId', '')),
    ('owner', coalesce(p.data->>'ownerId', '')), ('channel', p.data->>'channel'),
    ('language', coalesce(p.data->>'language', '')), ('caseKind', coalesce(p.data->>'caseKind', '')),
    ('skipped', case when p.type = 'survey.skipped' then p.data->>'reason' end)) d(dim, key)`);

/**
 * Tally rows computed from the facts: the surveys decided (latest `survey.sent`/`survey.skipped`
 * per survey) by the events `where` selects, with the latest answer their survey row holds (the
 * row is written with each `survey.answered`, so it is the latest answer's score and effort).
 */
export function tallyOfFactsSql(where: SQL): SQL {
  const scores = SCORE_COLUMNS.map((c, s) => `count(*) filter (where a.score = ${s})::int as ${c}`).join(', ');
  return sql`select p.workspace_id, 'day' as grain, (p.occurred_at at time zone 'UTC')::date as day, p.data->>'kind' as kind,
      d.dim, d.key, count(*)::int as surveys, count(*) filter (where p.type = 'survey.sent')::int as sent,
      ${sql.raw(scores)}, coalesce(sum(a.effort), 0)::int as effort_sum, count(a.effort)::int as effort_count
    from (select distinct on (e.data->>'surveyId') e.workspace_id, e.type, e.occurred_at, e.data from events e
      where e.type in ('survey.sent', 'survey.skipped') and ${where}
      order by e.data->>'surveyId', e.id desc) p
    left join survey_requests a on a.id = (p.data->>'surveyId')::uuid and a.workspace_id = p.workspace_id
      and p.type = 'survey.sent' and a.score is not null
    cross join lateral ${GROUPS_SQL}
    where d.key is not null
    group by p.workspace_id, 3, 4, d.dim, d.key`;
}

/** The month rows summed from the day rows `where` selects. */
function monthsOfDaysSql(where: SQL): SQL {
  const sums = COUNT_COLUMNS.map((c) => `sum(${c})::int`).join(', ');
  return sql`select workspace_id, 'month', date_trunc('month', day)::date, kind, dim, key, ${sql.raw(sums)}
    from survey_tallies where grain = 'day' and ${where}
    group by workspace_id, date_trunc('month', day)::date, kind, dim, key`;
}

const COLUMN_LIST = sql.raw(`workspace_id, grain, day, kind, dim, key, ${COUNT_COLUMNS.join(', ')}`);
const ADD_ON_CONFLICT = sql.raw(
  `on conflict (workspace_id, grain, day, kind, dim, key) do update set ` +
    COUNT_COLUMNS.map((c) => `${c} = survey_tallies.${c} + excluded.${c}`).join(', '),
);

/** Throws the workspace's tally away and counts it again from the facts (or every workspace's). */
export async function rebuildSurveyTallies(db: Db, workspaceId?: string): Promise<void> {
  const only = workspaceId ? sql`workspace_id = ${workspaceId}` : sql`true`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from survey_tallies where ${only}`);
    await tx.execute(
      sql`insert into survey_tallies (${COLUMN_LIST}) ${tallyOfFactsSql(workspaceId ? sql`e.workspace_id = ${workspaceId}` : sql`true`)}`,
    );
    await tx.execute(sql`insert into survey_tallies (${COLUMN_LIST}) ${monthsOfDaysSql(only)}`);
  });
}

/**
 * Adds rows to the tally. Sorted by key (byte order, as `collate "C"` in `tallyAnswer`) so that
 * two transactions adding to the same rows take their locks in one order and never deadlock.
 */
async function addToTally(db: Db, rows: TallyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const keyOf = (r: TallyRow) => [r.grain, r.day, r.kind, r.dim, r.key].join('\u0000');
  rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const values = rows.map(
    (r) =>
      sql`(${r.workspaceId}, ${r.grain}, ${r.day}::date, ${r.kind}, ${r.dim}, ${r.key}, ${sql.join(
        COUNT_COLUMNS.map((c) => sql`${Number((r as Record<string, unknown>)[camel(c)] ?? 0)}::int`),
        sql`, `,
      )})`,
  );
  await db.execute(
    sql`insert into survey_tallies (${COLUMN_LIST}) values ${sql.join(values, sql`, `)} ${ADD_ON_CONFLICT}`,
  );
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The surveys a sending transaction decided (`survey.sent`, `survey.skipped` among its events), counted. */
export async function tallyDecisions(db: Db, newEvents: readonly NewEvent[]): Promise<void> {
  const rows = new Map<string, TallyRow>();
  for (const e of newEvents) {
    if (e.type !== 'survey.sent' && e.type !== 'survey.skipped') continue;
    const data = e.data as EventDataByType['survey.skipped'];
    const day = e.occurredAt.toISOString().slice(0, 10);
    const skipReason = e.type === 'survey.skipped' ? data.reason : null;
    const grains = [
      ['day', day],
      ['month', `${day.slice(0, 7)}-01`],
    ] as const;
    for (const [grain, start] of grains)
      for (const [dim, key] of groupsOf(data, skipReason)) {
        const id = [grain, start, data.kind, dim, key].join('\u0000');
        const row = rows.get(id) ?? { workspaceId: e.workspaceId, grain, day: start, kind: data.kind, dim, key };
        row.surveys = (row.surveys ?? 0) + 1;
        if (e.type === 'survey.sent') row.sent = (row.sent ?? 0) + 1;
        rows.set(id, row);
      }
  }
  await addToTally(db, [...rows.values()]);
}

/**
 * An answer counted under its survey's sent-time facts (the `survey.sent` event: its day, owner,
 * team, kind of case); a revision takes the previous score and effort away.
 */
export interface TallyAnswerInput {
  survey: { id: string; caseId: string | null; customerId: string };
  previous: { score: number; effort: number | null } | null;
  score: number;
  effort: number | null;
}

/** The answer's tally upsert as a statement, so the answer can send it with its other writes; null: nothing moves. */
export function tallyAnswerStatement(input: TallyAnswerInput): SQL | null {
  const delta = new Map<string, number>(COUNT_COLUMNS.map((c) => [c, 0]));
  const add = (score: number, effort: number | null, sign: 1 | -1) => {
    delta.set(`s${score}`, delta.get(`s${score}`)! + sign);
    if (effort === null) return;
    delta.set('effort_sum', delta.get('effort_sum')! + sign * effort);
    delta.set('effort_count', delta.get('effort_count')! + sign);
  };
  add(input.score, input.effort, 1);
  if (input.previous) add(input.previous.score, input.previous.effort, -1);
  if ([...delta.values()].every((v) => v === 0)) return null;
  const { survey } = input;
  // The survey's events are found through its case's (or customer's) timeline index, a few rows.
  const owner = survey.caseId ? sql`e.case_id = ${survey.caseId}` : sql`e.customer_id = ${survey.customerId}`;
  const deltas = sql.join(
    COUNT_COLUMNS.map((c) => sql`${delta.get(c)!}::int`),
    sql`, `,
  );
  return sql`insert into survey_tallies (${COLUMN_LIST})
    select p.workspace_id, g.grain, g.day, p.data->>'kind', d.dim, d.key, ${deltas}
    from (select e.workspace_id, e.type, e.occurred_at, e.data from events e
      where ${owner} and e.type in ('survey.sent', 'survey.skipped') and e.data->>'surveyId' = ${survey.id}
      order by e.id desc limit 1) p
    cross join lateral (values ('day', (p.occurred_at at time zone 'UTC')::date),
      ('month', date_trunc('month', p.occurred_at at time zone 'UTC')::date)) g(grain, day)
    cross join lateral ${GROUPS_SQL}
    where d.key is not null and p.type = 'survey.sent'
    order by g.grain collate "C", g.day, p.data->>'kind' collate "C", d.dim collate "C", d.key collate "C"
    ${ADD_ON_CONFLICT}`;
}

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The first instant of the UTC month of `t`, or of the next month (`up`) unless `t` starts one. */
function monthStart(t: number, up: boolean): number {
  const d = new Date(t);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return up && start < t ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : start;
}

/**
 * The tally rows of the surveys decided in [from, to): whole UTC months from the month rows, the
 * whole days around them from the day rows, and the partial days at either edge (a period need
 * not start at UTC midnight) from the facts — the part of the edge day inside the period added, or
 * the edge day's row less the part outside it, whichever is shorter (a report up to now subtracts
 * the empty rest of today). A year reads ~12 month rows and up to ~60 day rows per group. A CTE
 * `period_rows(day, kind, dim, key, surveys, sent, s0…s10, effort_sum, effort_count)`; a month
 * row's day is the month's first.
 */
export function periodRowsCte(workspaceId: string, from: Date, to: Date): SQL {
  const [a, b] = [from.getTime(), to.getTime()];
  const firstDay = Math.ceil(a / DAY) * DAY;
  const endDay = Math.floor(b / DAY) * DAY;
  const columns = sql.raw(`day, kind, dim, key, ${COUNT_COLUMNS.join(', ')}`);
  const span = (x: number, y: number) => sql`(day >= ${dayOf(x)}::date and day < ${dayOf(y)}::date)`;
  const range = (x: number, y: number) =>
    sql`(e.occurred_at >= ${new Date(x).toISOString()} and e.occurred_at < ${new Date(y).toISOString()})`;
  const added: SQL[] = [];
  const taken: SQL[] = [];
  const parts: SQL[] = [];
  if (firstDay <= endDay) {
    // The head day: [a, firstDay) added, or its whole row less [firstDay - DAY, a).
    const headRow = a < firstDay && firstDay - a > DAY / 2;
    if (headRow) taken.push(range(firstDay - DAY, a));
    else if (a < firstDay) added.push(range(a, firstDay));
    const tailRow = endDay < b && b - endDay > DAY / 2;
    if (tailRow) taken.push(range(b, endDay + DAY));
    else if (endDay < b) added.push(range(endDay, b));
    const [daysFrom, daysTo] = [headRow ? firstDay - DAY : firstDay, tailRow ? endDay + DAY : endDay];
    const [firstMonth, endMonth] = [monthStart(firstDay, true), monthStart(endDay, false)];
    const days =
      firstMonth < endMonth ? [span(daysFrom, firstMonth), span(endMonth, daysTo)] : [span(daysFrom, daysTo)];
    const grains = [sql`(grain = 'day' and (${sql.join(days, sql` or `)}))`];
    if (firstMonth < endMonth) grains.push(sql`(grain = 'month' and ${span(firstMonth, endMonth)})`);
    if (daysFrom < daysTo)
      parts.push(sql`select ${columns} from survey_tallies where workspace_id = ${workspaceId}
        and (${sql.join(grains, sql` or `)})`);
  } else if (a < b) added.push(range(a, b));
  const live = (ranges: SQL[]) =>
    sql`(${tallyOfFactsSql(sql`e.workspace_id = ${workspaceId} and (${sql.join(ranges, sql` or `)})`)})`;
  if (added.length > 0) parts.push(sql`select ${columns} from ${live(added)} added`);
  if (taken.length > 0) {
    const negated = sql.raw(`day, kind, dim, key, ${COUNT_COLUMNS.map((c) => `-${c} as ${c}`).join(', ')}`);
    parts.push(sql`select ${negated} from ${live(taken)} taken`);
  }
  if (parts.length === 0) parts.push(sql`select ${columns} from survey_tallies where false`);
  return sql`period_rows as (${sql.join(parts, sql` union all `)})`;
}
