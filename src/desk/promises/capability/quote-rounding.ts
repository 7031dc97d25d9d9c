import { instantOfLocal, localParts } from './business-time.ts';

// A quote is rounded UP to a time a customer can hold on to ("by 14:30", "by tomorrow
// 12:00", "by Friday"), never down: rounding must not turn a realistic time into a promise
// faster than capability. The step grows with the size of the quote.

export type RoundingStep = 'quarter_hour' | 'half_hour' | 'hour' | 'day';

/** ≤ 2 h: quarter hour; ≤ 8 h: half hour; ≤ 2 days: hour; beyond: the end of the local day. */
export function roundingStepFor(spanMinutes: number): RoundingStep {
  if (spanMinutes <= 120) return 'quarter_hour';
  if (spanMinutes <= 8 * 60) return 'half_hour';
  if (spanMinutes <= 48 * 60) return 'hour';
  return 'day';
}

const STEP_MINUTES: Record<Exclude<RoundingStep, 'day'>, number> = { quarter_hour: 15, half_hour: 30, hour: 60 };

/**
 * The earliest time worth telling a customer: one rounding step after `now`. Without it a quote
 * of a few minutes made at 14:29:50 reads "by 14:30", a promise nobody can keep.
 */
export function earliestQuotableTime(now: Date, spanMinutes: number): Date {
  const step = roundingStepFor(spanMinutes);
  return step === 'day' ? now : new Date(now.getTime() + STEP_MINUTES[step] * 60_000);
}

/**
 * `dueAt` rounded up in the workspace's time zone. Day rounding lands on 23:59 local (a
 * customer reads "by Friday" as "during Friday"). Already on a boundary: unchanged.
 */
export function roundUpForCustomer(
  dueAt: Date,
  spanMinutes: number,
  timeZone: string,
): { at: Date; step: RoundingStep } {
  const step = roundingStepFor(spanMinutes);
  const p = localParts(dueAt, timeZone);
  const minuteOfDay = p.hour * 60 + p.minute + (p.second > 0 || dueAt.getMilliseconds() > 0 ? 1 : 0);
  if (step === 'day') {
    const endOfDay = instantOfLocal(p.year, p.month, p.day, 23 * 60 + 59, timeZone);
    return { at: endOfDay.getTime() >= dueAt.getTime() ? endOfDay : dueAt, step };
  }
  const size = STEP_MINUTES[step];
  const rounded = Math.ceil(minuteOfDay / size) * size;
  const at = instantOfLocal(p.year, p.month, p.day, rounded, timeZone); // 24:00 rolls into the next day
  return { at: at.getTime() < dueAt.getTime() ? dueAt : at, step };
}

/** "45 min", "5 h", "5.5 h", "3 days" — the figure a warning quotes. */
export function describeSpan(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) {
    const h = Math.round((minutes / 60) * 2) / 2;
    return `${h} h`;
  }
  const d = Math.round((minutes / 1440) * 2) / 2;
  return `${d} days`;
}
