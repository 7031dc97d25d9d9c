import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { events } from '../db/schema.ts';
import type { EventType, KeptEvent, NewEvent } from './event-types.ts';

/** The rows of these facts, for a caller that inserts them within a larger statement (writeIfUnchanged). */
export function eventRows(newEvents: NewEvent[]): Array<typeof events.$inferInsert> {
  return newEvents.map((e) => ({
    workspaceId: e.workspaceId,
    caseId: e.caseId,
    customerId: e.customerId,
    type: e.type,
    actorUserId: e.actorUserId,
    data: e.data as Record<string, unknown>,
    occurredAt: e.occurredAt,
  }));
}

/** Appends facts. Events are never updated or deleted: every figure is derived from them. */
export async function appendEvents(db: Db, newEvents: NewEvent[]): Promise<void> {
  if (newEvents.length === 0) return;
  await db.insert(events).values(eventRows(newEvents));
}

type EventRow = typeof events.$inferSelect;

export function toKeptEvent(row: EventRow): KeptEvent {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    caseId: row.caseId,
    customerId: row.customerId,
    type: row.type as EventType,
    actorUserId: row.actorUserId,
    data: row.data as never,
    occurredAt: row.occurredAt,
  };
}

export async function readCaseEvents(db: Db, caseId: string): Promise<KeptEvent[]> {
  const rows = await db.select().from(events).where(eq(events.caseId, caseId)).orderBy(asc(events.id));
  return rows.map(toKeptEvent);
}

export async function readCasesEvents(db: Db, caseIds: string[]): Promise<KeptEvent[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.select().from(events).where(inArray(events.caseId, caseIds)).orderBy(asc(events.id));
  return rows.map(toKeptEvent);
}

/** The facts about a customer themself, outside any case (their record created or corrected by a person). */
export async function readCustomerOwnEvents(db: Db, workspaceId: string, customerId: string): Promise<KeptEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.customerId, customerId), isNull(events.caseId)))
    .orderBy(asc(events.id));
  return rows.map(toKeptEvent);
}
