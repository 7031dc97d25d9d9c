import type { PromiseKind } from '../../../contract/api-types.ts';
import { earliestKind, isQuestion, stem, word, type LanguageRules } from './language-rules.ts';
import { asciiDigits } from './relative-time.ts';
import { readWordTime, type WordTimeTable } from './word-time.ts';

// Arabic commits with the future prefix سـ / سوف ("سأتصل", "سنعيد", "سيصلك"), "أعدك", or
// the colloquial راح/رح/ح ("راح أتصل", "رح نرجعلك"). "لن" (will not), "لا أستطيع",
// "لا يمكنني", "لا أعدك" and the past ("اتصلنا", "أرسلنا") are not commitments.

const AL = '(?:و|ف)?'; // a leading "and"/"so" clings to the word
const FUTURE = new RegExp(
  `(?<![\\p{L}\\p{M}])${AL}(?:س[أنيت]\\p{L}{2,}|سوف\\s+\\p{L}+|أعدك|اعدك|نعدك|(?:راح|رح)\\s+\\p{L}+|ح[أانت](?:تصل|رسل|رجع|كلم)\\p{L}*|ستستلم\\p{L}*|ستصل\\p{L}*|سيصل\\p{L}*|سيتم\\s+\\p{L}+)`,
  'u',
);
const NEGATION = word(
  'لن|لا أستطيع|لا استطيع|لا نستطيع|لا يمكنني|لا يمكننا|لا أعدك|لا اعدك|لا أضمن|لا نضمن|لم|ما أقدر|ما نقدر|مش هقدر|ليس بإمكاني|ليس بإمكاننا|غير ممكن|لا أعرف متى|لا نعرف متى',
);

const KINDS: ReadonlyArray<[PromiseKind, RegExp]> = [
  [
    'callback',
    stem(
      `${AL}(?:س[أنيت]تصل|يتصل|س[أن]عاود|اتصال|أتصل|نتصل|س[أن]كلم|أكلمك|س[أن]رجع (?:لك|إليك)|رح نرجعلك|راح أرجعلك|س[أن]عود إليك|حتصل|سأرد عليك هاتفي)`,
    ),
  ],
  [
    'refund',
    stem(
      `${AL}(?:استرداد|المبلغ|مبلغ|أموالك|فلوسك|س[أن]عيد (?:لك )?(?:المبلغ|المال|الأموال)|إرجاع|ارجاع|استرجاع|تعويض|التعويض|رد المبلغ)`,
    ),
  ],
  [
    'delivery',
    stem(
      `${AL}(?:توصيل|شحن|الشحنة|شحنتك|الطرد|طردك|طلبك|الطلب|المندوب|سنرسل (?:لك )?(?:البديل|القطعة)|البديل|بديل|القطعة)`,
    ),
  ],
  ['resolution', stem(`${AL}(?:س[أنيت]حل|حل المشكلة|إصلاح|اصلاح|س[أن]صلح|معالجة|س[أن]عالج|من جديد|العطل|الخلل)`)],
];

// Verbs of arrival say delivery only when nothing more specific (a refund, a callback) is named.
const WEAK_DELIVERY = stem(`${AL}(?:سيصل|ستصل|ستستلم|سيسلم|سيسلّم|يصلك)`);

const NUMBER_WORDS: Record<string, number> = {
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
const HOUR_WORDS: Record<string, number> = {
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

const TABLE: WordTimeTable = {
  weekend: [5, 6],
  days: [
    [word('بعد غد|بعد الغد|بعد بكرة'), 2],
    [word(`${AL}(?:غدًا|غداً|غدا|بكرة|بكرا|الغد)`), 1],
    [word(`${AL}(?:اليوم|الليلة)`), 0],
  ],
  weekdays: [
    [word('(?:يوم )?الأحد|(?:يوم )?الاحد'), 0],
    [word('(?:يوم )?الاثنين|(?:يوم )?الإثنين'), 1],
    [word('(?:يوم )?الثلاثاء'), 2],
    [word('(?:يوم )?الأربعاء|(?:يوم )?الاربعاء'), 3],
    [word('(?:يوم )?الخميس'), 4],
    [word('(?:يوم )?الجمعة'), 5],
    [word('(?:يوم )?السبت'), 6],
  ],
  nextWeek: word('الأسبوع القادم|الاسبوع القادم|الأسبوع المقبل|الاسبوع المقبل'),
  endOfDay: word('(?:قبل |في |مع )?(?:نهاية|آخر|اخر) (?:اليوم|الدوام|يوم العمل)'),
  span: word(
    '(?:خلال|في غضون|في خلال|بعد)\\s+(?:(\\d+|ثلاث|ثلاثة|أربع|أربعة|اربع|خمس|خمسة|ست|ستة|سبع|سبعة|عشر|عشرة|نصف)\\s+)?(أيام عمل|ايام عمل|يوم عمل|ساعة|ساعات|ساعتين|ساعتان|دقيقة|دقائق|يومين|يومان|يوم|أيام|ايام)',
  ),
  numberWords: NUMBER_WORDS,
  spanUnit(unit) {
    if (unit.includes('عمل')) return 'businessDay';
    if (unit.startsWith('ساع')) return 'hour';
    if (unit.startsWith('دقي')) return 'minute';
    if (unit.startsWith('يوم') || unit.startsWith('أيام') || unit.startsWith('ايام')) return 'day';
    return null;
  },
  clock: word(
    '(?:الساعة|عند|في تمام)\\s+(\\d{1,2}|الواحدة|الثانية عشرة|الحادية عشرة|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة)(?::(\\d{2}))?',
  ),
  hourWord: (raw) => (/^\d+$/.test(raw) ? Number(raw) : (HOUR_WORDS[raw] ?? null)),
  am: word('صباحًا|صباحا|صباحاً|الصباح|صباح'),
  pm: word('مساءً|مساء|مساءا|ظهرًا|ظهرا|ظهراً|عصرًا|عصرا|بعد الظهر|بعد الظهيرة|الليلة'),
  noon: word('الظهر|الظهيرة|ظهرًا|ظهرا'),
  evening: word('المساء|مساء اليوم|هذا المساء|الليلة'),
  morning: word('صباح الغد|صباح|صباحًا|صباحا|الصباح'),
  afternoon: word('بعد الظهر|عصرًا|عصرا|العصر'),
};

export const AR_RULES: LanguageRules = {
  language: 'ar',
  commitment(raw) {
    const sentence = asciiDigits(raw);
    if (isQuestion(sentence)) return null;
    const m = FUTURE.exec(sentence);
    if (!m) return null;
    if (NEGATION.test(sentence)) return null;
    return m[0];
  },
  kind: (sentence) => earliestKind(sentence, KINDS, WEAK_DELIVERY.test(sentence) ? 'delivery' : 'other'),
  time: (sentence, now, timeZone) => readWordTime(asciiDigits(sentence), now, timeZone, TABLE),
};
