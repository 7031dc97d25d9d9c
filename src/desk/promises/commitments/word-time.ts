import { hhmm, plausibleHour, resolveTimeSpec, type TimeSpec } from './relative-time.ts';

// Times said in words for the languages chrono-node does not read (Arabic, Hebrew): a table
// of day words, weekdays, spans and parts of the day per language, one resolver for both.

export interface WordTimeTable {
  weekend: readonly number[];
  days: ReadonlyArray<[RegExp, number]>; // today 0, tomorrow 1, the day after 2
  weekdays: ReadonlyArray<[RegExp, number]>;
  nextWeek: RegExp;
  endOfDay: RegExp;
  /** Captures (number or number word) then (unit word); units map to minutes per unit or 'day'/'businessDay'. */
  span: RegExp;
  /** Number words (and dual unit words such as "two hours" in one word) to their value. */
  numberWords: Readonly<Record<string, number>>;
  spanUnit(unit: string): 'minute' | 'hour' | 'day' | 'businessDay' | null;
  /** Captures hour, optional minutes, both digits or words. */
  clock: RegExp;
  hourWord(raw: string): number | null;
  am: RegExp;
  pm: RegExp;
  noon: RegExp;
  /** Parts of the day without an hour: due at their end (morning → 12:00, afternoon → 17:00, evening → 20:00). */
  evening: RegExp;
  morning: RegExp;
  afternoon: RegExp;
}

export function readWordTime(
  sentence: string,
  now: Date,
  timeZone: string,
  table: WordTimeTable,
): { at: Date; stated: boolean; text: string } | null {
  const span = table.span.exec(sentence);
  if (span) {
    const unit = table.spanUnit(span[2] ?? span[1] ?? '');
    const n = spanNumber(span[1] ?? '', span[2] ?? '', table.numberWords);
    if (unit && n !== null) {
      const spec: TimeSpec =
        unit === 'minute'
          ? { minutes: n }
          : unit === 'hour'
            ? { minutes: n * 60 }
            : unit === 'day'
              ? { days: n }
              : { businessDays: n };
      return { at: resolveTimeSpec(spec, now, timeZone, table.weekend), stated: true, text: span[0] };
    }
  }
  const spec: TimeSpec = {};
  const texts: string[] = [];
  for (const [pattern, offset] of table.days) {
    const m = pattern.exec(sentence);
    if (m) {
      spec.days = offset;
      texts.push(m[0]);
      break;
    }
  }
  if (spec.days === undefined) {
    for (const [pattern, weekday] of table.weekdays) {
      const m = pattern.exec(sentence);
      if (m) {
        spec.weekday = weekday;
        texts.push(m[0]);
        break;
      }
    }
  }
  const nextWeek = table.nextWeek.exec(sentence);
  if (nextWeek && spec.days === undefined && spec.weekday === undefined) {
    spec.days = 7;
    texts.push(nextWeek[0]);
  }
  const eod = table.endOfDay.exec(sentence);
  if (eod) {
    if (spec.days === undefined && spec.weekday === undefined) spec.days = 0;
    texts.push(eod[0]);
  }
  let stated = false;
  const clock = table.clock.exec(sentence);
  const clockHour = clock ? table.hourWord(clock[1]!) : null;
  if (clock && clockHour !== null && clockHour >= 0 && clockHour <= 23) {
    const hour = clockHour;
    {
      const minute = clock[2] ? Number(clock[2]) : 0;
      const part = table.am.test(sentence) ? 'am' : table.pm.test(sentence) ? 'pm' : null;
      spec.time = hhmm(hour > 12 ? hour : plausibleHour(hour, part), minute);
      stated = true;
      texts.push(clock[0]);
    }
  } else if (table.noon.test(sentence)) {
    spec.time = '12:00';
    stated = true;
  } else if (table.evening.test(sentence)) {
    spec.time = '20:00';
    if (spec.days === undefined && spec.weekday === undefined) spec.days = 0;
  } else if (table.morning.test(sentence)) {
    spec.time = '12:00';
  } else if (table.afternoon.test(sentence)) {
    spec.time = '17:00';
  }
  if (spec.days === undefined && spec.weekday === undefined) {
    if (!stated) return null;
    spec.days = 0;
  }
  const at = resolveTimeSpec(spec, now, timeZone, table.weekend);
  if (at.getTime() <= now.getTime()) return null;
  return { at, stated, text: texts.join(' ') };
}

/** "3", a number word, or nothing (then the unit word itself may carry the number: a dual). */
function spanNumber(raw: string, unit: string, numberWords: Readonly<Record<string, number>>): number | null {
  if (!raw) return numberWords[unit] ?? 1;
  return /^\d+$/.test(raw) ? Number(raw) : (numberWords[raw] ?? null);
}
