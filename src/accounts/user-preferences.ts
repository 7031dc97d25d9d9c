// A person's preferences (issue 16): one row per person, replaced as a whole when they change one.
// Read back through the defaults, so a first visit, or a row saved before a preference existed,
// still answers every field.
import { and, eq } from 'drizzle-orm';
import type { UserPreferences } from '../contract/preference-types.ts';
import type { Db } from '../db/open-database.ts';
import { userPreferences } from '../db/schema-preferences.ts';

/** What a person sees before choosing: the timeline oldest first, everything shown, kept promises folded. */
export const DEFAULT_PREFERENCES: UserPreferences = {
  timeline: { newestFirst: false, hideSystem: false, foldKeptPromises: true },
};

/** Stored preferences over the defaults: only known fields of the right type are taken. */
export function withDefaults(stored: unknown): UserPreferences {
  const timeline = { ...DEFAULT_PREFERENCES.timeline };
  const saved = (stored as { timeline?: Record<string, unknown> } | null)?.timeline;
  for (const key of Object.keys(timeline) as Array<keyof typeof timeline>) {
    const value = saved?.[key];
    if (typeof value === 'boolean') timeline[key] = value;
  }
  return { timeline };
}

export async function readUserPreferences(db: Db, workspaceId: string, userId: string): Promise<UserPreferences> {
  const [row] = await db
    .select({ preferences: userPreferences.preferences })
    .from(userPreferences)
    .where(and(eq(userPreferences.workspaceId, workspaceId), eq(userPreferences.userId, userId)));
  return withDefaults(row?.preferences ?? null);
}

export async function saveUserPreferences(
  db: Db,
  who: { workspaceId: string; userId: string },
  preferences: UserPreferences,
  now: Date,
): Promise<UserPreferences> {
  const saved = withDefaults(preferences);
  await db
    .insert(userPreferences)
    .values({ userId: who.userId, workspaceId: who.workspaceId, preferences: { ...saved }, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { preferences: { ...saved }, updatedAt: now } });
  return saved;
}
