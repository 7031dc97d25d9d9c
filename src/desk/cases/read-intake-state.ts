import type { Db } from '../../db/open-database.ts';
import { cases, customers } from '../../db/schema.ts';
import { HotStatement, rowFromJson, runHotStatement } from '../../db/hot-statement.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { normalizeEmail, type CustomerIdentity, type CustomerRow } from '../../customers/index.ts';
import type { OwnerCandidate } from './choose-owner.ts';
import { freshStaffLoads, rememberStaffLoads } from './staff-loads.ts';
import { findCustomerForNewCase, findCustomersForNewCases } from './read-new-cases.ts';
import { insideTransaction } from './write-intake.ts';

// Intake reads what it decides on in one statement and writes in one more
// (receive-customer-message.ts). At first nothing is locked: the write of a threaded message is
// guarded by the version of the case read here; if the case changed, intake reads it again
// under a row lock (`lock`) in a transaction.

export type CaseRow = typeof cases.$inferSelect;

export interface ThreadState {
  caseRow: CaseRow;
  /** The row version (xmin) the decisions were made on. */
  version: string;
  customer: CustomerRow;
  /** The customer row's version (xmin), for a later write that skips this read (thread-cache.ts). */
  customerVersion: string;
  openFirstResponse: { id: string; dueAt: Date } | null;
  firstAcknowledgementId: string | null;
}

/** A message threaded onto a case: the case, its customer, its open first-response promise and first acknowledgement. */
export async function readThread(
  db: Db,
  workspaceId: string,
  caseId: string,
  options: { lock: boolean },
): Promise<ThreadState> {
  const statement = new HotStatement();
  const text = `select to_jsonb(c) as case_row, to_jsonb(cu) as customer, c.xmin::text as version, cu.xmin::text as customer_version,
      p.id as promise_id, p.due_at as promise_due_at,
      (select a.id from acknowledgements a where a.case_id = c.id order by a.created_at limit 1) as first_acknowledgement_id
    from cases c
    join customers cu on cu.id = c.customer_id
    left join lateral (select p.id, p.due_at from promises p where p.case_id = c.id and p.kind = 'first_response' and p.status = 'open' limit 1) p on true
    where c.id = ${statement.param(caseId, 'uuid')} and c.workspace_id = ${statement.param(workspaceId, 'uuid')}${options.lock ? ' for update of c' : ''}`;
  const [row] = await runHotStatement<{
    case_row: unknown;
    customer: unknown;
    version: string;
    customer_version: string;
    promise_id: string | null;
    promise_due_at: Date | string | null;
    first_acknowledgement_id: string | null;
  }>(db, text, statement.values);
  if (!row) throw notFound('The case');
  return threadStateFromRow(row);
}

export interface NewCaseState {
  /** The customer who wrote, or null when they write for the first time. */
  customer: CustomerRow | null;
  customerVersion: string | null;
  /** Active staff with their open-case load, for the owner pick (choose-owner.ts; staff-loads.ts keeps it for a second). */
  staff: OwnerCandidate[];
  /** Taken from the cases' sequence now, because the acknowledgement quotes the reference before the case is written. */
  caseNumber: number;
}

/** A message that opens a case: the customer by id, e-mail or phone, the staff's loads and a case number. */
export async function readNewCase(db: Db, workspaceId: string, who: CustomerIdentity): Promise<NewCaseState> {
  const lookup = { workspaceId, ...customerKey(who) };
  const staff = freshStaffLoads(workspaceId) ?? (await readStaffLoads(db, workspaceId));
  // Outside a transaction, one statement answers every message opening a case meanwhile.
  const found = insideTransaction(db)
    ? (await findCustomersForNewCases(db, [lookup]))[0]!
    : await findCustomerForNewCase(db, lookup);
  // Named by id only by staff (POST /cases, customerId) and signed portal links: another workspace's is not found.
  if (who.id && !found.customer) throw notFound('The customer', { field: 'customerId' });
  return { ...found, staff };
}

/**
 * Every active staff member with their open cases, remembered for a second (staff-loads.ts).
 * The load is counted per person in cases_workspace_owner_status_idx (workspace, owner,
 * status): an index-only scan of that person's own cases, not of the whole backlog.
 */
