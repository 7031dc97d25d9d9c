// Saved views (issue 16): shared ones speak for the whole desk, so supervisors and admins write
// them; anyone writes their own. Another person's personal view is "not found", as a canned reply's.
import { and, eq, isNull, or } from 'drizzle-orm';
import { requireUser } from '../../accounts/index.ts';
import type { Db } from '../../db/open-database.ts';
import { savedViews } from '../../db/schema-saved-views.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import { SUPERVISING_ROLES, type Role } from '../../kernel/domain-words.ts';
import { requireTeam } from '../../teams/index.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;

export interface SavedViewAuthor {
  workspaceId: string;
  userId: string;
  role: Role;
}

export interface SavedViewInput {
  name: string;
  /** Already checked against the case list's query by the caller (the route). */
  filters: Record<string, string>;
  shared: boolean;
}

/** A person keeps at most this many views of their own; a workspace as many shared ones. */
export const SAVED_VIEWS_MAX = 50;

export function canEditSavedView(author: SavedViewAuthor, row: Pick<SavedViewRow, 'ownerUserId'>): boolean {
  if (row.ownerUserId === null) return (SUPERVISING_ROLES as readonly Role[]).includes(author.role);
  return row.ownerUserId === author.userId;
}

function checkShared(author: SavedViewAuthor, shared: boolean): void {
  if (shared && !canEditSavedView(author, { ownerUserId: null }))
    throw new KeptError('auth.forbidden', 'Only supervisors and admins share views', { field: 'shared' });
}

/** A person or team the filters name belongs to the caller's workspace (else 404 naming the filter). */
async function checkFilterIds(db: Db, workspaceId: string, filters: Record<string, string>): Promise<void> {
  const { ownerId, teamId } = filters;
  if (ownerId && ownerId !== 'none') await requireUser(db, workspaceId, ownerId, 'filters.ownerId');
  if (teamId) await requireTeam(db, workspaceId, teamId, 'filters.teamId');
}

export async function createSavedView(
  db: Db,
  author: SavedViewAuthor,
  input: SavedViewInput,
  now: Date,
): Promise<SavedViewRow> {
  checkShared(author, input.shared);
  await checkFilterIds(db, author.workspaceId, input.filters);
  const ownerUserId = input.shared ? null : author.userId;
  const existing = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.workspaceId, author.workspaceId),
        ownerUserId ? eq(savedViews.ownerUserId, ownerUserId) : isNull(savedViews.ownerUserId),
      ),
    )
    .limit(SAVED_VIEWS_MAX);
  if (existing.length >= SAVED_VIEWS_MAX)
    throw new KeptError('request.invalid', `At most ${SAVED_VIEWS_MAX} saved views`, { field: 'name' });
  const [row] = await db
    .insert(savedViews)
    .values({
      workspaceId: author.workspaceId,
      ownerUserId,
      name: input.name,
      filters: input.filters,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

async function editableView(db: Db, author: SavedViewAuthor, id: string): Promise<SavedViewRow> {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.workspaceId, author.workspaceId),
        eq(savedViews.id, id),
        or(isNull(savedViews.ownerUserId), eq(savedViews.ownerUserId, author.userId)),
      ),
    );
  if (!row) throw notFound('The saved view');
  if (!canEditSavedView(author, row))
    throw new KeptError('auth.forbidden', 'Only supervisors and admins change shared views');
  return row;
}

/** Renames a view (and, when given, replaces its filters). */
export async function updateSavedView(
  db: Db,
  author: SavedViewAuthor,
  id: string,
  change: { name: string; filters?: Record<string, string> },
  now: Date,
): Promise<SavedViewRow> {
  await editableView(db, author, id);
  if (change.filters) await checkFilterIds(db, author.workspaceId, change.filters);
  const [row] = await db
    .update(savedViews)
    .set({ name: change.name, ...(change.filters ? { filters: change.filters } : {}), updatedAt: now })
    .where(and(eq(savedViews.workspaceId, author.workspaceId), eq(savedViews.id, id)))
    .returning();
  return row!;
}

export async function deleteSavedView(db: Db, author: SavedViewAuthor, id: string): Promise<void> {
  await editableView(db, author, id);
  await db.delete(savedViews).where(and(eq(savedViews.workspaceId, author.workspaceId), eq(savedViews.id, id)));
}
