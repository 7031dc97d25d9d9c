import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.ts';
import { users } from '../../../db/schema.ts';
import { businessCalendars, promiseDurations } from '../../../db/schema-promises.ts';
import { onChange } from '../../../kernel/change-notice.ts';
import type { BusinessCalendar } from './business-time.ts';
import type { DurationSample } from './group-fallback.ts';

// Reading capability must not slow intake (issue 4, "Speed"): the samples of one kind are the
// latest HISTORY_LIMIT rows of `promise_durations` (one backward index scan, however large the
// history), and they are kept in memory for CACHE_MS per store and workspace. Several
// instances each hold their own copy; a quote a minute stale is still a measured quote.

export const HISTORY_LIMIT = 5_000;
export const HISTORY_DAYS = 180;
const CACHE_MS = 60_000;
/** A young history moves with every completion, so it is re-read at once; a large one waits for the TTL. */
const REFRESH_AT_ONCE_BELOW = 1_000;

type Entry<T> = { value: T; at: number };
// Keyed by workspace, user and kind ids (UUIDs, unique across stores), not by the db handle:
// intake quotes inside a transaction, and every transaction is a new handle.
const sampleCache = new Map<string, Entry<DurationSample[]>>();
const calendarCache = new Map<string, Entry<BusinessCalendar | null>>();
const teamCache = new Map<string, Entry<string | null>>();

function bucket<T>(cache: Map<string, Entry<T>>, _db: Db | null): Map<string, Entry<T>> {
  return cache;
}

async function cached<T>(cache: Map<string, Entry<T>>, db: Db, key: string, load: () => Promise<T>): Promise<T> {
  const m = bucket(cache, db);
  const hit = m.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = await load();
  m.set(key, { value, at: Date.now() });
  return value;
}

export async function loadDurationSamples(
  db: Db,
  workspaceId: string,
  kind: string,
  now: Date,
): Promise<DurationSample[]> {
  return cached(sampleCache, db, `${workspaceId}:${kind}`, async () => {
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const rows = await db
      .select({
        channel: promiseDurations.channel,
        language: promiseDurations.language,
        priority: promiseDurations.priority,
        teamId: promiseDurations.teamId,
        category: promiseDurations.category,
        minutes: promiseDurations.minutes,
        businessMinutes: promiseDurations.businessMinutes,
      })
      .from(promiseDurations)
      .where(
        and(
          eq(promiseDurations.workspaceId, workspaceId),
          eq(promiseDurations.kind, kind),
          gt(promiseDurations.completedAt, since),
        ),
      )
      .orderBy(desc(promiseDurations.completedAt))
      .limit(HISTORY_LIMIT);
    return rows;
  });
}

/** The team's own calendar, else the workspace's; null when the workspace keeps no hours. */
export async function loadCalendar(
  db: Db,
  workspaceId: string,
  teamId: string | null,
): Promise<BusinessCalendar | null> {
  return cached(calendarCache, db, `${workspaceId}:${teamId ?? ''}`, async () => {
    const rows = await db
      .select()
      .from(businessCalendars)
      .where(
        and(
          eq(businessCalendars.workspaceId, workspaceId),
          teamId
            ? or(eq(businessCalendars.teamId, teamId), isNull(businessCalendars.teamId))
            : isNull(businessCalendars.teamId),
        ),
      );
    const row = rows.find((r) => r.teamId === teamId) ?? rows.find((r) => r.teamId === null);
    return row ? { timeZone: row.timeZone, weeklyHours: row.weeklyHours, holidays: new Set(row.holidays) } : null;
  });
}

export async function teamOfUser(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return cached(teamCache, db, userId, async () => {
    const [row] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, userId));
    return row?.teamId ?? null;
  });
}

/** After a completion is recorded: a young history is re-read on the next quote. */
export function noteNewDuration(db: Db, workspaceId: string, kind: string): void {
  const m = bucket(sampleCache, db);
  const hit = m.get(`${workspaceId}:${kind}`);
  if (hit && hit.value.length < REFRESH_AT_ONCE_BELOW) m.delete(`${workspaceId}:${kind}`);
}

/** Tests and a changed calendar: forget everything cached for a workspace. */
export function forgetCapability(db: Db | null, workspaceId: string): void {
  for (const cache of [sampleCache, calendarCache] as const) {
    const m = bucket(cache as Map<string, Entry<unknown>>, db);
    for (const key of [...m.keys()]) if (key.startsWith(`${workspaceId}:`)) m.delete(key);
  }
}

/** A person changed team: their next quote uses the new team's history and hours, not a minute-old one. */
export function forgetTeamOfUser(userId: string): void {
  teamCache.delete(userId);
}

onChange((change) => {
  if (change.kind === 'staff' && change.teamChanged) forgetTeamOfUser(change.userId);
  if (change.kind === 'calendar') forgetCapability(null, change.workspaceId);
});
