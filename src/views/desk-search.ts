// One search for the desk (issue 16): a case reference, the subject, every message's text, the
// customer's name, e-mail and phone, and order numbers. The words are folded and stemmed in SQL
// (migration 0017: kept_search_fold, kept_search_vector, kept_search_query; the words stored in each
// row's search_vector), so PGlite and PostgreSQL answer alike; every arm below reads one GIN index
// or stops early on a word that most rows have (docs/ARCHITECTURE.md, "Finding work").
import { sql, type SQL } from 'drizzle-orm';
import { cases, customers, messages } from '../db/schema.ts';
import { purchases } from '../db/schema-retention.ts';
import { TEXT_BOUNDS } from '../language/index.ts';

/**
 * Hits read per arm of a search (subjects, messages, customers). A common word can match most rows:
 * each arm stops after this many index hits, so the cost of a search is bounded whatever is typed
 * (a list shows at most 500 cases, and says when there were more).
 */
export const HITS_READ = 2000;

/** "K-5", "k5", "#K-5": the reference's number, else null. */
export function referenceNumber(query: string): number | null {
  const match = /^#?k-?(\d{1,15})$/i.exec(query.trim());
  return match ? Number(match[1]) : null;
}

/** What was typed, trimmed and cut to the length a search reads. */
export function searchText(query: string): string {
  return query.trim().slice(0, TEXT_BOUNDS.searchQuery);
}

/** The ids of the workspace's customers whose name, e-mail or phone has the words, or who placed the order. */
export function customerIdsMatching(workspaceId: string, query: string): SQL {
  const q = searchText(query);
  return sql`(select word_hit.id from (select ${customers.id} from ${customers}
      where ${customers.workspaceId} = ${workspaceId}
        and ${customers.searchVector} @@ kept_search_query(${q})
      limit ${HITS_READ}) word_hit
    union
    select ${purchases.customerId} from ${purchases}
      where ${purchases.workspaceId} = ${workspaceId} and ${purchases.rowHash} = ${`o:${q}`})`;
}

/** The ids of the workspace's cases the search finds: by reference, subject, message text or customer. */
export function caseIdsMatching(workspaceId: string, query: string): SQL {
  const q = searchText(query);
  const number = referenceNumber(q);
  if (number !== null) {
    return sql`(select ${cases.id} from ${cases} where ${cases.workspaceId} = ${workspaceId}
      and ${cases.number} = ${number})`;
  }
  return sql`(select subject_hit.id from (select ${cases.id} from ${cases}
      where ${cases.workspaceId} = ${workspaceId}
        and ${cases.searchVector} @@ kept_search_query(${q})
      limit ${HITS_READ}) subject_hit
    union
    select message_hit.case_id from (select ${messages.caseId} as case_id from ${messages}
      where ${messages.workspaceId} = ${workspaceId}
        and ${messages.searchVector} @@ kept_search_query(${q})
      limit ${HITS_READ}) message_hit
    union
    select customer_hit.id from (select ${cases.id} from ${cases}
      where ${cases.workspaceId} = ${workspaceId} and ${cases.customerId} in ${customerIdsMatching(workspaceId, q)}
      limit ${HITS_READ}) customer_hit)`;
}
