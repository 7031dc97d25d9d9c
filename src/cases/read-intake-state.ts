import type { Db } from '../db/open-database.ts';
import { cases, customers } from '../db/schema.ts';
import { HotStatement, rowFromJson, runHotStatement } from '../db/hot-statement.ts';
import { KeptError, notFound } from '../errors/kept-error.ts';
import { normalizeEmail, type CustomerIdentity, type CustomerRow } from '../customers/customer-identity.ts';
import type { OwnerCandidate } from './choose-owner.ts';
import { freshStaffLoads, rememberStaffLoads } from './staff-loads.ts';

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
export async function readThread(db: Db, workspaceId: string, caseId: string, options: { lock: boolean }): Promise<ThreadState> {
  const statement = new HotStatement();
  const text = `select to_jsonb(c) as case_row, to_jsonb(cu) as customer, c.xmin::text as version, cu.xmin::text as customer_version,
      p.id as promise_id, p.due_at as promise_due_at,
      (select a.id from acknowledgements a where a.case_id = c.id order by a.created_at limit 1) as first_acknowledgement_id
    from cases c
    join customers cu on cu.id = c.customer_id
    left join lateral (select p.id, p.due_at from promises p where p.case_id = c.id and p.kind = 'first_response' and p.status = 'open' limit 1) p on true
    where c.id = ${statement.param(caseId, 'uuid')} and c.workspace_id = ${statement.param(workspaceId, 'uuid')}${options.lock ? ' for update of c' : ''}`;
  const [row] = await runHotStatement<{ case_row: unknown; customer: unknown; version: string; customer_version: string; promise_id: string | null; promise_due_at: Date | string | null; first_acknowledgement_id: string | null }>(db, text, statement.values);
  if (!row) throw notFound('The case');
  return {
    caseRow: rowFromJson(cases, row.case_row),
    version: row.version,
    customer: rowFromJson(customers, row.customer),
    customerVersion: row.customer_version,
    openFirstResponse: row.promise_id ? { id: row.promise_id, dueAt: new Date(row.promise_due_at!) } : null,
    firstAcknowledgementId: row.first_acknowledgement_id,
  };
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
  const statement = new HotStatement();
  const workspace = statement.param(workspaceId, 'uuid');
  const match = customerMatch(statement, who);
  const cached = freshStaffLoads(workspaceId);
  // The load is counted per staff member in cases_workspace_owner_status_idx (workspace,
  // owner, status): an index-only scan of that person's own cases, not of the whole backlog.
  const staffColumn = cached
    ? 'null::json'
    : `(select coalesce(json_agg(json_build_object(
          'id', u.id, 'role', u.role, 'languages', u.languages, 'capacity', u.capacity, 'active', u.active,
          'openCases', (select count(*) from cases c where c.workspace_id = u.workspace_id and c.owner_id = u.id and c.status not in ('resolved', 'closed'))
        )), '[]'::json) from users u where u.workspace_id = ${workspace} and u.active)`;
  const text = `select
      (select json_build_array(to_jsonb(cu), cu.xmin::text) from customers cu where cu.workspace_id = ${workspace} and ${match} limit 1) as customer,
      ${staffColumn} as staff,
      nextval('cases_number_seq') as case_number`;
  const [row] = await runHotStatement<{ customer: unknown; staff: OwnerCandidate[] | string | null; case_number: number | string }>(db, text, statement.values);
  if (!row) throw notFound('The workspace');
  if (who.id && !row.customer) throw notFound('The customer');
  const found = row.customer ? ((typeof row.customer === 'string' ? JSON.parse(row.customer) : row.customer) as [unknown, string]) : null;
  let staff = cached;
  if (!staff) {
    const read = (typeof row.staff === 'string' ? JSON.parse(row.staff) : row.staff ?? []) as OwnerCandidate[];
    staff = read.map((s) => ({ ...s, openCases: Number(s.openCases) }));
    rememberStaffLoads(workspaceId, staff);
  }
  return { customer: found ? rowFromJson(customers, found[0]) : null, customerVersion: found?.[1] ?? null, staff, caseNumber: Number(row.case_number) };
}

/** The same person writing twice is one customer: matched by id, then e-mail, then phone. */
function customerMatch(statement: HotStatement, who: CustomerIdentity): string {
  if (who.id) return `cu.id = ${statement.param(who.id, 'uuid')}`;
  const email = normalizeEmail(who.email);
  if (email) return `cu.email = ${statement.param(email, 'text')}`;
  const phone = who.phone?.trim();
  if (phone) return `cu.phone = ${statement.param(phone, 'text')}`;
  throw new KeptError('request.invalid', 'A customer needs an e-mail address or a phone number', { field: 'customer.email' });
}

/** Whether the identity given with a threaded message is the case's own customer. */
export function isSameCustomer(who: CustomerIdentity, customer: CustomerRow): boolean {
  if (who.id) return who.id === customer.id;
  const email = normalizeEmail(who.email);
  if (email) return email === customer.email;
  const phone = who.phone?.trim();
  return !!phone && phone === customer.phone;
}
