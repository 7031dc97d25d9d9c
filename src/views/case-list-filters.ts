// The filters and orders of the case lists (issue 16): each filter is one condition on `cases`, so any
// combination is one query; ids a filter names (owner, team) are checked against the workspace first.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, escalations, promises, users } from '../db/schema.ts';
import { requireUser } from '../accounts/index.ts';
import { requireTeam } from '../teams/index.ts';
import {
  CASE_PRIORITIES,
  type CaseListSort,
  type CasePriority,
  type CaseStatus,
  type Channel,
} from '../kernel/domain-words.ts';

export type CaseSort = CaseListSort;

/** How far ahead an open promise counts as "due" for the filter: the due-soon board's default day. */
export const PROMISE_DUE_HOURS = 24;

export interface CaseFilters {
  status?: readonly CaseStatus[];
  channel?: readonly Channel[];
  /** A person of the workspace, or 'none' for unassigned cases. */
  ownerId?: string;
  /** Cases owned by a member of this team. */
  teamId?: string;
  language?: readonly string[];
  priority?: readonly CasePriority[];
  tag?: string;
  flagged?: boolean;
  escalated?: boolean;
  /** An open promise on the case is overdue or due within PROMISE_DUE_HOURS. */
  promiseDue?: boolean;
}

const openEscalation = sql`exists (select 1 from ${escalations} where ${escalations.caseId} = ${cases.id}
  and ${escalations.status} = 'open')`;

/** The conditions of the filters; 404 (naming the query field) for an owner or team of another workspace. */
export async function caseFilterConditions(
  db: Db,
  workspaceId: string,
  filters: CaseFilters,
  now: Date,
): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filters.status?.length) conditions.push(inArray(cases.status, [...filters.status]));
  if (filters.channel?.length) conditions.push(inArray(cases.channel, [...filters.channel]));
  if (filters.language?.length) conditions.push(inArray(cases.language, [...filters.language]));
  if (filters.priority?.length) conditions.push(inArray(cases.priority, [...filters.priority]));
  if (filters.tag) conditions.push(sql`${cases.tags} @> array[${filters.tag}]::text[]`);
  if (filters.ownerId === 'none') conditions.push(isNull(cases.ownerId));
  else if (filters.ownerId) {
    await requireUser(db, workspaceId, filters.ownerId, 'ownerId');
    conditions.push(eq(cases.ownerId, filters.ownerId));
  }
  if (filters.teamId) {
    await requireTeam(db, workspaceId, filters.teamId, 'teamId');
    conditions.push(
      inArray(
        cases.ownerId,
        db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.workspaceId, workspaceId), eq(users.teamId, filters.teamId))),
      ),
    );
  }
  if (filters.flagged !== undefined) {
    conditions.push(filters.flagged ? isNotNull(cases.hellFlaggedAt) : isNull(cases.hellFlaggedAt));
  }
  if (filters.escalated !== undefined) conditions.push(filters.escalated ? openEscalation : sql`not ${openEscalation}`);
  if (filters.promiseDue !== undefined) {
    const until = new Date(now.getTime() + PROMISE_DUE_HOURS * 3_600_000);
    const due = sql`exists (select 1 from ${promises} where ${promises.workspaceId} = ${workspaceId}
      and ${promises.caseId} = ${cases.id} and ${promises.status} = 'open' and ${promises.dueAt} < ${until})`;
    conditions.push(filters.promiseDue ? due : sql`not ${due}`);
  }
  return conditions;
}

const unansweredSince = sql`(select min(m.created_at) from messages m where m.case_id = ${cases.id}
  and m.direction = 'inbound' and m.internal = false and m.answered_at is null)`;

/** The order of a list; ties fall back to the newest change, then the id, so pages are stable. */
export function caseOrder(sort: CaseSort): SQL[] {
  switch (sort) {
    case 'recent':
      return [desc(cases.updatedAt), asc(cases.id)];
    case 'oldest':
      return [asc(cases.createdAt), asc(cases.id)];
    case 'waiting':
      return [sql`${unansweredSince} asc nulls last`, desc(cases.updatedAt), asc(cases.id)];
    case 'priority':
      // CASE_PRIORITIES is lowest first: the highest position comes first.
      return [
        sql`array_position(array[${sql.join(
          CASE_PRIORITIES.map((level) => sql`${level}`),
          sql`, `,
        )}]::text[], ${cases.priority}) desc nulls last`,
        desc(cases.updatedAt),
        asc(cases.id),
      ];
  }
}
