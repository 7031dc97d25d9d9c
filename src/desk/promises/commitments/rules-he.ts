import type { PromiseKind } from '../../../contract/api-types.ts';
import { earliestKind, isQuestion, stem, word, type LanguageRules } from './language-rules.ts';
import type { WorkDays } from './relative-time.ts';
import { HE_CHRONO } from './time-he.ts';
import { readWordChronos } from './word-chrono.ts';

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

export const HE_RULES: LanguageRules = {
  language: 'he',
  commitment(sentence) {
    if (isQuestion(sentence)) return null;
    const m = FUTURE.exec(sentence);
    if (!m) return null;
    if (NEGATION.test(sentence)) return null;
    return m[0];
  },
  kind: (sentence) => earliestKind(sentence, KINDS, () => (WEAK_DELIVERY.test(sentence) ? 'delivery' : 'other')),
  times: (sentences, now, timeZone, workDays: WorkDays) =>
    readWordChronos(HE_CHRONO, sentences, now, timeZone, workDays),
};
