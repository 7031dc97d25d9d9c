import { instantOfLocal, localParts } from '../capability/business-time.ts';
import { stem, type LanguageRules } from './language-rules.ts';
import { DEFAULT_TIME, isWorkingDay, plausibleHour, type WorkDays } from './relative-time.ts';

// Time expressions every language has and the day-and-hour readers (chrono-node for English and
// Russian, word-time.ts for Arabic and Hebrew) got wrong (issue 18), read the same way for all
// four: "end of" periods (today, this week, next week, this month) in the workspace's calendar,
// whose working week ends on Friday or, where the weekend is Friday–Saturday, on Thursday; time
// ranges ("between 2 and 4 pm", "с 9 до 12", "בין 10 ל-2", "من 8 إلى 12"), due at their end;
// and parts of the day the readers miss ("до обеда", "к завтрашнему вечеру").

type Language = LanguageRules['language'];

export interface PeriodTable {
  /** What every "end of" pattern below holds: a sentence without it is not read further. */
  end: RegExp;
  endOfDay: RegExp;
  endOfNextWeek: RegExp;
  endOfWeek: RegExp;
  endOfMonth: RegExp;
  /** Captures: start hour, end hour, end minute, the end's part of day (am/pm words). */
  range: RegExp;
  /** What every range holds, ASCII digits by then: its first word (and digit). */
  rangeKey: RegExp;
  pm: RegExp;
  am: RegExp;
  /** A part of the day, with its day offset when the words carry one ("к завтрашнему вечеру"). */
  parts: ReadonlyArray<[RegExp, string, number | null]>;
  /** What every part-of-the-day pattern holds. */
  partKey: RegExp;
}

const NO_PARTS = /^(?!)/;

export const PERIOD_TABLES: Record<Language, PeriodTable> = {
  en: {
    end: /\bend of|\beod\b|\bcob\b|\bclose of/i,
    endOfDay: /\b(?:end of (?:the )?(?:day|today|business)|eod|close of business|cob)\b/i,
    endOfNextWeek: /\bend of next week\b/i,
    endOfWeek: /\bend of (?:the |this )?week\b/i,
    endOfMonth: /\bend of (?:the |this )?month\b/i,
    range:
      /\b(?:between|from)\s+(\d{1,2})(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:and|to|until|till|-)\s*(\d{1,2}|noon)(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i,
    rangeKey: /(?:between|from)\s+\d/i,
    pm: /^p/i,
    am: /^a/i,
    parts: [],
    partKey: NO_PARTS,
  },
  ar: {
    end: /نهاي|آخر|اخر/u,
    endOfDay: stem('(?:نهاي[ةه]|آخر|اخر) (?:اليوم|الدوام|يوم العمل)'),
    endOfNextWeek: stem('(?:نهاي[ةه]|آخر|اخر) (?:ال)?[أا]سبوع (?:القادم|المقبل)'),
    endOfWeek: stem('(?:نهاي[ةه]|آخر|اخر) (?:ال|هذا ال)?[أا]سبوع'),
    endOfMonth: stem('(?:نهاي[ةه]|آخر|اخر) (?:ال|هذا ال)?شهر'),
    range: stem(
      '(?:بين|من) (?:ال)?(?:ساع[ةه] )?(\\d{1,2})(?::\\d{2})?\\s*(?:صباحا|صباحًا|ظهرا|ظهرًا|عصرا|عصرًا|مساء|مساءً)?\\s*(?:و|إلى|الى|إلي|حتى|حتي|-)\\s*(?:ال)?(\\d{1,2})(?::(\\d{2}))?\\s*(صباحا|صباحًا|ظهرا|ظهرًا|عصرا|عصرًا|مساء|مساءً|ص|م)?',
    ),
    rangeKey: /(?:بين|من) /u,
    pm: /^(?:ظهر|عصر|مساء|م$)/u,
    am: /^(?:صباح|ص$)/u,
    parts: [],
    partKey: NO_PARTS,
  },
  he: {
    end: /סוף/u,
    endOfDay: stem('(?:עד )?סוף (?:ה)?יום(?: העבודה)?'),
    endOfNextWeek: stem('סוף (?:ה)?שבוע הבא'),
    endOfWeek: stem('סוף (?:ה)?שבוע(?! הבא)'),
    endOfMonth: stem('סוף (?:ה)?חודש'),
    range: stem(
      '(?:בין|מ)(?:ה|-)?\\s?(?:שעה )?(\\d{1,2})(?::\\d{2})?\\s*(?:בבוקר|בצהריים|אחר הצהריים|בערב)?\\s*(?:ל|עד)\\s?-?\\s?(?:ה)?(\\d{1,2})(?::(\\d{2}))?\\s*(בבוקר|בצהריים|אחר הצהריים|אחה"צ|בערב)?',
    ),
    rangeKey: /\d/,
    pm: /^(?:בצהריים|אחר|אחה|בערב)/u,
    am: /^בבוקר/u,
    parts: [],
    partKey: NO_PARTS,
  },
  ru: {
    end: /конц/iu,
    endOfDay: stem('(?:до|к) конц[ау] (?:сегодняшнего |этого |рабочего )?дня'),
    endOfNextWeek: stem('конц[ау] следующей недели'),
    endOfWeek: stem('конц[ау] (?:этой |текущей )?недели'),
    endOfMonth: stem('конц[ау] (?:этого |текущего )?месяца'),
    range: stem(
      'с (\\d{1,2})(?::\\d{2})?\\s*(?:час\\p{L}*\\s*)?(?:утра|дня|вечера)?\\s*до (\\d{1,2})(?::(\\d{2}))?\\s*(?:час\\p{L}*\\s*)?(утра|дня|вечера)?',
    ),
    rangeKey: /с \d/iu,
    pm: /^(?:дня|вечера)/u,
    am: /^утра/u,
    parts: [
      [stem('(?:к|до) завтрашн\\p{L}* вечер\\p{L}*|завтра вечером'), '20:00', 1],
      [stem('до обеда|к обеду'), '12:00', null],
      [stem('после обеда'), DEFAULT_TIME, null],
    ],
    partKey: /вечер|обед/iu,
  },
};

const WEEKEND: Record<Language, readonly number[]> = { en: [0, 6], ru: [0, 6], ar: [5, 6], he: [5, 6] };

/** The days off of a language's usual calendar (Friday–Saturday for Arabic and Hebrew). */
export function defaultWeekend(language: Language): readonly number[] {
  return WEEKEND[language];
}

function dayAt(now: Date, timeZone: string, offset: number, time: string): Date {
  const p = localParts(now, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + offset));
  const [h, m] = time.split(':').map(Number);
  return instantOfLocal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), h! * 60 + m!, timeZone);
}

