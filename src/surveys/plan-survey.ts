import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, customers } from '../db/schema.ts';
import { surveyRequests } from '../db/schema-surveys.ts';
import { addBusinessMinutes, loadCalendar, teamOfUser } from '../desk/index.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { SURVEY_JOB } from '../kernel/job-names.ts';
import { loadSurveySettings } from './survey-settings.ts';
import { DAY_MS } from './survey-throttle.ts';

/** The NPS period a moment falls in: whole intervals since 1970, so every instance computes the same key. */
export function npsPeriodIndex(now: Date, intervalDays: number): number {
  return Math.floor(now.getTime() / (intervalDays * DAY_MS));
}

/**
 * Run when a case is resolved (job `survey-plan-after-resolution`): the case's satisfaction
 * survey, after the workspace's delay in business hours of the owner's calendar; and, when the
 * customer has none in this NPS period, their NPS survey, after the throttle so that it does not
 * crowd the first. One row per key (`case:<id>`, `nps:<customer>:<period>`): a case resolved,
 * reopened and resolved again, or a job delivered twice, plans nothing more.
 */
export async function planSurveysAfterResolution(
  ctx: DeskContext,
  input: { workspaceId: string; caseId: string },
): Promise<{ planned: number }> {
  const settings = await loadSurveySettings(ctx.db, input.workspaceId);
  if (!settings.enabled) return { planned: 0 };
  const [row] = await ctx.db
    .select({ c: cases, customerLanguage: customers.language })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId)));
  if (!row || row.c.status !== 'resolved') return { planned: 0 };
  const now = ctx.now();
  const calendar = await loadCalendar(ctx.db, input.workspaceId, await teamOfUser(ctx.db, row.c.ownerId));
  const sendAt = calendar
    ? addBusinessMinutes(now, settings.delayBusinessMinutes, calendar)
    : new Date(now.getTime() + settings.delayBusinessMinutes * 60_000);
  const base = {
    workspaceId: input.workspaceId,
    customerId: row.c.customerId,
    channel: row.c.channel,
    language: row.c.language ?? row.customerLanguage,
  };
  const plans: Array<typeof surveyRequests.$inferInsert> = [
    {
      ...base,
      dedupeKey: `case:${row.c.id}`,
      kind: 'satisfaction',
      caseId: row.c.id,
      askEffort: settings.askEffort,
      sendAt,
    },
  ];
  if (settings.npsIntervalDays > 0)
    plans.push({
      ...base,
      dedupeKey: `nps:${row.c.customerId}:${npsPeriodIndex(now, settings.npsIntervalDays)}`,
      kind: 'nps',
      caseId: row.c.id,
      askEffort: false,
      sendAt: new Date(sendAt.getTime() + (settings.throttleDays + 1) * DAY_MS),
    });
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const inserted = await tx
      .insert(surveyRequests)
      .values(plans)
      .onConflictDoNothing()
      .returning({ id: surveyRequests.id, sendAt: surveyRequests.sendAt });
    for (const survey of inserted)
      await ctx.timers.schedule(tx, {
        name: SURVEY_JOB.send,
        payload: { workspaceId: input.workspaceId, surveyId: survey.id },
        startAfter: survey.sendAt,
      });
    return { planned: inserted.length };
  });
}
