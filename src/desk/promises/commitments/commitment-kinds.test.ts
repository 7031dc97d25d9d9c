import { describe, expect, it } from 'vitest';
import { instantOfLocal, localParts } from '../capability/business-time.ts';
import { recognizeInSentence } from './recognize-commitment.ts';

// Issue 18, one table a failure kind, each kind in each language. "Now" is Monday 2 March 2026,
// 10:00 local, in a zone of the language; null = not a new commitment of the agent's.
type Language = 'en' | 'ar' | 'he' | 'ru';
const ZONE: Record<Language, string> = {
  en: 'America/New_York',
  ar: 'Asia/Riyadh',
  he: 'Asia/Jerusalem',
  ru: 'Europe/Moscow',
};
const NOW = (language: Language) => instantOfLocal(2026, 3, 2, 10 * 60, ZONE[language]);

const KINDS: Record<string, Record<Language, Array<[string, string | null]>>> = {
  'vague promises without a time': {
    en: [["We'll look into it and get back to you.", null]],
    ar: [['سنتحقق من الأمر ونبلغك.', null]],
    he: [['נבדוק ונעדכן אותך.', null]],
    ru: [['Разберёмся и сообщим.', null]],
  },
  'a customer quoting an old promise': {
    en: [["You said you'd refund me by Monday.", null]],
    ar: [['قلتم إنكم ستعيدون المبلغ يوم الاثنين.', null]],
    he: [['אמרתם שתחזירו לי את הכסף ביום שני.', null]],
    ru: [['Вы говорили, что вернёте деньги в понедельник.', null]],
  },
  'hopes and conditions': {
    en: [['I hope the parcel arrives tomorrow.', null]],
    ar: [['إذا لم يصل المبلغ حتى الخميس راسلنا.', null]],
    he: [['אולי נשלח את זה ביום חמישי.', null]],
    ru: [['Надеюсь, посылка придёт завтра.', null]],
  },
  'time ranges, due at their end': {
    en: [["I'll ring you tomorrow between 3 and 5 pm.", '2026-03-03 17:00']],
    ar: [['سأتصل بك غدا بين 3 و5 مساء.', '2026-03-03 17:00']],
    he: [['אתקשר אליך מחר בין 3 ל-5.', '2026-03-03 17:00']],
    ru: [['Перезвоню вам завтра с 15 до 17.', '2026-03-03 17:00']],
  },
  'the day after tomorrow': {
    en: [["We'll ship it the day after tomorrow.", '2026-03-04 17:00']],
    ar: [['سنشحن الطلب بعد غد.', '2026-03-04 17:00']],
    he: [['נשלח את ההזמנה מחרתיים.', '2026-03-04 17:00']],
    ru: [['Отправим заказ послезавтра.', '2026-03-04 17:00']],
  },
  'within hours, in days, business days': {
    en: [['We will fix it within 4 working days.', '2026-03-06 17:00']],
    ar: [['سنعيد لك المبلغ خلال 24 ساعة.', '2026-03-03 10:00']],
    he: [['הכרטיס החדש יגיע בעוד 4 ימים.', '2026-03-06 17:00']],
    ru: [['Устраним неисправность за 4 рабочих дня.', '2026-03-06 17:00']],
  },
  'end of the week and of next week, in the calendar': {
    en: [['The credit will reach your account by the end of next week.', '2026-03-13 17:00']],
    ar: [['سيصل المبلغ إلى حسابك بحلول نهاية الأسبوع القادم.', '2026-03-12 17:00']],
    he: [['אחזור אליך עם תשובה עד סוף השבוע.', '2026-03-05 17:00']],
    ru: [['Ответ пришлю до конца недели.', '2026-03-06 17:00']],
  },
  'end of today and parts of the day': {
    en: [["I'll call you back this evening.", '2026-03-02 20:00']],
    ar: [['سأتصل بك هذا المساء.', '2026-03-02 20:00']],
    he: [['אתקשר אליך הערב.', '2026-03-02 20:00']],
    ru: [
      ['Вышлю всё до конца сегодняшнего дня.', '2026-03-02 17:00'],
      ['Перезвоню к завтрашнему вечеру.', '2026-03-03 20:00'],
    ],
  },
};

function local(at: Date, zone: string): string {
  const p = localParts(at, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

describe('commitments: the failure kinds of issue 18 in every language', () => {
  for (const [kind, byLanguage] of Object.entries(KINDS)) {
    for (const language of ['en', 'ar', 'he', 'ru'] as const) {
      it.each(byLanguage[language])(`${kind}, ${language}: %s`, (sentence, due) => {
        const found = recognizeInSentence(sentence, NOW(language), ZONE[language]);
        if (due === null) expect(found).toBeNull();
        else {
          expect(found?.language).toBe(language);
          expect(found?.dueAt && local(found.dueAt, ZONE[language])).toBe(due);
        }
      });
    }
  }
});
