import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { CustomerListPage } from '../contract/desk-find-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers } from '../db/schema.ts';
import { presentCustomer } from './get-case-detail.ts';
import { caseIdsMatching, customerIdsMatching, referenceNumber, searchText } from './desk-search.ts';

/**
 * The customer list (issue 16): every customer by name until something is typed; then those whose
 * name or address contains it (as typed, so "Deni" finds Denise while it is being typed; a plain
 * `ilike`, since folding every name of the workspace cost a second at 50,000 customers), whose words
 * (folded: "احمد" finds "أحمد"), phone or order match, or who have a case the desk search finds.
 */
export async function searchCustomers(
  db: Db,
  workspaceId: string,
  query: string,
  limit = 100,
): Promise<CustomerListPage> {
  const q = searchText(query);
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  // A case reference ("K-12") names one case: its customer, not whoever's words share "12".
  const found = q
    ? referenceNumber(q) !== null
      ? sql`${customers.id} in (select ${cases.customerId} from ${cases}
          where ${cases.id} in ${caseIdsMatching(workspaceId, q)})`
      : or(
          sql`${customers.name} ilike ${like}`,
          sql`${customers.email} ilike ${like}`,
          sql`${customers.id} = any(array${customerIdsMatching(workspaceId, q)})`,
          sql`${customers.id} in (select ${cases.customerId} from ${cases}
          where ${cases.id} in ${caseIdsMatching(workspaceId, q)})`,
        )
    : undefined;
  const rows = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), found))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(limit + 1);
  return { customers: rows.slice(0, limit).map(presentCustomer), more: rows.length > limit };
}
