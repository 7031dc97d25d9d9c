import { PgTransaction, type PgTable } from 'drizzle-orm/pg-core';
import { HotStatement, insertRowsText, runHotStatement } from '../../db/hot-statement.ts';
import type { Db } from '../../db/open-database.ts';
import { acknowledgements, cases, customers, events, messages, promises, tasks } from '../../db/schema.ts';
import { outbox } from '../../db/schema-email.ts';
import type { NewEvent } from '../../events/event-types.ts';
import type { TimerRequest, Timers } from '../../kernel/desk-context.ts';

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
  newCustomer: (Insert<typeof customers> & { id: string }) | null;
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

// The CTE every other part of the statement is guarded by: the ids of the cases written.
const CASES_WRITTEN = 'written_case';

/**
 * Writes the intakes of several messages in one statement (intake-group-commit.ts gathers
 * them; a caller's transaction writes one): the cases (inserted, or updated only if nobody
 * changed them since they were read), and as data-modifying CTEs, one per table for all the
 * messages, the customers, messages, acknowledgements, outbox mail, promises, tasks, events and
 * timers — each row only if its case was written. One statement is atomic on its own, so no
 * transaction is opened, and foreign keys between its parts are checked at its end. For each
 * write, false when its case had changed and nothing of it was written (the caller reads and
 * decides again); otherwise the row versions it left.
 *
 * At most one write per case and per customer: the parts of one statement all see the rows as
 * they were before it, so a second change of the same row would not see the first.
 *
 * Why one statement, and one per table rather than per message: on this path the cost is per
 * statement and per table written — a round trip, a commit, opening each table and its indexes
 * — more than the rows (docs/BENCHMARKS.md, "Core desk").
 */
export async function writeIntakes(
  db: Db,
  timers: Timers,
  writes: IntakeWrite[],
): Promise<Array<IntakeVersions | false>> {
  const statement = new HotStatement();
  const parts: Array<[string, string]> = [];

  // One insert per set of columns given (bySignature), each a CTE named `<name>_<i>`.
  const insert = (
    name: string,
    table: PgTable,
    rows: object[],
    options: { caseIn?: string; ordered?: boolean; returning?: boolean } = {},
  ): string[] =>
    bySignature(rows).map((group, i) => {
      const text = insertRowsText(statement, table, group as Array<Record<string, unknown>>, options);
      parts.push([`${name}_${i}`, options.returning ? `${text} returning id, xmin::text as version` : text]);
      return `${name}_${i}`;
    });

  const writtenBy = insert(
    'inserted_cases',
    cases,
    writes.flatMap((w) => (w.caseWrite.kind === 'insert' ? [w.caseWrite.row] : [])),
    { returning: true },
  );
  const updates = writes.flatMap((w) => (w.caseWrite.kind === 'update' ? [w.caseWrite] : []));
  if (updates.length > 0) {
    parts.push(['updated_cases', updateCasesText(statement, updates)]);
    writtenBy.push('updated_cases');
  }
  parts.push([CASES_WRITTEN, writtenBy.map((name) => `select id, version from ${name}`).join(' union all ')]);

  const customerParts = insert(
    'new_customers',
    customers,
    writes.flatMap((w) => (w.newCustomer ? [w.newCustomer] : [])),
    { returning: true },
  );
  const languages = writes.flatMap((w) =>
    w.customerLanguage
      ? [{ id: w.customerLanguage.id, language: w.customerLanguage.language, case_id: caseIdOf(w) }]
      : [],
  );
  if (languages.length > 0) {
    parts.push([
      'customer_languages',
      `update customers cu set language = l.language
        from json_to_recordset(${statement.param(JSON.stringify(languages), 'json')}) as l(id uuid, language text, case_id uuid)
        where cu.id = any(${uuidArray(
          statement,
          languages.map((l) => l.id),
        )}) and cu.id = l.id and l.case_id in (select id from ${CASES_WRITTEN})
        returning cu.id, cu.xmin::text as version`,
    ]);
    customerParts.push('customer_languages');
  }

  const ofWrittenCases = { caseIn: CASES_WRITTEN };
  insert(
    'new_messages',
    messages,
    writes.map((w) => w.message),
    ofWrittenCases,
  );
  insert(
    'new_acknowledgements',
    acknowledgements,
    writes.flatMap((w) => (w.acknowledgement ? [w.acknowledgement] : [])),
    ofWrittenCases,
  );
  insert(
    'new_outbox',
    outbox,
    writes.flatMap((w) => (w.outbox ? [w.outbox] : [])),
    ofWrittenCases,
  );
  insert(
    'new_promises',
    promises,
    writes.flatMap((w) => (w.promise ? [w.promise] : [])),
    ofWrittenCases,
  );
  insert(
    'new_tasks',
    tasks,
    writes.flatMap((w) => (w.task ? [w.task] : [])),
    ofWrittenCases,
  );
  // Events keep the order they were decided in (their ids are serial and the timeline reads by id).
  insert(
    'new_events',
    events,
    writes.flatMap((w) => w.events.map(eventRow)),
    { ...ofWrittenCases, ordered: true },
  );
  const timerRequests = writes.flatMap((w) => w.timers.map((timer) => ({ timer, caseId: caseIdOf(w) })));
  if (timers.insertText && timerRequests.length > 0) {
    timers
      .insertText(statement, timerRequests, CASES_WRITTEN)
      .forEach((part, i) => parts.push([`new_timers_${i}`, part]));
  }

  const pairs = (from: string) => `(select json_agg(json_build_array(id, version)) from ${from})`;
  const customersWritten =
    customerParts.length > 0
      ? pairs(
          `(${customerParts.map((name) => `select id, version from ${name}`).join(' union all ')}) written_customer`,
        )
      : 'null::json';
  const text = `with ${parts.map(([name, body]) => `${name} as (${body})`).join(',\n')}
select ${pairs(CASES_WRITTEN)} as cases, ${customersWritten} as customers`;
  const [result] = await runHotStatement<{ cases: unknown; customers: unknown }>(db, text, statement.values);
  const caseVersions = versionsById(result?.cases);
  const customerVersions = versionsById(result?.customers);

  const outcomes = writes.map((w): IntakeVersions | false => {
    const caseVersion = caseVersions.get(caseIdOf(w));
    if (!caseVersion) return false;
    const customerWritten = w.newCustomer?.id ?? w.customerLanguage?.id;
    return { caseVersion, customerVersion: (customerWritten && customerVersions.get(customerWritten)) || null };
  });
  if (!timers.insertText) {
    for (const [i, w] of writes.entries())
      if (outcomes[i]) for (const timer of w.timers) await timers.schedule(db, timer);
  }
  return outcomes;
}

