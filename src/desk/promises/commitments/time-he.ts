import type { Chrono } from 'chrono-node';
import { word } from './language-rules.ts';
import { type TimeSpec } from './relative-time.ts';
import { partOf, pieceParser, rankedParser, wordChrono } from './word-chrono.ts';

// Hebrew times as chrono-node parsers (word-chrono.ts composes them): "מחרתיים", "מחר",
// "היום/הערב", "ביום שלישי", "בשבוע הבא", "עד סוף היום", "תוך שעתיים / 3 ימי עסקים",
// "בשעה 3 / עד ארבע" with בבוקר/בערב, and the parts of the day. Prefixes ו/ש cling to words.

const P = '(?:ו|ש|וש|כש)?';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  שעה: 1,
  יום: 1,
  שעתיים: 2,
  יומיים: 2,
  שתי: 2,
  שני: 2,
  שלוש: 3,
  שלושה: 3,
  ארבע: 4,
  ארבעה: 4,
  חמש: 5,
  חמישה: 5,
  שש: 6,
  שישה: 6,
  שבע: 7,
  שבעה: 7,
  עשר: 10,
  עשרה: 10,
  חצי: 0.5,
};
const HOUR_WORDS: Readonly<Record<string, number>> = {
  אחת: 1,
  שתיים: 2,
  שלוש: 3,
  ארבע: 4,
  חמש: 5,
  שש: 6,
  שבע: 7,
  שמונה: 8,
  תשע: 9,
  עשר: 10,
  'אחת עשרה': 11,
  'שתים עשרה': 12,
};

const AM = word('בבוקר|לפני הצהריים|לפנה"צ');
const PM = word('אחר הצהריים|אחרי הצהריים|אחה"צ|בערב|בלילה|הערב');

/** "תוך שעתיים", "בתוך 3 ימי עסקים": a dual unit word carries its own number. */
function span(match: RegExpMatchArray): TimeSpec | null {
  const raw = match[1] ?? '';
  const unitWord = match[2] ?? '';
  const n = !raw ? (NUMBER_WORDS[unitWord] ?? 1) : /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? null);
  if (n === null) return null;
  if (unitWord.includes('עסקים') || unitWord.includes('עבודה')) return { businessDays: n };
  if (unitWord.startsWith('שע')) return { minutes: n * 60 };
  if (unitWord.startsWith('דק')) return { minutes: n };
  if (unitWord.startsWith('י')) return { days: n };
  return null;
}

const DAYS: ReadonlyArray<[string, number]> = [
  [`${P}(?:מחרתיים)`, 2],
  [`${P}(?:מחר)`, 1],
  [`${P}(?:היום|הערב|הלילה)`, 0],
];
const WEEKDAYS: ReadonlyArray<[string, number]> = [
  ['(?:ב)?יום ראשון|(?:ב)?יום א', 0],
  ['(?:ב)?יום שני|(?:ב)?יום ב', 1],
  ['(?:ב)?יום שלישי', 2],
  ['(?:ב)?יום רביעי', 3],
  ['(?:ב)?יום חמישי', 4],
  ['(?:ב)?יום שישי', 5],
];

export const HE_CHRONO: Chrono = wordChrono([
  pieceParser(
    word(
      '(?:תוך|בתוך|בעוד|במהלך)\\s+(?:(\\d+|שתי|שני|שלוש|שלושה|ארבע|ארבעה|חמש|חמישה|שש|שישה|שבע|שבעה|עשר|עשרה|חצי)\\s+)?(ימי עסקים|ימי עבודה|שעתיים|שעות|שעה|דקות|דקה|יומיים|ימים|יום)',
    ),
    (m) => ({ kind: 'span', spec: span(m) }),
  ),
  pieceParser(word('(?:ב)?יום (?:ה)?(?:עסקים|עבודה) (?:ה)?(?:בא|הקרוב)'), () => ({
    kind: 'span',
    spec: { businessDays: 1 },
  })),
  rankedParser(
    DAYS.map(([w]) => w),
    word,
    (rank) => ({ kind: 'day', days: DAYS[rank]?.[1] ?? 0, rank }),
  ),
  rankedParser(
    WEEKDAYS.map(([w]) => w),
    word,
    (rank) => ({ kind: 'weekday', weekday: WEEKDAYS[rank]?.[1] ?? 0, rank }),
  ),
  pieceParser(word('(?:ב)?שבוע הבא|(?:ב)?שבוע הקרוב'), () => ({ kind: 'nextWeek' })),
  pieceParser(word('(?:עד |ב)?סוף (?:היום|יום העבודה)'), () => ({ kind: 'endOfDay' })),
  pieceParser(
    new RegExp(
      '(?:בשעה|ב-|ב־|עד השעה|עד)\\s*(\\d{1,2}|אחת עשרה|שתים עשרה|אחת|שתיים|שלוש|ארבע|חמש|שש|שבע|שמונה|תשע|עשר)(?::(\\d{2}))?(?![\\p{L}\\d])',
      'u',
    ),
    (m, text) => ({
      kind: 'clock',
      hour: /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : (HOUR_WORDS[m[1] ?? ''] ?? null),
      minute: m[2] ? Number(m[2]) : 0,
      part: partOf(text, AM, PM),
    }),
  ),
  pieceParser(word('בצהריים|עד הצהריים'), () => ({ kind: 'part', part: 'noon' })),
  pieceParser(word('הערב|בערב'), () => ({ kind: 'part', part: 'evening' })),
  pieceParser(word('בבוקר'), () => ({ kind: 'part', part: 'morning' })),
  pieceParser(word('אחר הצהריים|אחרי הצהריים|אחה"צ'), () => ({ kind: 'part', part: 'afternoon' })),
]);
