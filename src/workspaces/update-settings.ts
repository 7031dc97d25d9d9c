import { eq } from 'drizzle-orm';
import type { WorkspaceSettings } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { workspaces } from '../db/schema.ts';
import { announceChange } from '../kernel/change-notice.ts';
import { loadWorkspace } from './load-workspace.ts';

export async function updateSettings(
  db: Db,
  workspaceId: string,
  changes: Partial<WorkspaceSettings>,
): Promise<WorkspaceSettings> {
  const current = await loadWorkspace(db, workspaceId, true);
  const settings: WorkspaceSettings = {
    ...current.settings,
    ...changes,
    hellThresholds: { ...current.settings.hellThresholds, ...(changes.hellThresholds ?? {}) },
  };
  await db.update(workspaces).set({ settings }).where(eq(workspaces.id, workspaceId));
  announceChange({ kind: 'settings', workspaceId });
  return settings;
}
