import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../language/index.ts';
import {
  SUPERVISOR_PHRASES,
  SUPERVISOR_PHRASE_LANGUAGES,
  detectSupervisorRequest,
  normalizeForMatching,
} from './supervisor-request-phrases.ts';

// [sentence, the listed phrase it must be reported as]
const POSITIVES: Record<'en' | 'ar' | 'he' | 'ru', Array<[string, string]>> = {
  en: [
    ['Can I speak to a supervisor please?', 'supervisor'],
    ['I want to talk to your MANAGER right now.', 'manager'],
    ["Put me through to your supervisor's office", 'supervisor'],
    ['Let me speak to someone in charge.', 'someone in charge'],
    ['Is there anybody in charge there?', 'someone in charge'],
    ['Please escalate this, it has been three weeks.', 'escalate'],
    ['I want this escalated today', 'escalate'],
    ['I will be writing to management about this.', 'management'],
    ['Get me your boss', 'your boss'],
    ['Can I talk to a team leader?', 'team leader'],
    ['I need someone higher up to look at this', 'someone higher up'],
    ['Please pass this to your superior', 'your superior'],
    ['Managers only, no more scripts', 'manager'],
    // Policy (recall): a customer who is a manager themselves still triggers a supervisor look.
    ['I am the manager of a small shop and your invoice is wrong', 'manager'],
  ],
  ar: [
    ['أريد التحدث إلى مشرف', 'مشرف'],
    ['أريد التحدث مع المشرف الآن', 'مشرف'],
    ['من فضلك حوّلني إلى المدير', 'المدير'],
    ['أريد أن أتكلم مع مديرك', 'المدير'],
    ['أطلب التحدث مع المسؤول عن خدمة العملاء', 'مسؤول'],
    ['هل يمكنني التحدث مع شخص مسئول؟', 'مسؤول'],
    ['سأشتكي للإدارة إذا لم يتم حل المشكلة', 'الإدارة'],
    ['أرجو تصعيد الشكوى فورًا', 'تصعيد'],
    ['اتصلوا بي عن طريق رئيس القسم', 'رئيس القسم'],
    ['أريد الحديث مع مشرفتك', 'مشرف'],
    ['أرسلوا الأمر للمشرفين', 'مشرف'],
    ['أريد التحدث إلى الْمُدِيرِ', 'المدير'], // with diacritics
    ['أريد التحدث إلى المـــدير', 'المدير'], // with tatweel
    ['وبالمسؤول أريد أن أتكلم', 'مسؤول'],
  ],
  he: [
    ['אני רוצה לדבר עם מנהל', 'מנהל'],
    ['תעבירו אותי למנהל בבקשה', 'מנהל'],
    ['אני דורש לדבר עם המנהלת שלך', 'מנהל'],
    ['אפשר לדבר עם האחראי?', 'אחראי'],
    ['תעבירו אותי לאחראית משמרת', 'אחראי'],
    ['אני רוצה לדבר עם מפקח', 'מפקח'],
    ['אני אפנה להנהלה אם זה לא ייפתר', 'הנהלה'],
    ['תנו לי את הממונה עליך', 'ממונה'],
    ['אפשר את האחמ״ש?', 'אחמ"ש'],
    ['אני מבקש הסלמה של הפנייה', 'הסלמה'],
    ['אני רוצה לדבר עם מישהו בכיר', 'מישהו בכיר'],
    ['אני רוצה לדבר עם מְנַהֵל', 'מנהל'], // with niqqud
    ['שהמנהל יחזור אליי', 'מנהל'],
    ['אפשר לדבר עם הסופרוויזר?', 'סופרווייזר'],
  ],
  ru: [
    ['Хочу поговорить с руководителем', 'руководитель'],
    ['Соедините меня с руководителем отдела', 'руководитель'],
    ['Дайте мне руководителя!', 'руководитель'],
    ['Позовите начальника', 'начальник'],
    ['Я буду жаловаться вашему начальству', 'начальник'],
    ['Позовите старшего, пожалуйста', 'позовите старшего'],
    ['Соедините со старшим', 'позовите старшего'],
    ['Мне нужен старший смены', 'старший смены'],
    ['Переключите на менеджера', 'менеджер'],
    ['Хочу поговорить с менеджером', 'менеджер'],
    ['Позовите администратора', 'администратор'],
    ['Напишу директору', 'директор'],
    ['Прошу эскалировать моё обращение', 'эскалация'],
    ['Требую эскалацию', 'эскалация'],
    ['Я обращусь к руководству компании', 'руководство'],
    ['Соедините с ответственным за доставку', 'ответственного'],
    ['РУКОВОДИТЕЛЯ МНЕ!', 'руководитель'],
    ['Соедините с супервайзером', 'супервайзер'],
    ['Где заведующая магазином?', 'заведующий'],
    ['Передайте вышестоящему руководству', 'вышестоящий'],
  ],
};

