import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { businessCalendars } from '../db/schema-promises.ts';
import { announceChange } from '../kernel/change-notice.ts';
import type { WeeklyHours } from '../kernel/domain-words.ts';
import { requireTeam } from './require-team.ts';

export interface BusinessCalendarInput {
  /** Null: the workspace's own calendar, which teams without one follow. */
  teamId: string | null;
  timeZone: string;
  weeklyHours: WeeklyHours;
  holidays: string[];
}

/** Sets the workspace's or a team's business hours (quotes use them from the next one on). */
export async function setBusinessCalendar(db: Db, workspaceId: string, input: BusinessCalendarInput): Promise<void> {
  if (input.teamId) await requireTeam(db, workspaceId, input.teamId, 'teamId'); // another workspace's team is not found
  const values = { workspaceId, ...input, weeklyHours: input.weeklyHours as Array<Array<[number, number]>> };
  await db.transaction(async (tx) => {
    const existing = (
      await tx.select().from(businessCalendars).where(eq(businessCalendars.workspaceId, workspaceId))
    ).find((c) => c.teamId === input.teamId);
    if (existing) await tx.update(businessCalendars).set(values).where(eq(businessCalendars.id, existing.id));
    else await tx.insert(businessCalendars).values(values);
  });
  announceChange({ kind: 'calendar', workspaceId });
}
