import { eq } from 'drizzle-orm';
import type { SurveySettingsView } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { surveySettings } from '../db/schema-surveys.ts';

/**
 * Defaults: the survey goes two business hours after resolution (the customer has seen the fix
 * work, the case is still fresh); one survey per customer per 30 days (issue 15); effort off
 * until a workspace asks for it; NPS once a quarter.
 */
export const DEFAULT_SURVEY_SETTINGS: SurveySettingsView = {
  enabled: true,
  delayBusinessMinutes: 120,
  askEffort: false,
  throttleDays: 30,
  npsIntervalDays: 90,
  emailPortalSurveys: true,
};

export async function loadSurveySettings(db: Db, workspaceId: string): Promise<SurveySettingsView> {
  const [row] = await db.select().from(surveySettings).where(eq(surveySettings.workspaceId, workspaceId));
  if (!row) return { ...DEFAULT_SURVEY_SETTINGS };
  return {
    enabled: row.enabled,
    delayBusinessMinutes: row.delayBusinessMinutes,
    askEffort: row.askEffort,
    throttleDays: row.throttleDays,
    npsIntervalDays: row.npsIntervalDays,
    emailPortalSurveys: row.emailPortalSurveys,
  };
}

/** A setting left out keeps its value (`emailPortalSurveys` came later than the rest). */
export async function updateSurveySettings(
  db: Db,
  workspaceId: string,
  changes: Omit<SurveySettingsView, 'emailPortalSurveys'> & Partial<SurveySettingsView>,
  now: Date,
): Promise<SurveySettingsView> {
  const settings = { ...(await loadSurveySettings(db, workspaceId)), ...changes };
  await db
    .insert(surveySettings)
    .values({ workspaceId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: surveySettings.workspaceId, set: { ...settings, updatedAt: now } });
  return loadSurveySettings(db, workspaceId);
}
