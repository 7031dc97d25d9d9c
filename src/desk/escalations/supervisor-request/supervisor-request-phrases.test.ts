import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../../language/index.ts';
import {
  SUPERVISOR_CONFIDENCE,
  SUPERVISOR_PHRASE_LANGUAGES,
  detectSupervisorRequest,
  normalizeForMatching,
} from './supervisor-request-phrases.ts';

type Language = (typeof SUPERVISOR_PHRASE_LANGUAGES)[number];

// Issue 18, one table a failure kind: each kind in each language. These are tuning sentences
// (the held-out sets in ./sets are measured in supervisor-accuracy.test.ts and never tuned on).
const NOT_A_REQUEST: Record<string, Record<Language, string[]>> = {
  negation: {
    en: ["I don't need a supervisor, just the tracking number.", 'No need to escalate, it works now.'],
    ar: ['لا أريد المدير، أريد فقط رقم التتبع', 'لا داعي للتصعيد'],
    he: ['אני לא צריך מנהל, רק את מספר המעקב', 'אין צורך להסלים'],
    ru: ['Мне не нужен руководитель, дайте трек-номер', 'Не надо эскалировать'],
  },
  'third party': {
    en: ['My manager told me to order two more.', 'Our office manager will pay the invoice.'],
    ar: ['مديري طلب مني شراء جهازين', 'مشرفه في العمل وافق على الطلب'],
    he: ['המנהל שלי ביקש ממני להזמין עוד שניים', 'הבוס שלי ישלם את החשבון'],
    ru: ['Мой начальник попросил заказать ещё два', 'Наш директор подпишет акт'],
  },
  "the customer's own role": {
    en: ['I am the account manager for the Hilton order.', "I'm a shift supervisor, call after six."],
    ar: ['أنا مدير المشتريات في الشركة', 'نحن مديرو فندق صغير'],
    he: ['אני מנהל הרכש בחברה', 'אני עובדת כאחראית משמרת'],
    ru: ['Я менеджер по закупкам', 'Я сам работаю начальником смены'],
  },
  'past events': {
    en: ['I spoke to a supervisor last week about this.', 'Thanks for escalating it yesterday.'],
    ar: ['تحدثت مع المشرف الأسبوع الماضي', 'شكرا على التصعيد أمس'],
    he: ['דיברתי עם מנהל בשבוע שעבר', 'תודה שהעברתם להנהלה אתמול'],
    ru: ['На прошлой неделе я говорил с руководителем', 'Спасибо, что передали руководству'],
  },
  'technical senses': {
    en: ['My password manager will not fill the form.', 'The escalator in your shop is broken.'],
    ar: ['هذه مسؤولية شركة الشحن', 'تم الإشراف على التركيب'],
    he: ['הנהלת החשבונות שלנו צריכה חשבונית', 'המוצר עדיין באחריות'],
    ru: ['Где руководство пользователя?', 'Менеджер паролей не работает'],
  },
};

const REQUEST: Record<string, Record<Language, string[]>> = {
  'requests with the keyword': {
    en: ['Put me through to your supervisor.', 'supervisr pls'],
    ar: ['من فضلك حولني إلى المشرف', 'أبغى أكلم مديرك'],
    he: ['תעבירו אותי למנהל בבקשה', 'אני דורש לדבר עם המנהלת שלך'],
    ru: ['Позовите руководителя', 'Соедините с начальником смены'],
  },
  'requests without the keyword': {
    en: ['I want someone above you.', 'Get me somebody more senior.'],
    ar: ['أريد شخصا أعلى منك', 'حولني لصاحب القرار'],
    he: ['תעביר אותי למישהו בכיר יותר', 'אני רוצה מישהו עם סמכות'],
    ru: ['Соедините с кем-то выше вас', 'Позовите кого-нибудь постарше'],
  },
};

const LIKELY: Record<Language, string[]> = {
  en: ['Is your manager around?', 'Manager?'],
  ar: ['هل يوجد مشرف؟', 'المدير؟'],
  he: ['יש מנהל?', 'מנהל?'],
  ru: ['Руководитель где?', 'Менеджер?'],
};

describe('detectSupervisorRequest — what is not a request (issue 18)', () => {
  for (const [kind, byLanguage] of Object.entries(NOT_A_REQUEST)) {
    for (const language of SUPERVISOR_PHRASE_LANGUAGES) {
      it.each(byLanguage[language])(`${kind}, ${language}: %s`, (sentence) => {
        expect(detectSupervisorRequest(sentence)).toMatchObject({ requested: false, certain: false, confidence: 0 });
      });
    }
  }
});

describe('detectSupervisorRequest — requests, certain enough to escalate', () => {
  for (const [kind, byLanguage] of Object.entries(REQUEST)) {
    for (const language of SUPERVISOR_PHRASE_LANGUAGES) {
      it.each(byLanguage[language])(`${kind}, ${language}: %s`, (sentence) => {
        const found = detectSupervisorRequest(sentence);
        expect(found).toMatchObject({ requested: true, certain: true, language });
        expect(found.confidence).toBeGreaterThanOrEqual(SUPERVISOR_CONFIDENCE);
        expect(found.phrase).toBeTruthy();
      });
    }
  }
});

describe('detectSupervisorRequest — a question about a supervisor is likely, not certain', () => {
  for (const language of SUPERVISOR_PHRASE_LANGUAGES) {
    it.each(LIKELY[language])(`${language}: %s`, (sentence) => {
      const found = detectSupervisorRequest(sentence);
      expect(found).toMatchObject({ requested: true, certain: false, language });
      expect(found.confidence).toBeLessThan(SUPERVISOR_CONFIDENCE);
      expect(found.confidence).toBeGreaterThan(0);
    });
  }
});

describe('detectSupervisorRequest — who is speaking', () => {
  it('ignores quoted earlier e-mail in every language', () => {
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
    expect(detectSupervisorRequest(reply)).toMatchObject({ requested: true, certain: true, language: 'ru' });
  });

  it('a negation in one sentence does not deny a request in the next', () => {
    expect(detectSupervisorRequest("I don't want to be rude. Get me your manager.").certain).toBe(true);
    expect(detectSupervisorRequest('Я не хочу ругаться. Позовите руководителя.').certain).toBe(true);
  });

  it('handles diacritics, tatweel, niqqud and full-width characters', () => {
    expect(detectSupervisorRequest('أريد التحدث إلى الْمُدِيـــرِ').certain).toBe(true);
    expect(detectSupervisorRequest('אני רוצה לדבר עם מְנַהֵל').certain).toBe(true);
    expect(detectSupervisorRequest('ＳＵＰＥＲＶＩＳＯＲ please').certain).toBe(true);
  });

  it('returns no request for empty text', () => {
    expect(detectSupervisorRequest('')).toEqual({
      requested: false,
      certain: false,
      confidence: 0,
      language: null,
      phrase: null,
    });
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
    expect(detectSupervisorRequest(`Get me your manager. ${filler}${filler}`).certain).toBe(true);
    expect(detectSupervisorRequest(`${filler} Get me your manager.`).requested).toBe(false);
  });
});
