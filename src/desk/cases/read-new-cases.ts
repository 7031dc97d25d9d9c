// The read of a message that opens a case (readNewCase: the customer, a case number), gathered
// for the messages that arrive together: one statement answers all of them, as intake's
// writes are gathered into one (intake-group-commit.ts). A statement is a round trip and a
// wake-up on both sides, which on a busy desk costs more than these index lookups. The staff's
// loads are read apart, at most once a second (staff-loads.ts).
import type { Db } from '../../db/open-database.ts';
import { HotStatement, rowFromJson, runHotStatement } from '../../db/hot-statement.ts';
import { customers } from '../../db/schema.ts';
import type { CustomerRow } from '../../customers/index.ts';

/** One customer to find: exactly one of id, email (normalised) or phone is set. */
export interface CustomerLookup {
  workspaceId: string;
  id: string | null;
  email: string | null;
  phone: string | null;
}

export interface FoundCustomer {
  customer: CustomerRow | null;
  customerVersion: string | null;
  caseNumber: number;
}

/** Statements on their way at once; the next group gathers meanwhile. */
const MAX_IN_FLIGHT = 1;
const MAX_LOOKUPS = 64;

// Each lookup on the index its key has: null keys match nothing and cost nothing.
const TEXT = `select q.k,
    coalesce(
      (select json_build_array(to_jsonb(cu), cu.xmin::text) from customers cu where cu.id = q.id and cu.workspace_id = q.workspace_id),
      (select json_build_array(to_jsonb(cu), cu.xmin::text) from customers cu where cu.workspace_id = q.workspace_id and cu.email = q.email limit 1),
      (select json_build_array(to_jsonb(cu), cu.xmin::text) from customers cu where cu.workspace_id = q.workspace_id and cu.phone = q.phone limit 1)
    ) as customer,
    nextval('cases_number_seq') as case_number
  from json_to_recordset($1::json) as q(k int, workspace_id uuid, id uuid, email text, phone text)
  order by q.k`;

/** Finds each customer and takes a case number for each, in one statement. */
export async function findCustomersForNewCases(db: Db, lookups: CustomerLookup[]): Promise<FoundCustomer[]> {
  const statement = new HotStatement();
  const json = JSON.stringify(
    lookups.map((l, k) => ({ k, workspace_id: l.workspaceId, id: l.id, email: l.email, phone: l.phone })),
  );
  statement.param(json, 'json');
  const rows = await runHotStatement<{ k: number; customer: unknown; case_number: number | string }>(
    db,
    TEXT,
    statement.values,
  );
  return rows.map((row) => {
    const found = row.customer
      ? ((typeof row.customer === 'string' ? JSON.parse(row.customer) : row.customer) as [unknown, string])
      : null;
    return {
      customer: found ? rowFromJson(customers, found[0]) : null,
      customerVersion: found?.[1] ?? null,
      caseNumber: Number(row.case_number),
    };
  });
}

interface Pending {
  lookup: CustomerLookup;
  resolve: (found: FoundCustomer) => void;
  reject: (error: unknown) => void;
}

class NewCaseReadQueue {
  private waiting: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly db: Db) {}

  find(lookup: CustomerLookup): Promise<FoundCustomer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ lookup, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_LOOKUPS);
      this.inFlight++;
      void findCustomersForNewCases(
        this.db,
        group.map((p) => p.lookup),
      )
        .then(
          (found) => group.forEach((p, i) => p.resolve(found[i]!)),
          (error: unknown) => group.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}

const queues = new WeakMap<object, NewCaseReadQueue>();

/** The lookup, gathered with those of other messages arriving meanwhile. Not inside a transaction. */
export function findCustomerForNewCase(db: Db, lookup: CustomerLookup): Promise<FoundCustomer> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new NewCaseReadQueue(db)));
  return queue.find(lookup);
}
