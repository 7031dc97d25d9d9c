import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases, customers } from '../../db/schema.ts';
import { OPEN_CASE_STATUSES } from '../../kernel/domain-words.ts';
import { casesForMessageIds } from '../thread-ids.ts';
import type { ThreadCase, ThreadLookup } from './thread-email.ts';

/** Threading's view of the store, scoped to one workspace. */
export function emailThreadLookup(db: Db, workspaceId: string): ThreadLookup {
  const lastActivity = sql<Date>`coalesce(${cases.lastCustomerMessageAt}, ${cases.updatedAt})`.mapWith(cases.updatedAt);
  const select = () =>
    db
      .select({
        id: cases.id,
        number: cases.number,
        customerEmail: customers.email,
        status: cases.status,
        subject: cases.subject,
        lastActivityAt: lastActivity,
      })
      .from(cases)
      .innerJoin(customers, eq(customers.id, cases.customerId));
  const one = async (rows: Promise<ThreadCase[]>) => (await rows)[0] ?? null;
  return {
    casesByMessageIds: (ids) => casesForMessageIds(db, workspaceId, ids),
    caseById: (id) =>
      one(select().where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, id))) as Promise<ThreadCase[]>),
    caseByNumber: (number) =>
      one(select().where(and(eq(cases.workspaceId, workspaceId), eq(cases.number, number))) as Promise<ThreadCase[]>),
    openCasesOfSender: (email, since) =>
      select()
        .where(
          and(
            eq(customers.workspaceId, workspaceId),
            eq(customers.email, email.toLowerCase()),
            inArray(cases.status, [...OPEN_CASE_STATUSES]),
            gte(cases.updatedAt, since),
          ),
        )
        .orderBy(desc(cases.updatedAt))
        .limit(20) as Promise<ThreadCase[]>,
  };
}
