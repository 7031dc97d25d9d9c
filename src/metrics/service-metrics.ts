import { sql } from 'drizzle-orm';
import type { ServiceMetricsResponse, TimeFigures } from '../contract/api-types.ts';
import { queryRows, type Db } from '../db/open-database.ts';
import type { Channel } from '../events/event-types.ts';
import { summarizeDistribution } from './distribution.ts';
import { timeByGroup, type CaseTimeFacts } from './time-by-group.ts';

const MINUTE_BUCKETS = [5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080];

const minutesBetween = (from: string | Date, to: string | Date) =>
  (new Date(to).getTime() - new Date(from).getTime()) / 60_000;

/**
 * The numbers a manager answers for (K7), computed from the event facts of the cases opened
 * in the period — never from counters kept by hand.
 */
export async function computeServiceMetrics(
  db: Db,
  workspaceId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<ServiceMetricsResponse> {
  const periodCases = sql`(select id from cases where workspace_id = ${workspaceId} and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()})`;

  const perCase = await queryRows<{
    id: string;
    channel: string;
    team: string | null;
    first_in: string | null;
    first_out: string | null;
    handoffs: number;
  }>(
    db,
    sql`select c.id, c.channel, t.name as team,
          min(e.occurred_at) filter (where e.type = 'message.received') as first_in,
          min(e.occurred_at) filter (where e.type = 'message.sent') as first_out,
          count(*) filter (where e.type = 'case.handed_off')::int as handoffs
        from cases c
        join events e on e.case_id = c.id
        left join users u on u.id = c.owner_id
        left join teams t on t.id = u.team_id
        where c.id in ${periodCases}
        group by c.id, c.channel, t.name`,
  );

  const waits = await queryRows<{ case_id: string; started: string; ended: string | null }>(
    db,
    sql`with m as (
          select case_id, id, type, occurred_at, lag(type) over (partition by case_id order by id) as prev_type
          from events where case_id in ${periodCases} and type in ('message.received', 'message.sent')
        )
        select s.case_id, s.occurred_at as started,
          (select min(n.occurred_at) from m n where n.case_id = s.case_id and n.type = 'message.sent' and n.id > s.id) as ended
        from m s
        where s.type = 'message.received' and (s.prev_type is null or s.prev_type = 'message.sent')`,
  );

  const daily = await queryRows<{
    day: string;
    received: number;
    answered: number;
    escalations: number;
    handoffs: number;
  }>(
    db,
    sql`select to_char(date_trunc('day', occurred_at), 'YYYY-MM-DD') as day,
          count(*) filter (where type = 'message.received')::int as received,
          count(*) filter (where type = 'message.sent')::int as answered,
          count(*) filter (where type = 'escalation.opened')::int as escalations,
          count(*) filter (where type = 'case.handed_off')::int as handoffs
        from events
        where workspace_id = ${workspaceId} and occurred_at >= ${from.toISOString()} and occurred_at < ${to.toISOString()}
          and type in ('message.received', 'message.sent', 'escalation.opened', 'case.handed_off')
        group by 1 order by 1`,
  );

  const [counters] = await queryRows<{
    unanswered: number;
    open_escalations: number;
    overdue_escalations: number;
    hell_flagged: number;
  }>(
    db,
    sql`select
          (select count(*)::int from messages where workspace_id = ${workspaceId} and direction = 'inbound' and internal = false and answered_at is null) as unanswered,
          (select count(*)::int from escalations where workspace_id = ${workspaceId} and status = 'open') as open_escalations,
          (select count(*)::int from escalations where workspace_id = ${workspaceId} and status = 'open' and deadline_at < ${now.toISOString()}) as overdue_escalations,
          (select count(*)::int from cases where workspace_id = ${workspaceId} and hell_flagged_at is not null and status <> 'closed') as hell_flagged`,
  );

  const promiseCounts = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from promises where workspace_id = ${workspaceId} and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()} group by status`,
  );

  const promisesBy = Object.fromEntries(promiseCounts.map((p) => [p.status, p.n]));
  const waitMinutes = waits.map((w) => ({
    caseId: w.case_id,
    minutes: Math.max(0, minutesBetween(w.started, w.ended ?? now)),
  }));
  const caseFacts: CaseTimeFacts[] = perCase.map((c) => ({
    caseId: c.id,
    channel: c.channel,
    team: c.team ?? '',
    firstResponseMinutes: c.first_in && c.first_out ? Math.max(0, minutesBetween(c.first_in, c.first_out)) : null,
    handoffs: c.handoffs,
  }));
  const timeByTeam = timeByGroup(caseFacts, waitMinutes, (c) => c.team);
  const timeByChannel = timeByGroup(caseFacts, waitMinutes, (c) => c.channel);
  // First response per group is the same figure as in timeBy…, for the groups with an answer.
  const answered = (groups: TimeFigures[]) =>
    groups.filter((g) => g.firstResponse.count > 0).map((g) => ({ key: g.key, ...g.firstResponse }));

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    firstResponseMinutes: summarizeDistribution(
      caseFacts.flatMap((c) => (c.firstResponseMinutes === null ? [] : [c.firstResponseMinutes])),
      MINUTE_BUCKETS,
    ),
    waitMinutes: summarizeDistribution(
      waitMinutes.map((w) => w.minutes),
      MINUTE_BUCKETS,
    ),
    firstResponseByChannel: answered(timeByChannel).map(({ key, ...rest }) => ({ channel: key as Channel, ...rest })),
    firstResponseByTeam: answered(timeByTeam).map(({ key, ...rest }) => ({ team: key, ...rest })),
    handoffsPerCase: summarizeDistribution(
      perCase.map((c) => c.handoffs),
      [0, 1, 2, 3, 5, 10],
    ),
    timeByTeam,
    timeByChannel,
    unanswered: counters?.unanswered ?? 0,
    openEscalations: counters?.open_escalations ?? 0,
    overdueEscalations: counters?.overdue_escalations ?? 0,
    hellFlaggedCases: counters?.hell_flagged ?? 0,
    promises: {
      open: promisesBy.open ?? 0,
      kept: promisesBy.kept ?? 0,
      broken: promisesBy.broken ?? 0,
      renegotiated: promisesBy.renegotiated ?? 0,
    },
    daily,
  };
}
