import { instantOfLocal, localDateKey, localParts } from '../capability/business-time.ts';

// A time said in words ("tomorrow at 3 pm", "خلال ساعتين", "בשבוע הבא") as a small spec, and
// its resolution against now in the workspace's time zone. The same spec format is the
// "expected" column of the labelled sets, so the accuracy test compares like with like.

export interface TimeSpec {
  /** Whole days from today (0 today, 1 tomorrow). */
  days?: number;
  /** Next occurrence of this weekday (0 = Sunday), never today. */
  weekday?: number;
  /** N working days ahead (weekends skipped). */
  businessDays?: number;
  /** A span from now ("in 2 hours"). */
  minutes?: number;
  /** Local wall time "HH:MM"; absent → DEFAULT_TIME for day-level specs. */
  time?: string;
}

/** "Tomorrow" with no hour is read as "during tomorrow's working day": due at 17:00. */
export const DEFAULT_TIME = '17:00';

function parseTime(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The days a workspace works: its business calendar's closed weekdays and holidays (local
 * YYYY-MM-DD), or — when it keeps none — the usual weekend of the language the words are in.
 */
export interface WorkDays {
  weekend: readonly number[];
  holidays: ReadonlySet<string>;
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

export function workDaysOf(days: readonly number[] | WorkDays): WorkDays {
  return 'weekend' in days ? days : { weekend: days, holidays: NO_HOLIDAYS };
}

/** Whether the local day `offset` days from `p` is a working day. */
export function isWorkingDay(p: { year: number; month: number; day: number }, offset: number, days: WorkDays): boolean {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + offset));
  if (days.weekend.includes(d.getUTCDay())) return false;
  return !days.holidays.has(localDateKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
}

/**
 * Resolves a spec against `now` in `timeZone`. `days` names the days off for business-day
 * counting: a weekend (Saturday and Sunday by default; Friday and Saturday in Israel and much
 * of the Arab world) or the workspace's calendar with its holidays.
 */
export function resolveTimeSpec(
  spec: TimeSpec,
  now: Date,
  timeZone: string,
  days: readonly number[] | WorkDays = [0, 6],
): Date {
  const work = workDaysOf(days);
  if (spec.minutes !== undefined) return new Date(now.getTime() + spec.minutes * 60_000);
  const p = localParts(now, timeZone);
  const minuteOfDay = parseTime(spec.time ?? DEFAULT_TIME);
  if (spec.weekday !== undefined) {
    let offset = (spec.weekday - p.weekday + 7) % 7;
    // "on Thursday" said on a Thursday means next week's.
    if (offset === 0) offset = 7;
    return localDayAt(p, offset, minuteOfDay, timeZone);
  }
  if (spec.businessDays !== undefined) {
    let offset = 0;
    let left = spec.businessDays;
    // A calendar closed every day would never end the count: stop after a year.
    while (left > 0 && offset < 366) {
      offset++;
      if (isWorkingDay(p, offset, work)) left--;
    }
    return localDayAt(p, offset, minuteOfDay, timeZone);
  }
  const at = localDayAt(p, spec.days ?? 0, minuteOfDay, timeZone);
  // "today at 9" said at 10: the evening, not the past.
  if ((spec.days ?? 0) === 0 && at.getTime() <= now.getTime() && spec.time && parseTime(spec.time) < 12 * 60) {
    return new Date(at.getTime() + 12 * 3_600_000);
  }
  return at;
}

function localDayAt(p: { year: number; month: number; day: number }, offset: number, minute: number, timeZone: string) {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + offset));
  return instantOfLocal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), minute, timeZone);
}

export function hhmm(hour: number, minute = 0): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "at 3" in customer service means the afternoon: 1–7 without am/morning become 13–19. */
export function plausibleHour(hour: number, part: 'am' | 'pm' | null): number {
  if (part === 'am') return hour === 12 ? 0 : hour;
  if (part === 'pm') return hour < 12 ? hour + 12 : hour;
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/;

/** Arabic-Indic and Persian digits to ASCII, so one set of patterns reads them all. */
export function asciiDigits(text: string): string {
  if (!OTHER_DIGITS.test(text)) return text;
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
