// How each person likes their screens (issue 16): kept on the server, so the choice follows them from
// one browser or computer to the next. One row per person, written when they first change something.
import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './schema.ts';

export const userPreferences = pgTable('user_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  /** The contract's UserPreferences as last saved (read back through its schema, defaults filling gaps). */
  preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
