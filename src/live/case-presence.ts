// The collision warning's two operations: a heartbeat (or leave) on a case, and who is on it.
// The case id is checked against the caller's workspace first, like every id a request carries.
import type { CasePresenceResponse } from '../contract/live-types.ts';
import type { Db } from '../db/open-database.ts';
import type { PresenceActivity } from '../kernel/domain-words.ts';
import { requireCase } from '../desk/index.ts';
import { loadStaffNames } from '../views/index.ts';
import type { LiveHub } from './live-hub.ts';

export interface PresenceCaller {
  workspaceId: string;
  userId: string;
}

export async function notePresence(
  db: Db,
  hub: LiveHub,
  caller: PresenceCaller,
  caseId: string,
  activity: PresenceActivity | 'left',
): Promise<CasePresenceResponse> {
  await requireCase(db, caller.workspaceId, caseId);
  await hub.notePresence({ workspaceId: caller.workspaceId, caseId, userId: caller.userId, activity });
  return presentPresence(db, hub, caller.workspaceId, caseId);
}

export async function readCasePresence(
  db: Db,
  hub: LiveHub,
  workspaceId: string,
  caseId: string,
): Promise<CasePresenceResponse> {
  await requireCase(db, workspaceId, caseId);
  return presentPresence(db, hub, workspaceId, caseId);
}

async function presentPresence(db: Db, hub: LiveHub, workspaceId: string, caseId: string) {
  const entries = hub.people(workspaceId, caseId);
  const nameOf = entries.length > 0 ? await loadStaffNames(db, workspaceId) : () => '';
  return {
    caseId,
    people: entries.map((p) => ({
      userId: p.userId,
      name: nameOf(p.userId),
      activity: p.activity,
      since: new Date(p.since).toISOString(),
    })),
  };
}