/**
 * Days from today to the last working day of this week (0 when today is it): the day before the
 * weekend starts, or the working day before that when it is a holiday (never before today).
 */
function toEndOfWeek(p: { year: number; month: number; day: number; weekday: number }, days: WorkDays, weeks = 0) {
  const weekend = days.weekend;
  const firstOff = [0, 1, 2, 3, 4, 5, 6].find((d) => weekend.includes(d) && !weekend.includes((d + 6) % 7)) ?? 6;
  const last = (firstOff + 6) % 7;
  let offset = ((last - p.weekday + 7) % 7) + 7 * weeks;
  const floor = weeks ? offset - 6 : 0;
  while (offset > floor && !isWorkingDay(p, offset, days)) offset--;
  return offset;
}

/** Days from today to the last working day of this month (0 when today is it). */
function toEndOfMonth(p: { year: number; month: number; day: number }, days: WorkDays): number {
  let offset = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate() - p.day;
  while (offset > 0 && !isWorkingDay(p, offset, days)) offset--;
  return offset;
}

/** The "end of" periods, in the order they are tried: the first said wins. */
export const PERIODS = ['endOfNextWeek', 'endOfWeek', 'endOfMonth', 'endOfDay'] as const;
export type Period = (typeof PERIODS)[number];

/** "End of" a period: due at the close (17:00) of its last working day. */
export function periodAt(period: Period, now: Date, timeZone: string, days: WorkDays): Date {
  const p = localParts(now, timeZone);
  const offset =
    period === 'endOfNextWeek'
      ? toEndOfWeek(p, days, 1)
      : period === 'endOfWeek'
        ? toEndOfWeek(p, days)
        : period === 'endOfMonth'
          ? toEndOfMonth(p, days)
          : 0;
  return dayAt(now, timeZone, offset, DEFAULT_TIME);
}

/** A range's end hour ("between 2 and 4 pm" → 16:00) from its pattern's captures; null when no hour. */
export function rangeTime(m: RegExpMatchArray, language: Language): string | null {
  const t = PERIOD_TABLES[language];
  const start = Number(m[1]);
  const rawEnd = m[2] ?? '';
  const minute = Number(m[3] ?? 0);
  const part = m[4] ?? '';
  let hour = rawEnd.toLowerCase() === 'noon' ? 12 : Number(rawEnd);
  if (!Number.isFinite(hour) || hour > 23 || start > 23) return null;
  if (rawEnd.toLowerCase() !== 'noon') {
    if (part && t.pm.test(part)) hour = plausibleHour(hour, 'pm');
    else if (part && t.am.test(part)) hour = plausibleHour(hour, 'am');
    else if (hour < start && hour < 12) hour += 12;
    else if (hour <= 12) hour = plausibleHour(hour, null);
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The same local day as `at`, at `time`. */
export function onDayOf(at: Date, time: string, timeZone: string): Date {
  const p = localParts(at, timeZone);
  const [h, m] = time.split(':').map(Number);
  return instantOfLocal(p.year, p.month, p.day, h! * 60 + m!, timeZone);
}

export { dayAt };
