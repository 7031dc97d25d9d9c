import { PgTransaction } from 'drizzle-orm/pg-core';
import { HotStatement, insertRowsText, runHotStatement } from '../db/hot-statement.ts';
import type { Db } from '../db/open-database.ts';
import { acknowledgements, cases, customers, events, messages, outbox, promises, tasks } from '../db/schema.ts';
import type { NewEvent } from '../events/event-types.ts';
import type { TimerRequest, Timers } from '../jobs/desk-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The columns a customer message changes on its case. */
export interface CaseUpdate {
  status: (typeof cases.$inferSelect)['status'];
  lastCustomerMessageAt: Date;
  updatedAt: Date;
  /** Set when this message is acknowledged; unchanged otherwise. */
  lastAcknowledgedAt?: Date;
}

/** Everything one inbound message writes, decided beforehand (receive-customer-message.ts). */
export interface IntakeWrite {
  caseWrite:
    | { kind: 'insert'; row: Insert<typeof cases> & { id: string } }
    /** Applied only if the case is still at `version` (its xmin when it was read). */
    | { kind: 'update'; id: string; workspaceId: string; version: string; set: CaseUpdate };
  newCustomer: Insert<typeof customers> | null;
  customerLanguage: { id: string; language: string } | null;
  message: Insert<typeof messages>;
  acknowledgement: Insert<typeof acknowledgements> | null;
  outbox: Insert<typeof outbox> | null;
  promise: Insert<typeof promises> | null;
  task: Insert<typeof tasks> | null;
  events: NewEvent[];
  timers: TimerRequest[];
}

// The name every other part of the statement is guarded by: the case's write.
const CASE_WRITTEN = 'written_case';

/**
 * Writes a message's whole intake in one statement: the case (inserted, or updated only if
 * nobody changed it since it was read), and as data-modifying CTEs the customer, message,
 * acknowledgement, outbox mail, promise, task, events and timers, each inserted only if the
 * case was written. One statement is atomic on its own, so no transaction is opened, and
 * foreign keys between its parts are checked at its end. Returns false when the case had
 * changed, and nothing was written: the caller reads again and decides again.
 *
 * Why one statement: on this path the cost is per statement — building it, planning it, one
 * socket write each — more than the rows it writes (docs/BENCHMARKS.md, "Core desk").
 */
export async function writeIntake(db: Db, timers: Timers, write: IntakeWrite): Promise<boolean> {
  const statement = new HotStatement();
  const parts: Array<[string, string]> = [[CASE_WRITTEN, caseText(statement, write.caseWrite)]];
  if (write.newCustomer) parts.push(['new_customer', insertRowsText(statement, customers, [write.newCustomer])]);
  if (write.customerLanguage) {
    const { id, language } = write.customerLanguage;
    parts.push([
      'customer_language',
      `update customers set language = ${statement.param(language, 'text')} where id = ${statement.param(id, 'uuid')} and exists (select from ${CASE_WRITTEN})`,
    ]);
  }
  parts.push(['new_message', insertRowsText(statement, messages, [write.message], CASE_WRITTEN)]);
  if (write.acknowledgement) parts.push(['new_acknowledgement', insertRowsText(statement, acknowledgements, [write.acknowledgement], CASE_WRITTEN)]);
  if (write.outbox) parts.push(['new_outbox', insertRowsText(statement, outbox, [write.outbox], CASE_WRITTEN)]);
  if (write.promise) parts.push(['new_promise', insertRowsText(statement, promises, [write.promise], CASE_WRITTEN)]);
  if (write.task) parts.push(['new_task', insertRowsText(statement, tasks, [write.task], CASE_WRITTEN)]);
  // One multi-row insert keeps the events in the order they were decided (their ids are serial).
  if (write.events.length > 0) parts.push(['new_events', insertRowsText(statement, events, write.events.map(eventRow), CASE_WRITTEN)]);
  const timerParts = timers.insertText && write.timers.length > 0 ? timers.insertText(statement, write.timers, CASE_WRITTEN) : [];
  timerParts.forEach((part, i) => parts.push([`new_timers_${i}`, part]));

  const text = `with ${parts.map(([name, body]) => `${name} as (${body})`).join(',\n')}\nselect count(*)::int as written from ${CASE_WRITTEN}`;
  const [result] = await runHotStatement<{ written: number }>(db, text, statement.values);
  const written = Number(result?.written ?? 0) > 0;
  if (written && !timers.insertText) for (const timer of write.timers) await timers.schedule(db, timer);
  return written;
}

function caseText(statement: HotStatement, caseWrite: IntakeWrite['caseWrite']): string {
  if (caseWrite.kind === 'insert') return `${insertRowsText(statement, cases, [caseWrite.row])} returning id`;
  const { set } = caseWrite;
  const at = (date: Date | undefined) => statement.param(date ? date.toISOString() : null, 'timestamptz');
  return `update cases set status = ${statement.param(set.status, 'text')}, last_customer_message_at = ${at(set.lastCustomerMessageAt)},
      updated_at = ${at(set.updatedAt)}, last_acknowledged_at = coalesce(${at(set.lastAcknowledgedAt)}, last_acknowledged_at)
    where id = ${statement.param(caseWrite.id, 'uuid')} and workspace_id = ${statement.param(caseWrite.workspaceId, 'uuid')}
      and xmin = ${statement.param(caseWrite.version, 'text')}::xid
    returning id`;
}

function eventRow(e: NewEvent): Insert<typeof events> {
  return { workspaceId: e.workspaceId, caseId: e.caseId, customerId: e.customerId, type: e.type, actorUserId: e.actorUserId, data: e.data as Record<string, unknown>, occurredAt: e.occurredAt };
}

/** Inside a caller's transaction a failed statement aborts it, so there a conflict cannot be retried in place. */
export function insideTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}
