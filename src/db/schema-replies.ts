// Canned replies (issue 16): texts an agent inserts from the composer, in one language each,
// shared with the workspace (owner null) or personal to their owner.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Null: shared with everyone in the workspace; else only its owner sees and uses it. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** The customer language it is written in (en, ar, he, ru …): offered first to those customers. */
    language: text('language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [index('canned_replies_workspace_idx').on(t.workspaceId, t.language)],
);
