// Threading of a reply and its parent processed at the same time (issue 20). A batch sees the
// store as committed when its lookups run; a parent being processed in another batch is not
// there yet, so the reply would open a case of its own. Every message therefore takes, before
// its lookups, a transaction-scoped lock on each Message-ID it deals with — its own, and the
// ones its In-Reply-To/References name (the ids it may claim, `threadClaimIds`). A reply and
// its parent share the parent's id, so whichever comes second waits for the first to commit,
// and then reads what it left: the parent's case (the reply threads onto it), or the reply's
// claim on the parent's id (the parent joins the reply's case: thread-email.ts, step 1b).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/open-database.ts';
import { bareMessageId } from '../thread-ids.ts';

/**
 * The header ids a message claims for its case when it is processed (inbound-outcomes.ts), and
 * locks before its lookups: In-Reply-To and the newest References, a few only — each is a lock
 * and a row, and a parent is named by the newest ones.
 */
export const MAX_CLAIMED_IDS = 10;

export function threadClaimIds(inReplyTo: readonly string[], references: readonly string[]): string[] {
  const ids = [...inReplyTo, ...[...references].reverse()].map(bareMessageId).filter(Boolean);
  return [...new Set(ids)].slice(0, MAX_CLAIMED_IDS);
}

/**
 * Takes the locks in one statement, in one global order (sorted keys), so that two batches
 * never wait for each other in a circle; held until the transaction ends. The key is a hash of
 * the id alone: a collision (or the same id in two workspaces) only makes one batch wait.
 */
export async function lockMessageIds(tx: Db, ids: ReadonlyArray<string | null>): Promise<void> {
  const keys = [...new Set(ids.filter((id): id is string => !!id))];
  if (keys.length === 0) return;
  await queryRows(
    tx,
    sql`select count(pg_advisory_xact_lock(k))::int as n from (select distinct hashtextextended(id, 0) as k
      from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) id order by k offset 0) s`,
  );
}
