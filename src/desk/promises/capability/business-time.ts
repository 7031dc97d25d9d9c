// Business-minute arithmetic over a weekly calendar with holidays, in the calendar's own time
// zone. Every opening interval is turned into real instants before it is measured, so a day
// on which the clocks change is as long as it really is, and a calendar in Asia/Jerusalem
// is correct for an instant formatted anywhere.

import type { WeeklyHours } from '../../../kernel/domain-words.ts';

export type { WeeklyHours };

export interface BusinessCalendar {
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Local dates YYYY-MM-DD with no work. */
  holidays: ReadonlySet<string> | readonly string[];
}

export interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Intl's formatToParts costs microseconds a call and recognition resolves many times a message
// (docs/LANGUAGE.md, Speed): the zone's offset is remembered per zone and UTC minute (offsets
// change only at transitions, never inside a minute since 1900), and the fields are read off
// the shifted instant in UTC. One map a zone, keyed by the minute's number: no key string is
// built per call. A zone's map is dropped whole when it grows past a bound.
const offsets = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;

function offsetMs(instant: Date, timeZone: string): number {
  const minute = Math.floor(instant.getTime() / 60_000);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(minute);
  if (offset === undefined) {
    const parts: Record<string, string> = {};
    for (const p of formatter(timeZone).formatToParts(new Date(minute * 60_000))) parts[p.type] = p.value;
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour) % 24,
      Number(parts.minute),
      Number(parts.second),
    );
    offset = wall - minute * 60_000;
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(minute, offset);
  }
  return offset;
}

export function localParts(instant: Date, timeZone: string): LocalParts & { second: number } {
  const wall = new Date(instant.getTime() + offsetMs(instant, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Jerusalem in summer: +180). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  // The offset is whole seconds (read off formatted seconds), so the local wall time's seconds,
  // less the instant's, are the offset itself: no fields to build.
  return Math.round(offsetMs(instant, timeZone) / 60_000);
}

/**
 * The instant a local wall-clock time names. In the spring-forward gap (02:30 that does not
 * exist) it lands after the gap; in the autumn overlap it takes the first of the two.
 */
export function instantOfLocal(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  const second = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  if (second !== guess) {
    // Near a transition: prefer the candidate that maps back to the wall time, else the later one.
    const back = (t: number) => wall - zoneOffsetMinutes(new Date(t), timeZone) * 60_000 === t;
    guess = back(second) ? second : back(guess) ? guess : Math.max(guess, second);
  }
  return new Date(guess);
}

export function localDateKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nextDay(d: { year: number; month: number; day: number }) {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), weekday: t.getUTCDay() };
}

function isHoliday(calendar: BusinessCalendar, key: string): boolean {
  const h = calendar.holidays;
  return h instanceof Set ? h.has(key) : (h as readonly string[]).includes(key);
}

/** Opening intervals of one local day as real instants (empty on holidays and closed days). */
function openIntervals(
  calendar: BusinessCalendar,
  day: { year: number; month: number; day: number; weekday: number },
): Array<[number, number]> {
  if (isHoliday(calendar, localDateKey(day.year, day.month, day.day))) return [];
  const hours = calendar.weeklyHours[day.weekday] ?? [];
  return hours.map(([s, e]) => [
    instantOfLocal(day.year, day.month, day.day, s, calendar.timeZone).getTime(),
    instantOfLocal(day.year, day.month, day.day, e, calendar.timeZone).getTime(),
  ]);
}

function hasAnyHours(calendar: BusinessCalendar): boolean {
  return calendar.weeklyHours.some((d) => d.some(([s, e]) => e > s));
}

const MAX_DAYS = 3 * 366;

/** `start` moved forward by `minutes` of open time. 0 minutes from a closed moment is the next opening. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!hasAnyHours(calendar)) throw new RangeError('The calendar has no opening hours');
  let remaining = Math.max(0, minutes) * 60_000;
  const p = localParts(start, calendar.timeZone);
  let day = { year: p.year, month: p.month, day: p.day, weekday: p.weekday };
  const from = start.getTime();
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [s, e] of openIntervals(calendar, day)) {
      const begin = Math.max(s, from);
      if (begin >= e) continue;
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
    day = nextDay(day);
  }
  throw new RangeError('No business time found within three years');
}

/** Open minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const p = localParts(from, calendar.timeZone);
  let day = { year: p.year, month: p.month, day: p.day, weekday: p.weekday };
  let total = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    const dayStart = instantOfLocal(day.year, day.month, day.day, 0, calendar.timeZone).getTime();
    if (dayStart >= b) break;
    for (const [s, e] of openIntervals(calendar, day)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
    day = nextDay(day);
  }
  return Math.round(total / 60_000);
}

/** Mon–Fri 09:00–17:00: a starting point for a new workspace's calendar. */
export function officeHours(timeZone: string, holidays: string[] = []): BusinessCalendar {
  const day: ReadonlyArray<readonly [number, number]> = [[9 * 60, 17 * 60]];
  return { timeZone, weeklyHours: [[], day, day, day, day, day, []], holidays };
}
