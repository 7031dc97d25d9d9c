import type { PromiseKind } from '../../../contract/api-types.ts';
import {
  BoundaryRegExp,
  earliestKind,
  isQuestion,
  NO_LETTER_BEFORE,
  stem,
  word,
  type LanguageRules,
} from './language-rules.ts';
import { asciiDigits } from './relative-time.ts';
import type { WorkDays } from './relative-time.ts';
import { AR_CHRONO } from './time-ar.ts';
import { readWordChronos } from './word-chrono.ts';

// Arabic commits with the future prefix سـ / سوف ("سأتصل", "سنعيد", "سيصلك"), "أعدك", or
// the colloquial راح/رح/ح ("راح أتصل", "رح نرجعلك"). "لن" (will not), "لا أستطيع",
// "لا يمكنني", "لا أعدك" and the past ("اتصلنا", "أرسلنا") are not commitments.

const AL = '(?:و|ف)?'; // a leading "and"/"so" clings to the word
const FUTURE_REST = `${AL}(?:س[أنيت]\\p{L}{2,}|سوف\\s+\\p{L}+|أعدك|اعدك|نعدك|(?:راح|رح)\\s+\\p{L}+|ح[أانت](?:تصل|رسل|رجع|كلم)\\p{L}*|ستستلم\\p{L}*|ستصل\\p{L}*|سيصل\\p{L}*|سيتم\\s+\\p{L}+)`;
const FUTURE = new BoundaryRegExp(NO_LETTER_BEFORE + FUTURE_REST, 'u', FUTURE_REST);
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
  kind: (sentence) => earliestKind(sentence, KINDS, () => (WEAK_DELIVERY.test(sentence) ? 'delivery' : 'other')),
  times: (sentences, now, timeZone, workDays: WorkDays) =>
    readWordChronos(AR_CHRONO, sentences.map(asciiDigits), now, timeZone, workDays),
};
