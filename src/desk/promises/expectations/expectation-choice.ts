import { instantOfLocal, localParts } from '../capability/business-time.ts';

// K16 (first part): "by when do you expect an answer?" as a choice a customer can make in one
// click, turned into an instant in the workspace's time zone.

export const EXPECTATION_CHOICES = ['hour', 'today', 'tomorrow', 'week'] as const;
export type ExpectationChoiceValue = (typeof EXPECTATION_CHOICES)[number];

/** hour: now + 1 h; today: 23:59 today; tomorrow: 23:59 tomorrow; week: 23:59 on the 7th day. */
export function expectedByOf(choice: ExpectationChoiceValue, now: Date, timeZone: string): Date {
  if (choice === 'hour') return new Date(now.getTime() + 3_600_000);
  const days = choice === 'today' ? 0 : choice === 'tomorrow' ? 1 : 7;
  const p = localParts(now, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return instantOfLocal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 23 * 60 + 59, timeZone);
}
