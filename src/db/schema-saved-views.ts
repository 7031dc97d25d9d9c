// Saved views (issue 16): a named set of the case list's filters, shared with the workspace
// (owner null, written by supervisors and admins) or personal to their owner.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Null: shared with everyone in the workspace; else only its owner sees it. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    name: text('name').notNull(),
    /**
     * The case list's query as `GET /cases` takes it (`{ view: 'open', status: 'new,open' }`), checked
     * against that query when saved and read back through it, so a view means what the list means.
     */
    filters: jsonb('filters').$type<Record<string, string>>().notNull(),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [index('saved_views_workspace_idx').on(t.workspaceId, t.ownerUserId)],
);
