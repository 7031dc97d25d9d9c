import type { CaseComplaintView } from '../contract/complaint-types.ts';
import type { Db } from '../db/open-database.ts';
import { presentComplaint, requireCase } from '../desk/index.ts';

/** K12: whether the case is a complaint, of which kind, found how and why (404 for another workspace's case). */
export async function getCaseComplaint(db: Db, workspaceId: string, caseId: string): Promise<CaseComplaintView> {
  return presentComplaint(await requireCase(db, workspaceId, caseId));
}
