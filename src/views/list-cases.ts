import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseSummary } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, escalations, messages, users } from '../db/schema.ts';
import type { Channel } from '../events/event-types.ts';
import { caseReference } from '../kernel/case-reference.ts';
import { OPEN_CASE_STATUSES } from '../kernel/domain-words.ts';

export const CASE_VIEWS = ['mine', 'unassigned', 'open', 'escalated', 'flagged', 'complaints', 'all'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];

const owner = alias(users, 'owner');

const summaryColumns = {
  id: cases.id,
  number: cases.number,
  subject: cases.subject,
  status: cases.status,
  channel: cases.channel,
  language: cases.language,
  priority: cases.priority,
  isComplaint: cases.isComplaint,
  customerId: cases.customerId,
  customerName: customers.name,
  ownerId: cases.ownerId,
  ownerName: owner.name,
  createdAt: cases.createdAt,
  lastCustomerMessageAt: cases.lastCustomerMessageAt,
  hellFlaggedAt: cases.hellFlaggedAt,
  hellReasons: cases.hellReasons,
  unansweredSince: sql<
    string | null
  >`(select min(${messages.createdAt}) from ${messages} where ${messages.caseId} = ${cases.id} and ${messages.direction} = 'inbound' and ${messages.internal} = false and ${messages.answeredAt} is null)`,
  openEscalation: sql<boolean>`exists (select 1 from ${escalations} where ${escalations.caseId} = ${cases.id} and ${escalations.status} = 'open')`,
};

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function presentCaseSummary(row: Awaited<ReturnType<typeof selectCaseSummaries>>[number]): CaseSummary {
  return {
    id: row.id,
    reference: caseReference(row.number),
    subject: row.subject,
    status: row.status,
    channel: row.channel as Channel,
    language: row.language,
    customer: { id: row.customerId, name: row.customerName },
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    createdAt: iso(row.createdAt)!,
    lastCustomerMessageAt: iso(row.lastCustomerMessageAt),
    unansweredSince: iso(row.unansweredSince),
    openEscalation: Boolean(row.openEscalation),
    hellFlagged: row.hellFlaggedAt !== null,
  };
}

export function selectCaseSummaries(
  db: Db,
  where: SQL | undefined,
  limit = 200,
  order: 'recent' | 'oldest' = 'recent',
) {
  return db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(owner, eq(owner.id, cases.ownerId))
    .where(where)
    .orderBy(order === 'recent' ? desc(cases.updatedAt) : asc(cases.createdAt))
    .limit(limit);
}

export async function listCases(
  db: Db,
  input: { workspaceId: string; userId: string; view: CaseView; query?: string },
) {
  const conditions: SQL[] = [eq(cases.workspaceId, input.workspaceId)];
  switch (input.view) {
    case 'mine':
      conditions.push(eq(cases.ownerId, input.userId), inArray(cases.status, [...OPEN_CASE_STATUSES]));
      break;
    case 'unassigned':
      conditions.push(sql`${cases.ownerId} is null`);
      break;
    case 'open':
      conditions.push(inArray(cases.status, [...OPEN_CASE_STATUSES]));
      break;
    case 'escalated':
      conditions.push(
        sql`exists (select 1 from ${escalations} where ${escalations.caseId} = ${cases.id} and ${escalations.status} = 'open')`,
      );
      break;
    case 'flagged':
      conditions.push(isNotNull(cases.hellFlaggedAt), notInArray(cases.status, ['closed']));
      break;
    case 'complaints':
      // K12: open complaints, through the partial index on complaints.
      conditions.push(sql`${cases.isComplaint}`, inArray(cases.status, [...OPEN_CASE_STATUSES]));
      break;
    case 'all':
      break;
  }
  const q = input.query?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const number = /^k-?(\d+)$/i.exec(q);
    conditions.push(
      number
        ? eq(cases.number, Number(number[1]))
        : sql`(${cases.subject} ilike ${like} or ${customers.name} ilike ${like} or ${customers.email} ilike ${like})`,
    );
  }
  const rows = await selectCaseSummaries(db, and(...conditions), 200, input.view === 'mine' ? 'oldest' : 'recent');
  return rows.map(presentCaseSummary);
}
