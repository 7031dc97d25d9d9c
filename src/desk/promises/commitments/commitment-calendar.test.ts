import { describe, expect, it } from 'vitest';
import { instantOfLocal, type BusinessCalendar } from '../capability/business-time.ts';
import { recognizeCommitments } from './recognize-commitment.ts';

// Issue 18: business days, "next business day" and "end of the week" follow the workspace's
// business calendar — its closed weekdays and holidays — not the language's usual weekend.
// Each language is tried with a calendar whose weekend differs from its usual one, and with a
// holiday on Tuesday 3 March 2026; "now" is Monday 2 March 2026, 10:00 local.

const HOURS: [number, number][] = [[540, 1020]];
const SUN_THU = [HOURS, HOURS, HOURS, HOURS, HOURS, [], []]; // Friday–Saturday off
const MON_FRI = [[], HOURS, HOURS, HOURS, HOURS, HOURS, []]; // Saturday–Sunday off
const HOLIDAY = '2026-03-03';

interface Case {
  language: string;
  timeZone: string;
  weeklyHours: [number, number][][];
  /** [sentence, local day in March due with the calendar, local day due with the language's weekend] */
  rows: Array<[string, number, number]>;
}

const CASES: Case[] = [
  {
    language: 'en',
    timeZone: 'America/New_York',
    weeklyHours: SUN_THU,
    rows: [
      ['We will send you the replacement within 4 business days.', 9, 6],
      ['I will call you back on the next business day.', 4, 3],
      ['We will fix it by the end of the week.', 5, 6],
    ],
  },
  {
    language: 'ar',
    timeZone: 'Asia/Riyadh',
    weeklyHours: MON_FRI,
    rows: [
      ['سنرسل لك البديل خلال 4 أيام عمل.', 9, 8],
      ['سأتصل بك في يوم العمل التالي.', 4, 3],
      ['سنحل المشكلة قبل نهاية الأسبوع.', 6, 5],
    ],
  },
  {
    language: 'he',
    timeZone: 'Asia/Jerusalem',
    weeklyHours: MON_FRI,
    rows: [
      ['נשלח לך מוצר חלופי תוך 4 ימי עסקים.', 9, 8],
      ['אחזור אליך ביום העסקים הבא.', 4, 3],
      ['נתקן את התקלה עד סוף השבוע.', 6, 5],
    ],
  },
  {
    language: 'ru',
    timeZone: 'Europe/Moscow',
    weeklyHours: SUN_THU,
    rows: [
      ['Мы вернём деньги в течение 4 рабочих дней.', 9, 6],
      ['Я перезвоню вам на следующий рабочий день.', 4, 3],
      ['Мы исправим это к концу недели.', 5, 6],
    ],
  },
];

describe('due times on the workspace business calendar', () => {
  for (const c of CASES) {
    const now = instantOfLocal(2026, 3, 2, 600, c.timeZone);
    const calendar: BusinessCalendar = { timeZone: c.timeZone, weeklyHours: c.weeklyHours, holidays: [HOLIDAY] };
    const dueDay = (found: ReturnType<typeof recognizeCommitments>) =>
      found[0]?.dueAt ? new Date(found[0].dueAt.getTime()) : null;

    for (const [sentence, withCalendar, withLanguage] of c.rows) {
      it(`${c.language}: "${sentence}" — day ${withCalendar} on the calendar, ${withLanguage} on the usual weekend`, () => {
        const onCalendar = recognizeCommitments(sentence, now, c.timeZone, calendar);
        expect(onCalendar).toHaveLength(1);
        expect(dueDay(onCalendar)).toEqual(instantOfLocal(2026, 3, withCalendar, 17 * 60, c.timeZone));
        const usual = recognizeCommitments(sentence, now, c.timeZone);
        expect(dueDay(usual)).toEqual(instantOfLocal(2026, 3, withLanguage, 17 * 60, c.timeZone));
      });
    }
  }

  it('a calendar without opening hours falls back to the language weekend', () => {
    const empty: BusinessCalendar = { timeZone: 'UTC', weeklyHours: [], holidays: [] };
    const now = new Date('2026-03-02T10:00:00Z');
    const [found] = recognizeCommitments('We will ship it within 4 business days.', now, 'UTC', empty);
    expect(found?.dueAt).toEqual(new Date('2026-03-06T17:00:00Z'));
  });
});
