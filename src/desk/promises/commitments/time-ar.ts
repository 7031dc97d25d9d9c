import type { Chrono } from 'chrono-node';
import { word } from './language-rules.ts';
import { type TimeSpec } from './relative-time.ts';
import { partOf, pieceParser, rankedParser, wordChrono } from './word-chrono.ts';

// Arabic times as chrono-node parsers (word-chrono.ts composes them): "بعد غد", "غدا/بكرة",
// "اليوم/الليلة", weekdays, "الأسبوع القادم", "نهاية الدوام", "خلال ساعتين / 3 أيام عمل",
// "الساعة 3 / الثالثة" with صباحا/مساءً, and the parts of the day. Digits are ASCII by now.

const AL = '(?:و|ف)?'; // a leading "and"/"so" clings to the word

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  واحدة: 1,
  واحد: 1,
  ساعة: 1,
  يوم: 1,
  ساعتين: 2,
  ساعتان: 2,
  يومين: 2,
  يومان: 2,
  اثنين: 2,
  ثلاث: 3,
  ثلاثة: 3,
  أربع: 4,
  أربعة: 4,
  اربع: 4,
  خمس: 5,
  خمسة: 5,
  ست: 6,
  ستة: 6,
  سبع: 7,
  سبعة: 7,
  عشر: 10,
  عشرة: 10,
  نصف: 0.5,
};
const HOUR_WORDS: Readonly<Record<string, number>> = {
  الواحدة: 1,
  الثانية: 2,
  الثالثة: 3,
  الرابعة: 4,
  الخامسة: 5,
  السادسة: 6,
  السابعة: 7,
  الثامنة: 8,
  التاسعة: 9,
  العاشرة: 10,
  'الحادية عشرة': 11,
  'الثانية عشرة': 12,
};

const AM = word('صباحًا|صباحا|صباحاً|الصباح|صباح');
const PM = word('مساءً|مساء|مساءا|ظهرًا|ظهرا|ظهراً|عصرًا|عصرا|بعد الظهر|بعد الظهيرة|الليلة');

/** "خلال ساعتين", "في غضون 3 أيام عمل": a dual unit word carries its own number. */
function span(match: RegExpMatchArray): TimeSpec | null {
  const raw = match[1] ?? '';
  const unitWord = match[2] ?? '';
  const n = !raw ? (NUMBER_WORDS[unitWord] ?? 1) : /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? null);
  if (n === null) return null;
  if (unitWord.includes('عمل')) return { businessDays: n };
  if (unitWord.startsWith('ساع')) return { minutes: n * 60 };
  if (unitWord.startsWith('دقي')) return { minutes: n };
  if (unitWord.startsWith('يوم') || unitWord.startsWith('أيام') || unitWord.startsWith('ايام')) return { days: n };
  return null;
}

const DAYS: ReadonlyArray<[string, number]> = [
  ['بعد غد|بعد الغد|بعد بكرة', 2],
  [`${AL}(?:غدًا|غداً|غدا|بكرة|بكرا|الغد)`, 1],
  [`${AL}(?:اليوم|الليلة)`, 0],
];
const WEEKDAYS: ReadonlyArray<[string, number]> = [
  ['(?:يوم )?الأحد|(?:يوم )?الاحد', 0],
  ['(?:يوم )?الاثنين|(?:يوم )?الإثنين', 1],
  ['(?:يوم )?الثلاثاء', 2],
  ['(?:يوم )?الأربعاء|(?:يوم )?الاربعاء', 3],
  ['(?:يوم )?الخميس', 4],
  ['(?:يوم )?الجمعة', 5],
  ['(?:يوم )?السبت', 6],
];

export const AR_CHRONO: Chrono = wordChrono([
  pieceParser(
    word(
      '(?:خلال|في غضون|في خلال|بعد)\\s+(?:(\\d+|ثلاث|ثلاثة|أربع|أربعة|اربع|خمس|خمسة|ست|ستة|سبع|سبعة|عشر|عشرة|نصف)\\s+)?(أيام عمل|ايام عمل|يوم عمل|ساعة|ساعات|ساعتين|ساعتان|دقيقة|دقائق|يومين|يومان|يوم|أيام|ايام)',
    ),
    (m) => ({ kind: 'span', spec: span(m) }),
  ),
  pieceParser(word('(?:في |ب)?يوم العمل (?:التالي|القادم)'), () => ({ kind: 'span', spec: { businessDays: 1 } })),
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
  pieceParser(word('الأسبوع القادم|الاسبوع القادم|الأسبوع المقبل|الاسبوع المقبل'), () => ({ kind: 'nextWeek' })),
  pieceParser(word('(?:قبل |في |مع )?(?:نهاية|آخر|اخر) (?:اليوم|الدوام|يوم العمل)'), () => ({ kind: 'endOfDay' })),
  pieceParser(
    word(
      '(?:الساعة|عند|في تمام)\\s+(\\d{1,2}|الواحدة|الثانية عشرة|الحادية عشرة|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة)(?::(\\d{2}))?',
    ),
    (m, text) => ({
      kind: 'clock',
      hour: /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : (HOUR_WORDS[m[1] ?? ''] ?? null),
      minute: m[2] ? Number(m[2]) : 0,
      part: partOf(text, AM, PM),
    }),
  ),
  pieceParser(word('الظهر|الظهيرة|ظهرًا|ظهرا'), () => ({ kind: 'part', part: 'noon' })),
  pieceParser(word('المساء|مساء اليوم|هذا المساء|الليلة'), () => ({ kind: 'part', part: 'evening' })),
  pieceParser(word('صباح الغد|صباح|صباحًا|صباحا|الصباح'), () => ({ kind: 'part', part: 'morning' })),
  pieceParser(word('بعد الظهر|عصرًا|عصرا|العصر'), () => ({ kind: 'part', part: 'afternoon' })),
]);
