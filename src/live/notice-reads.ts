// Marks a person's notifications read up to an event: one row per person, only ever moved forward
// (two tabs marking out of order cannot un-read anything).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { noticeReads } from '../db/schema-live.ts';

export async function markNoticesSeen(
  db: Db,
  reader: { workspaceId: string; userId: string },
  upTo: number,
  now: Date,
): Promise<void> {
  await db
    .insert(noticeReads)
    .values({ workspaceId: reader.workspaceId, userId: reader.userId, seenEventId: upTo, updatedAt: now })
    .onConflictDoUpdate({
      target: [noticeReads.workspaceId, noticeReads.userId],
      set: {
        seenEventId: sql`greatest(${noticeReads.seenEventId}, excluded.seen_event_id)`,
        updatedAt: now,
      },
    });
}
