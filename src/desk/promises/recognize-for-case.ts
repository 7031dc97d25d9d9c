import type { Db } from '../../db/open-database.ts';
import { loadCalendar, teamOfUser } from './capability/capability-store.ts';
import { recognizeCommitments, type RecognizedCommitment } from './commitments/recognize-commitment.ts';

/**
 * The commitments in a reply on a case, resolved in the workspace's time zone and on the
 * business calendar the case's owner works to (their team's, else the workspace's): "within 2
 * business days" skips its closed days and holidays, not the language's usual weekend.
 */
export async function recognizeCommitmentsOnCase(
  db: Db,
  workspace: { id: string; timeZone: string },
  ownerId: string | null,
  text: string,
  now: Date,
): Promise<RecognizedCommitment[]> {
  const calendar = await loadCalendar(db, workspace.id, await teamOfUser(db, ownerId));
  return recognizeCommitments(text, now, workspace.timeZone, calendar);
}
