// Saved views (issue 16) with the count of cases each holds now, for the list beside the queues.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { SavedViewView } from '../contract/saved-view-types.ts';
import type { Db } from '../db/open-database.ts';
import { savedViews } from '../db/schema-saved-views.ts';
import { canEditSavedView, type SavedViewAuthor, type SavedViewRow } from '../desk/index.ts';
import { KeptError } from '../errors/kept-error.ts';
import { caseListQuery, dropUndefined } from './case-list-params.ts';
import { countCases } from './list-cases.ts';

/** Beyond this a badge says "500+": the count reads at most this many keys per view. */
export const SAVED_VIEW_COUNT_CAP = 500;

export function presentSavedView(
  author: SavedViewAuthor,
  row: SavedViewRow,
  counted: { count: number; more: boolean },
): SavedViewView {
  return {
    id: row.id,
    name: row.name,
    shared: row.ownerUserId === null,
    editable: canEditSavedView(author, row),
    filters: row.filters,
    count: counted.count,
    more: counted.more,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The cases a saved view holds, read through the same query and filters as `GET /cases`. */
export async function countSavedViews(
  db: Db,
  author: SavedViewAuthor,
  row: SavedViewRow,
  now: Date,
): Promise<{ count: number; more: boolean }> {
  const parsed = caseListQuery.safeParse(row.filters);
  // Saved filters were checked when written; a shape a later version refuses counts nothing rather
  // than failing the whole list.
  if (!parsed.success) return { count: 0, more: false };
  const { q, limit: _limit, sort: _sort, ...filters } = dropUndefined(parsed.data);
  try {
    return await countCases(
      db,
      { ...filters, workspaceId: author.workspaceId, userId: author.userId, ...(q ? { query: q } : {}) },
      now,
      SAVED_VIEW_COUNT_CAP,
    );
  } catch (error) {
    // An owner or team the view names that no longer exists holds no cases.
    if (error instanceof KeptError && error.code === 'not_found') return { count: 0, more: false };
    throw error;
  }
}

/** The workspace's shared views and the caller's own, by name, each counted now. */
export async function listSavedViews(db: Db, author: SavedViewAuthor, now: Date): Promise<SavedViewView[]> {
  const rows = await db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.workspaceId, author.workspaceId),
        or(isNull(savedViews.ownerUserId), eq(savedViews.ownerUserId, author.userId)),
      ),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  const views: SavedViewView[] = [];
  for (const row of rows) views.push(presentSavedView(author, row, await countSavedViews(db, author, row, now)));
  return views;
}
