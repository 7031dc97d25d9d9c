import type { PromiseKind } from '../../../contract/api-types.ts';
import { earliestKind, isQuestion, stem, word, type LanguageRules } from './language-rules.ts';
import { readWordTime, type WordTimeTable } from './word-time.ts';

// Hebrew commits with the first-person future ("אחזור אליך", "אתקשר", "נחזיר", "נשלח"),
// "תקבל/י" (you will receive), "יגיע/תגיע" (will arrive), or "אני מבטיח/ה". Negation
// ("לא אוכל", "אני לא יכול להבטיח", "אין באפשרותנו") and the past ("התקשרנו", "שלחנו")
// are not commitments. Prefixes ו/ש/כש cling to words, so stems allow them.

const P = '(?:ו|ש|וש|כש)?';
const FUTURE = stem(
  `${P}(?:אחזור|נחזור|אתקשר|נתקשר|אצלצל|נצלצל|אחזיר|נחזיר|אשלח|נשלח|אעדכן|נעדכן|אבדוק|נבדוק|אטפל|נטפל|אתקן|נתקן|אפתור|נפתור|אענה|נענה|אדאג|נדאג|נזכה|אזכה|נעביר|אעביר|תקבל(?:י|ו)?|יגיע|תגיע|יגיעו|יישלח|תישלח|יטופל|יתוקן|תיפתר|ייפתר|יופיע|יתקשר|יתקן|יחזור|ייכנס|ייכנסו|יועבר|יוחזר|אבטל|נבטל|אבצע|נבצע|אספק|נספק|אביא|נביא|אאשר|נאשר|אפצה|נפצה|אחליף|נחליף|אסדר|נסדר|אתאם|נתאם|אשחזר|נשחזר|אתקין|נתקין|אודיע|נודיע|ניצור קשר|אצור קשר|אגיע|נגיע|ייצא|תצא|יצאו|יבוצע|תבוצע|יסופק|תסופק|יוחלף|ישוחזר|יחזרו|יחזירו|יזוכה|יתקשרו|יתקנו|יבוא|תבוא|יסודר|תחזור|יחזיר|מבטיח|מבטיחה|מבטיחים)(?![\\p{L}])`,
);
const NEGATION = word(`${P}(?:לא|אין באפשרותי|אין באפשרותנו|איני|אינני|איננו|אי אפשר|בלי הבטחות|אסור)`);

// Kinds are nouns as often as verbs: the article ה and prepositions ב/ל cling to them too.
const K = '(?:ו|ש|וש|כש|ה|וה|ב|ל)?';
const KINDS: ReadonlyArray<[PromiseKind, RegExp]> = [
  [
    'callback',
    stem(`${K}(?:אתקשר|נתקשר|יתקשר|אצלצל|נצלצל|אחזור אלי|נחזור אלי|לחזור אלי|יחזור אלי|שיחה|טלפון|אחזור לך|נחזור לך)`),
  ],
  ['refund', stem(`${K}(?:החזר|נחזיר|אחזיר|זיכוי|נזכה|אזכה|הכסף|כספי|תשלום)`)],
  [
    'delivery',
    stem(`${K}(?:משלוח|המשלוח|יגיע|תגיע|יגיעו|שליח|השליח|החבילה|חבילה|ההזמנה|יישלח|תישלח|נשלח את המוצר|מוצר חלופי)`),
  ],
  ['resolution', stem(`${K}(?:הטכנאי|טכנאי|אתקן|נתקן|יתקן|יתוקן|נטפל|אטפל|יטופל|נפתור|אפתור|תיפתר|ייפתר|התקלה|הבעיה)`)],
];

// "תקבל/י" (you will receive) says delivery only when nothing more specific is named.
const WEAK_DELIVERY = stem(`${P}תקבל`);

const NUMBER_WORDS: Record<string, number> = {
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
  24: 24,
};
const HOUR_WORDS: Record<string, number> = {
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

const TABLE: WordTimeTable = {
  weekend: [5, 6],
  days: [
    [word(`${P}(?:מחרתיים)`), 2],
    [word(`${P}(?:מחר)`), 1],
    [word(`${P}(?:היום|הערב|הלילה)`), 0],
  ],
  weekdays: [
    [word('(?:ב)?יום ראשון|(?:ב)?יום א'), 0],
    [word('(?:ב)?יום שני|(?:ב)?יום ב'), 1],
    [word('(?:ב)?יום שלישי'), 2],
    [word('(?:ב)?יום רביעי'), 3],
    [word('(?:ב)?יום חמישי'), 4],
    [word('(?:ב)?יום שישי'), 5],
  ],
  nextWeek: word('(?:ב)?שבוע הבא|(?:ב)?שבוע הקרוב'),
  endOfDay: word('(?:עד |ב)?סוף (?:היום|יום העבודה)'),
  span: word(
    '(?:תוך|בתוך|בעוד|במהלך)\\s+(?:(\\d+|שתי|שני|שלוש|שלושה|ארבע|ארבעה|חמש|חמישה|שש|שישה|שבע|שבעה|עשר|עשרה|חצי)\\s+)?(ימי עסקים|ימי עבודה|שעתיים|שעות|שעה|דקות|דקה|יומיים|ימים|יום)',
  ),
  numberWords: NUMBER_WORDS,
  spanUnit(unit) {
    if (unit.includes('עסקים') || unit.includes('עבודה')) return 'businessDay';
    if (unit.startsWith('שע')) return 'hour';
    if (unit.startsWith('דק')) return 'minute';
    if (unit.startsWith('י')) return 'day';
    return null;
  },
  clock: new RegExp(
    '(?:בשעה|ב-|ב־|עד השעה|עד)\\s*(\\d{1,2}|אחת עשרה|שתים עשרה|אחת|שתיים|שלוש|ארבע|חמש|שש|שבע|שמונה|תשע|עשר)(?::(\\d{2}))?(?![\\p{L}\\d])',
    'u',
  ),
  hourWord: (raw) => (/^\d+$/.test(raw) ? Number(raw) : (HOUR_WORDS[raw] ?? null)),
  am: word('בבוקר|לפני הצהריים|לפנה"צ'),
  pm: word('אחר הצהריים|אחרי הצהריים|אחה"צ|בערב|בלילה|הערב'),
  noon: word('בצהריים|עד הצהריים'),
  evening: word('הערב|בערב'),
  morning: word('בבוקר'),
  afternoon: word('אחר הצהריים|אחרי הצהריים|אחה"צ'),
};

export const HE_RULES: LanguageRules = {
  language: 'he',
  commitment(sentence) {
    if (isQuestion(sentence)) return null;
    const m = FUTURE.exec(sentence);
    if (!m) return null;
    if (NEGATION.test(sentence)) return null;
    return m[0];
  },
  kind: (sentence) => earliestKind(sentence, KINDS, WEAK_DELIVERY.test(sentence) ? 'delivery' : 'other'),
  time: (sentence, now, timeZone) => readWordTime(sentence, now, timeZone, TABLE),
};
