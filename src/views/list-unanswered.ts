import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UnansweredResponse } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, messages, users } from '../db/schema.ts';
import type { Channel } from '../events/event-types.ts';
import { caseReference } from '../kernel/case-reference.ts';

const owner = alias(users, 'owner');

/**
 * Every customer message nobody has answered yet, oldest first. Served by a partial index
 * that holds only unanswered messages, so it stays fast however large the store grows.
 */
export async function listUnanswered(
  db: Db,
  input: { workspaceId: string; ownerId?: string; limit?: number },
): Promise<UnansweredResponse> {
  const where = and(
    eq(messages.workspaceId, input.workspaceId),
    eq(messages.direction, 'inbound'),
    eq(messages.internal, false),
    isNull(messages.answeredAt),
    input.ownerId ? eq(cases.ownerId, input.ownerId) : undefined,
  );
  const rows = await db
    .select({
      messageId: messages.id,
      caseId: messages.caseId,
      number: cases.number,
      subject: cases.subject,
      customerId: customers.id,
      customerName: customers.name,
      ownerId: cases.ownerId,
      ownerName: owner.name,
      channel: messages.channel,
      excerpt: sql<string>`left(${messages.body}, 160)`,
      receivedAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(cases, eq(cases.id, messages.caseId))
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .leftJoin(owner, eq(owner.id, cases.ownerId))
    .where(where)
    .orderBy(asc(messages.createdAt))
    // A page, oldest first: the total says how many more wait behind it.
    .limit(input.limit ?? 50);
  // Without an owner filter the count needs only the partial index, not a join over every case.
  const [count] = input.ownerId
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .innerJoin(cases, eq(cases.id, messages.caseId))
        .where(where)
    : await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .where(where);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      messageId: r.messageId,
      caseId: r.caseId,
      reference: caseReference(r.number),
      subject: r.subject,
      customer: { id: r.customerId, name: r.customerName },
      owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
      channel: r.channel as Channel,
      excerpt: r.excerpt,
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}