const NEGATIVES: Record<'en' | 'ar' | 'he' | 'ru', string[]> = {
  en: [
    'I managed to fix it myself, thanks',
    'Is this manageable by Friday?',
    'My order never arrived',
    'Please charge my other card instead',
    'The escalator at your store is broken',
    'I use a password manager and cannot log in',
    'I am in charge of purchasing at my company', // "in charge" about themselves, no "someone"
    'My bossa nova CD arrived scratched',
    'The supervision of the delivery was fine',
    'See https://example.com/manager/supervisor for details',
  ],
  ar: [
    'الجهاز لا يعمل منذ أسبوع',
    'أين المشروع الذي طلبته؟',
    'هذه مسؤولية الشركة وليست مسؤوليتي',
    'تم الإشراف على التركيب بشكل جيد',
    'أرسلت الأوراق إلى المديرية',
    'قال الرئيس إن الخدمة ممتازة',
    'مدينة الرياض',
    'شكرا، تم حل المشكلة',
  ],
  he: [
    'ההזמנה שלי לא הגיעה',
    'המוצר עדיין באחריות',
    'לפי הנהלים שלכם זה אמור לעבוד',
    'ההתנהלות שלכם מאכזבת',
    'נתקעתי במנהרה בלי קליטה',
    'שלחתי את החשבונית למחלקת הנהלת חשבונות',
    'הפיקוח על המחירים',
    'איך לנהל את החשבון שלי?',
  ],
  ru: [
    'Мой заказ не пришёл',
    'Мне больше 18 лет, я старше',
    'Мой старший брат оформил заказ',
    'Где руководство пользователя?',
    'Нужны права администратора для установки',
    'Я ответственный покупатель и всегда плачу вовремя',
    'Какой у вас менеджер паролей?',
    'Это безответственно с вашей стороны', // still a complaint, not a request for a supervisor
    'Мастер не пришёл',
  ],
};

describe('detectSupervisorRequest', () => {
  for (const language of SUPERVISOR_PHRASE_LANGUAGES) {
    describe(language, () => {
      it('has at least 8 positives and 8 negatives', () => {
        expect(POSITIVES[language].length).toBeGreaterThanOrEqual(8);
        expect(NEGATIVES[language].length).toBeGreaterThanOrEqual(8);
      });

      it.each(POSITIVES[language])('finds a request in: %s', (sentence, phrase) => {
        expect(detectSupervisorRequest(sentence)).toEqual({ requested: true, language, phrase });
      });

      it.each(NEGATIVES[language])('finds no request in: %s', (sentence) => {
        expect(detectSupervisorRequest(sentence)).toEqual({ requested: false, language: null, phrase: null });
      });

      it('matches every listed phrase by itself, and every phrase has a positive sentence', () => {
        for (const phrase of SUPERVISOR_PHRASES[language]) {
          expect(detectSupervisorRequest(phrase)).toEqual({ requested: true, language, phrase });
          expect(POSITIVES[language].some(([, p]) => p === phrase)).toBe(true);
        }
      });
    });
  }

  it('ignores quoted earlier e-mail', () => {
    const reply = [
      'Thanks, that solved it.',
      '',
      'On Mon, 2 Mar 2026, Denise <denise@example.com> wrote:',
      '> I want to speak to a supervisor now!',
      '> أريد التحدث إلى مشرف',
    ].join('\n');
    expect(detectSupervisorRequest(reply).requested).toBe(false);
    expect(detectSupervisorRequest('> אני רוצה לדבר עם מנהל\n> Позовите начальника').requested).toBe(false);
  });

  it('still finds a request above the quote', () => {
    const reply = 'Позовите начальника.\n\n> We have received your request K-1042';
    expect(detectSupervisorRequest(reply)).toEqual({ requested: true, language: 'ru', phrase: 'начальник' });
  });

  it('reports the earliest phrase when several languages appear', () => {
    expect(detectSupervisorRequest('مشرف please, a supervisor')).toEqual({
      requested: true,
      language: 'ar',
      phrase: 'مشرف',
    });
    expect(detectSupervisorRequest('Escalate! مشرف')).toEqual({ requested: true, language: 'en', phrase: 'escalate' });
  });

  it('handles full-width and compatibility characters through NFKC', () => {
    expect(detectSupervisorRequest('ＳＵＰＥＲＶＩＳＯＲ please').phrase).toBe('supervisor');
  });

  it('returns no request for empty text', () => {
    expect(detectSupervisorRequest('')).toEqual({ requested: false, language: null, phrase: null });
  });
});

describe('normalizeForMatching', () => {
  it('folds case and ё', () => {
    expect(normalizeForMatching('ЕЩЁ Ёлка')).toBe('еще елка');
  });

  it('removes Arabic diacritics and tatweel and unifies letter variants', () => {
    expect(normalizeForMatching('الْمُدِيـــرُ')).toBe('المدير');
    expect(normalizeForMatching('إدارة مسؤول مسئول على')).toBe('اداره مسءول مسءول علي');
  });

  it('removes Hebrew niqqud and turns maqaf and gershayim into plain characters', () => {
    expect(normalizeForMatching('מְנַהֵל')).toBe('מנהל');
    expect(normalizeForMatching('בית\u05BEספר אחמ״ש')).toBe('בית ספר אחמ"ש');
  });
});

describe('hostile input (issue 14)', () => {
  itIsLinearOnHostileText('detectSupervisorRequest', detectSupervisorRequest);
  itIsLinearOnHostileText('normalizeForMatching', normalizeForMatching);

  it('reads the start of the text: a request on top of a pasted megabyte is found, one past the bound is not read', () => {
    const filler = 'my order is still not here '.repeat(Math.ceil(TEXT_BOUNDS.customerTextChars / 27));
    expect(detectSupervisorRequest(`Get me your manager. ${filler}${filler}`)).toMatchObject({
      requested: true,
      phrase: 'manager',
    });
    expect(detectSupervisorRequest(`${filler} Get me your manager.`).requested).toBe(false);
  });
});
