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

/**
 * For a write decided on a state this process remembered instead of reading it
 * (thread-cache.ts): what else that state depends on, checked in the same statement as the
 * case's version. A promise's due time is never changed in place (a renegotiation makes a new
 * promise), so its id stands for it; acknowledgements are only written with a case update.
 */
export interface ThreadGuard {
  customerId: string;
  customerVersion: string;
  openFirstResponseId: string | null;
}

/** Everything one inbound message writes, decided beforehand (receive-customer-message.ts). */
export interface IntakeWrite {
  caseWrite:
    | { kind: 'insert'; row: Insert<typeof cases> & { id: string } }
    /** Applied only if the case is still at `version` (its xmin when it was read). */
    | { kind: 'update'; id: string; workspaceId: string; version: string; set: CaseUpdate; guard?: ThreadGuard };
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

/** The row versions (xmin) a write left, for the next write on the case to skip its read. */
export interface IntakeVersions {
  caseVersion: string;
  /** Null when this write left the customer's row as it was. */
  customerVersion: string | null;
}

// The name every other part of the statement is guarded by: the case's write.
const CASE_WRITTEN = 'written_case';

/**
 * Writes a message's whole intake in one statement: the case (inserted, or updated only if
 * nobody changed it since it was read), and as data-modifying CTEs the customer, message,
 * acknowledgement, outbox mail, promise, task, events and timers, each inserted only if the
 * case was written. One statement is atomic on its own, so no transaction is opened, and
 * foreign keys between its parts are checked at its end. Returns false when the case had
 * changed, and nothing was written: the caller reads again and decides again; otherwise the
 * row versions it left.
 *
 * Why one statement: on this path the cost is per statement — building it, planning it, one
 * socket write each — more than the rows it writes (docs/BENCHMARKS.md, "Core desk").
 */
export async function writeIntake(db: Db, timers: Timers, write: IntakeWrite): Promise<IntakeVersions | false> {
  const statement = new HotStatement();
  const parts: Array<[string, string]> = [[CASE_WRITTEN, caseText(statement, write.caseWrite)]];
  let customerWritten = 'null::text';
  if (write.newCustomer) {
    parts.push(['new_customer', `${insertRowsText(statement, customers, [write.newCustomer])} returning xmin::text as version`]);
    customerWritten = '(select version from new_customer)';
  }
  if (write.customerLanguage) {
    const { id, language } = write.customerLanguage;
    parts.push([
      'customer_language',
      `update customers set language = ${statement.param(language, 'text')} where id = ${statement.param(id, 'uuid')} and exists (select from ${CASE_WRITTEN}) returning xmin::text as version`,
    ]);
    customerWritten = '(select version from customer_language)';
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

  const text = `with ${parts.map(([name, body]) => `${name} as (${body})`).join(',\n')}
select (select version from ${CASE_WRITTEN}) as case_version, ${customerWritten} as customer_version`;
  const [result] = await runHotStatement<{ case_version: string | null; customer_version: string | null }>(db, text, statement.values);
  if (!result?.case_version) return false;
  if (!timers.insertText) for (const timer of write.timers) await timers.schedule(db, timer);
  return { caseVersion: result.case_version, customerVersion: result.customer_version };
}

function caseText(statement: HotStatement, caseWrite: IntakeWrite['caseWrite']): string {
  if (caseWrite.kind === 'insert') return `${insertRowsText(statement, cases, [caseWrite.row])} returning xmin::text as version`;
  const { set, guard } = caseWrite;
  const at = (date: Date | undefined) => statement.param(date ? date.toISOString() : null, 'timestamptz');
  return `update cases set status = ${statement.param(set.status, 'text')}, last_customer_message_at = ${at(set.lastCustomerMessageAt)},
      updated_at = ${at(set.updatedAt)}, last_acknowledged_at = coalesce(${at(set.lastAcknowledgedAt)}, last_acknowledged_at)
    where id = ${statement.param(caseWrite.id, 'uuid')} and workspace_id = ${statement.param(caseWrite.workspaceId, 'uuid')}
      and xmin = ${statement.param(caseWrite.version, 'text')}::xid${guard ? guardText(statement, caseWrite.id, guard) : ''}
    returning xmin::text as version`;
}

function guardText(statement: HotStatement, caseId: string, guard: ThreadGuard): string {
  return `
      and (select cu.xmin::text from customers cu where cu.id = ${statement.param(guard.customerId, 'uuid')}) = ${statement.param(guard.customerVersion, 'text')}
      and (select p.id from promises p where p.case_id = ${statement.param(caseId, 'uuid')} and p.kind = 'first_response' and p.status = 'open' limit 1)
        is not distinct from ${statement.param(guard.openFirstResponseId, 'uuid')}`;
}

function eventRow(e: NewEvent): Insert<typeof events> {
  return { workspaceId: e.workspaceId, caseId: e.caseId, customerId: e.customerId, type: e.type, actorUserId: e.actorUserId, data: e.data as Record<string, unknown>, occurredAt: e.occurredAt };
}

/** Inside a caller's transaction a failed statement aborts it, so there a conflict cannot be retried in place. */
export function insideTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}