export function caseIdOf(write: IntakeWrite): string {
  return write.caseWrite.kind === 'insert' ? write.caseWrite.row.id : write.caseWrite.id;
}

// The rows to update are named by an id array as well as joined to the JSON: a JSON set's size
// is unknown to the planner (it guesses 100 rows), and with the join alone it scanned the whole
// table and hashed it rather than look 100 ids up; `id = any(array)` makes it an index lookup.
function updateCasesText(
  statement: HotStatement,
  updates: Array<Extract<IntakeWrite['caseWrite'], { kind: 'update' }>>,
): string {
  const rows = updates.map(({ id, workspaceId, version, set, guard }) => ({
    id,
    workspace_id: workspaceId,
    version,
    status: set.status,
    last_customer_message_at: set.lastCustomerMessageAt.toISOString(),
    updated_at: set.updatedAt.toISOString(),
    last_acknowledged_at: set.lastAcknowledgedAt?.toISOString() ?? null,
    guarded: !!guard,
    customer_id: guard?.customerId ?? null,
    customer_version: guard?.customerVersion ?? null,
    open_first_response_id: guard?.openFirstResponseId ?? null,
  }));
  return `update cases c set status = u.status, last_customer_message_at = u.last_customer_message_at, updated_at = u.updated_at,
      last_acknowledged_at = coalesce(u.last_acknowledged_at, c.last_acknowledged_at)
    from json_to_recordset(${statement.param(JSON.stringify(rows), 'json')}) as u(id uuid, workspace_id uuid, version text, status text,
      last_customer_message_at timestamptz, updated_at timestamptz, last_acknowledged_at timestamptz,
      guarded boolean, customer_id uuid, customer_version text, open_first_response_id uuid)
    where c.id = any(${uuidArray(
      statement,
      updates.map((u) => u.id),
    )}) and c.id = u.id and c.workspace_id = u.workspace_id and c.xmin = u.version::xid
      and (not u.guarded or (
        (select cu.xmin::text from customers cu where cu.id = u.customer_id) = u.customer_version
        and (select p.id from promises p where p.case_id = u.id and p.kind = 'first_response' and p.status = 'open' limit 1)
          is not distinct from u.open_first_response_id))
    returning c.id, c.xmin::text as version`;
}

/**
 * Rows split by the columns they set: a column one row leaves out keeps its default there,
 * which a shared column list would turn into null.
 */
function bySignature<T extends object>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    let set = row;
    let signature = '';
    for (const key in row) {
      if (row[key] === undefined) {
        set = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as T;
        signature = Object.keys(set)
          .map((k) => `${k},`)
          .join('');
        break;
      }
      signature += `${key},`;
    }
    const group = groups.get(signature);
    if (group) group.push(set);
    else groups.set(signature, [set]);
  }
  return [...groups.values()];
}

/** uuids as one array parameter (text form: uuids need no quoting). */
function uuidArray(statement: HotStatement, ids: string[]): string {
  return statement.param(`{${ids.join(',')}}`, 'uuid[]');
}

function versionsById(json: unknown): Map<string, string> {
  const pairs = (typeof json === 'string' ? JSON.parse(json) : (json ?? [])) as Array<[string, string]>;
  return new Map(pairs);
}

function eventRow(e: NewEvent): Insert<typeof events> {
  return {
    workspaceId: e.workspaceId,
    caseId: e.caseId ?? null,
    customerId: e.customerId ?? null,
    type: e.type,
    actorUserId: e.actorUserId ?? null,
    data: e.data as Record<string, unknown>,
    occurredAt: e.occurredAt,
  };
}

/** Inside a caller's transaction a failed statement aborts it, so there a conflict cannot be retried in place. */
export function insideTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}