async function readStaffLoads(db: Db, workspaceId: string): Promise<OwnerCandidate[]> {
  const statement = new HotStatement();
  const text = `select coalesce(json_agg(json_build_object(
        'id', u.id, 'role', u.role, 'languages', u.languages, 'capacity', u.capacity, 'active', u.active,
        'openCases', (select count(*) from cases c where c.workspace_id = u.workspace_id and c.owner_id = u.id and c.status not in ('resolved', 'closed'))
      )), '[]'::json) as staff
    from users u where u.workspace_id = ${statement.param(workspaceId, 'uuid')} and u.active`;
  const [row] = await runHotStatement<{ staff: OwnerCandidate[] | string | null }>(db, text, statement.values);
  const read = (typeof row?.staff === 'string' ? JSON.parse(row.staff) : (row?.staff ?? [])) as OwnerCandidate[];
  const staff = read.map((s) => ({ ...s, openCases: Number(s.openCases) }));
  rememberStaffLoads(workspaceId, staff);
  return staff;
}

/** The same person writing twice is one customer: matched by id, then e-mail, then phone. */
function customerKey(who: CustomerIdentity): { id: string | null; email: string | null; phone: string | null } {
  if (who.id) return { id: who.id, email: null, phone: null };
  const email = normalizeEmail(who.email);
  if (email) return { id: null, email, phone: null };
  const phone = who.phone?.trim();
  if (phone) return { id: null, email: null, phone };
  throw new KeptError('request.invalid', 'A customer needs an e-mail address or a phone number', {
    field: 'customer.email',
  });
}

/** Whether the identity given with a threaded message is the case's own customer. */
export function isSameCustomer(who: CustomerIdentity, customer: CustomerRow): boolean {
  if (who.id) return who.id === customer.id;
  const email = normalizeEmail(who.email);
  if (email) return email === customer.email;
  const phone = who.phone?.trim();
  return !!phone && phone === customer.phone;
}

// Intake's read taken along in a caller's own statement. A caller that asks the store about a
// message anyway just before its intake (e-mail: inbound-lookups.ts, one statement for a
// batch of messages) can read intake's state in that statement and save intake its read.
// receiveCustomerMessage uses such a state for its first, optimistic try only: the write is
// guarded by the case's version and the customer's unique address, and the locked retry
// reads afresh. Keep these the same reads as readThread and readNewCase above.

/** What a caller read for intake: the thread of the case it names, or what opening a case needs. */
export interface PrefetchedIntake {
  thread?: ThreadState;
  newCase?: NewCaseState;
}

/** readThread's read, as one json value, of the case whose id is the SQL expression `caseId`. */
export function threadStateJsonSql(caseId: string, workspaceId: string): string {
  return `(select json_build_object('case_row', to_jsonb(c), 'customer', to_jsonb(cu), 'version', c.xmin::text,
      'customer_version', cu.xmin::text, 'promise_id', p.id, 'promise_due_at', p.due_at,
      'first_acknowledgement_id', (select a.id from acknowledgements a where a.case_id = c.id order by a.created_at limit 1))
    from cases c
    join customers cu on cu.id = c.customer_id
    left join lateral (select p.id, p.due_at from promises p where p.case_id = c.id and p.kind = 'first_response' and p.status = 'open' limit 1) p on true
    where c.id = ${caseId} and c.workspace_id = ${workspaceId})`;
}

/** readThread's row, or the same as one json value (threadStateJsonSql). */
export function threadStateFromRow(json: unknown): ThreadState {
  const row = (typeof json === 'string' ? JSON.parse(json) : json) as {
    case_row: unknown;
    customer: unknown;
    version: string;
    customer_version: string;
    promise_id: string | null;
    promise_due_at: Date | string | null;
    first_acknowledgement_id: string | null;
  };
  return {
    caseRow: rowFromJson(cases, row.case_row),
    version: row.version,
    customer: rowFromJson(customers, row.customer),
    customerVersion: row.customer_version,
    openFirstResponse: row.promise_id ? { id: row.promise_id, dueAt: new Date(row.promise_due_at!) } : null,
    firstAcknowledgementId: row.first_acknowledgement_id,
  };
}

/**
 * readNewCase's read for a customer known by e-mail, as one json value (SQL expressions for
 * the workspace and the normalised address). The staff's loads are not read: the caller asks
 * only while staff-loads.ts holds them (freshStaffLoads), and passes them to newCaseFromJson.
 */
export function newCaseJsonSql(workspaceId: string, email: string): string {
  return `json_build_object('customer', (select json_build_array(to_jsonb(cu), cu.xmin::text) from customers cu where cu.workspace_id = ${workspaceId} and cu.email = ${email} limit 1),
    'case_number', nextval('cases_number_seq'))`;
}

export function newCaseFromJson(json: unknown, staff: OwnerCandidate[]): NewCaseState {
  const row = (typeof json === 'string' ? JSON.parse(json) : json) as {
    customer: [unknown, string] | null;
    case_number: number | string;
  };
  return {
    customer: row.customer ? rowFromJson(customers, row.customer[0]) : null,
    customerVersion: row.customer?.[1] ?? null,
    staff,
    caseNumber: Number(row.case_number),
  };
}
