import type { Db } from '../../../db/open-database.ts';
import { promiseDurations } from '../../../db/schema-promises.ts';
import { businessMinutesBetween } from './business-time.ts';
import { loadCalendar, noteNewDuration, teamOfUser } from './capability-store.ts';

export interface CompletedWork {
  workspaceId: string;
  kind: string;
  caseRow: {
    id: string;
    channel: string;
    language: string | null;
    priority: string;
    category: string | null;
    ownerId: string | null;
  };
  ownerId?: string | null;
  promiseId?: string | null;
  startedAt: Date;
  completedAt: Date;
  /** A broken promise: the work took at least this long. */
  censored?: boolean;
}

/**
 * Appends one derived fact to the capability history, in the caller's transaction: first
 * answer sent (message received → sent), case resolved (opened → resolved), promise kept
 * (made → kept) or broken (made → due, a lower bound).
 */
export async function recordCompletedWork(db: Db, work: CompletedWork): Promise<void> {
  const ownerId = work.ownerId ?? work.caseRow.ownerId;
  const teamId = await teamOfUser(db, ownerId);
  const calendar = await loadCalendar(db, work.workspaceId, teamId);
  const minutes = Math.max(0, Math.round((work.completedAt.getTime() - work.startedAt.getTime()) / 60_000));
  await db.insert(promiseDurations).values({
    workspaceId: work.workspaceId,
    kind: work.kind,
    channel: work.caseRow.channel,
    language: work.caseRow.language,
    priority: work.caseRow.priority,
    teamId,
    category: work.caseRow.category,
    ownerId,
    caseId: work.caseRow.id,
    promiseId: work.promiseId ?? null,
    startedAt: work.startedAt,
    completedAt: work.completedAt,
    minutes,
    businessMinutes: calendar ? businessMinutesBetween(work.startedAt, work.completedAt, calendar) : null,
    censored: work.censored ? 1 : 0,
  });
  noteNewDuration(db, work.workspaceId, work.kind);
}
