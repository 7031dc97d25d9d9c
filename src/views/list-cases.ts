import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseSummary } from '../contract/api-types.ts';
import type { CaseListPage } from '../contract/desk-find-types.ts';
import { caseFilterConditions, caseOrder, type CaseFilters, type CaseSort } from './case-list-filters.ts';
import { caseIdsMatching } from './desk-search.ts';
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
  tags: cases.tags,
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
    priority: row.priority,
    tags: row.tags,
  };
}

export function selectCaseSummaries(db: Db, where: SQL | undefined, limit = 200, order: SQL[] = caseOrder('recent')) {
  return db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(owner, eq(owner.id, cases.ownerId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

export interface CaseListQuery extends CaseFilters {
  workspaceId: string;
  userId: string;
  view: CaseView;
  /** Words, a reference ("K-5"), an e-mail, a phone or an order number (src/views/desk-search.ts). */
  query?: string;
  sort?: CaseSort;
  limit?: number;
}

/** The conditions of a queue and its filters (the search apart: it chooses its page differently). */
async function caseListConditions(db: Db, input: CaseListQuery, now: Date): Promise<SQL[]> {
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
  conditions.push(...(await caseFilterConditions(db, input.workspaceId, input, now)));
  return conditions;
}

/**
 * How many cases a list holds, counted up to `cap` (a saved view's badge says "500+" beyond): the
 * count reads at most cap + 1 keys, so a view over a million cases costs what a page costs.
 */
export async function countCases(
  db: Db,
  input: CaseListQuery,
  now: Date,
  cap: number,
): Promise<{ count: number; more: boolean }> {
  const conditions = await caseListConditions(db, input, now);
  const q = input.query?.trim();
  if (q) conditions.push(sql`${cases.id} = any(array${caseIdsMatching(input.workspaceId, q)})`);
  const capped = db
    .select({ one: sql`1` })
    .from(cases)
    .where(and(...conditions))
    .limit(cap + 1)
    .as('capped');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = Number(row?.n ?? 0);
  return { count: Math.min(n, cap), more: n > cap };
}

/** One page of a queue: the view's cases, searched, filtered and sorted. */
export async function listCases(db: Db, input: CaseListQuery, now: Date): Promise<CaseListPage> {
  const conditions = await caseListConditions(db, input, now);
  const limit = input.limit ?? 200;
  const sort = input.sort ?? (input.view === 'mine' ? 'oldest' : 'recent');
  const q = input.query?.trim();
  if (q) {
    // A search can find thousands of cases: choose the page from the cases' own columns first, then
    // build the summaries (owner, waiting time, escalation: a subquery each) for that page only.
    // Without sequential scans: for a word in thousands of messages the planner expects hits spread
    // evenly and reads the table from the start, but words cluster (a product, a season), and it read
    // 15,700 pages to find 2,000 hits where the GIN index needed 500 (97 ms against 17, cold).
    const page = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(...conditions, sql`${cases.id} = any(array${caseIdsMatching(input.workspaceId, q)})`))
        .orderBy(...caseOrder(sort))
        .limit(limit + 1);
    });
    if (page.length === 0) return { cases: [], more: false };
    conditions.push(
      inArray(
        cases.id,
        page.map((row) => row.id),
      ),
    );
  }
  const rows = await selectCaseSummaries(db, and(...conditions), limit + 1, caseOrder(sort));
  return { cases: rows.slice(0, limit).map(presentCaseSummary), more: rows.length > limit };
}
