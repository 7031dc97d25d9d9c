// Tables of the live desk (src/live/, issue 16): how far each person has read their notifications.
// The notices themselves are events (the events table's trigger announces each one, migration
// "live_desk"); presence is kept in each instance's memory, not here.
import { bigint, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './schema.ts';

export const noticeReads = pgTable(
  'notice_reads',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The newest event id this person has seen in their notifications; older ones are read. */
    seenEventId: bigint('seen_event_id', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
