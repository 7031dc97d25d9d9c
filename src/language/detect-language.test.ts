import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, stripQuotedText } from './detect-language.ts';
import { itIsLinearOnHostileText } from '../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from './text-bounds.ts';

// Essays of our own, in the repository; each file name starts with its language's code.
const TEXT_DIR = fileURLToPath(new URL('../../tests/fixtures/text/', import.meta.url));

describe('the test essays (tests/fixtures/text)', () => {
  const essays = readdirSync(TEXT_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  it('has essays in all four languages', () => {
    expect([...new Set(essays.map((f) => f.slice(0, 2)))].sort()).toEqual(['ar', 'en', 'he', 'ru']);
  });

  for (const file of essays) {
    const expected = file.slice(0, 2);
    const text = readFileSync(`${TEXT_DIR}${file}`, 'utf8');

    it(`detects ${expected} for the whole of ${file}`, () => {
      const result = detectLanguage(text);
      expect(result.language).toBe(expected);
      expect(result.confidence).toBeGreaterThan(0.5);
    });

    // Every paragraph of 20 characters or more, as a customer might paste it.
    const paragraphs = text
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p.length >= 20);
    it(`detects ${expected} for each of the ${paragraphs.length} paragraphs of ${file}`, () => {
      expect(paragraphs.length).toBeGreaterThan(5);
      const wrong = paragraphs.filter((p) => detectLanguage(p).language !== expected);
      expect(wrong).toEqual([]);
    });
  }
});

const SHORT: Record<string, string[]> = {
  en: [
    'My order never arrived',
    'Please call me back',
    'Where is my refund?',
    'I want to cancel my subscription today',
    'The app crashes when I log in',
    'Thanks, that fixed it',
    'Still waiting for an answer',
    'Can I speak to a supervisor?',
    'Invoice 4411 is wrong',
    'Refund please',
  ],
  ar: [
    'لم يصل طلبي بعد',
    'أريد استرداد أموالي',
    'من فضلك اتصل بي',
    'الجهاز لا يعمل منذ أسبوع',
    'شكرا جزيلا',
    'أريد التحدث إلى مشرف',
    'مرحبا',
    'الفاتورة رقم 4411 خاطئة',
    'متى سيصل الفني؟',
    'ما زلت أنتظر الرد',
    'شكرا',
  ],
  he: [
    'ההזמנה שלי לא הגיעה',
    'אני רוצה החזר כספי',
    'בבקשה תחזרו אליי',
    'המכשיר לא עובד כבר שבוע',
    'תודה רבה',
    'אני רוצה לדבר עם מנהל',
    'שלום',
    'החשבונית 4411 שגויה',
    'מתי יגיע הטכנאי?',
    'אני עדיין מחכה לתשובה',
  ],
  ru: [
    'Мой заказ не пришёл',
    'Верните мне деньги',
    'Перезвоните мне, пожалуйста',
    'Устройство не работает уже неделю',
    'Спасибо большое',
    'Хочу поговорить с руководителем',
    'Привет',
    'Счёт 4411 неверный',
    'Когда придёт мастер?',
    'Я всё ещё жду ответа',
    'Да',
  ],
};

describe('short customer messages', () => {
  for (const [language, sentences] of Object.entries(SHORT)) {
    it.each(sentences)(`detects ${language}: %s`, (sentence) => {
      const result = detectLanguage(sentence);
      expect(result.language).toBe(language);
      expect(result.confidence).toBeGreaterThan(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('falls back to the script, with lower confidence, where the detector guesses a neighbour', () => {
    // eld alone says Bulgarian for this one.
    expect(detectLanguage('Перезвоните мне, пожалуйста')).toEqual({ language: 'ru', confidence: 0.5 });
  });

  it('keeps a confident detector answer for long text in a related language', () => {
    expect(detectLanguage('Чому ви не відповідаєте на мої листи? Я чекаю вже тиждень, це неприйнятно.').language).toBe(
      'uk',
    );
    expect(
      detectLanguage('این یک متن فارسی است که برای آزمایش نوشته شده است و باید فارسی تشخیص داده شود').language,
    ).toBe('fa');
  });

  it('detects other languages it is sure of', () => {
    expect(detectLanguage('Je voudrais parler à un responsable, s’il vous plaît').language).toBe('fr');
    expect(detectLanguage('Quiero hablar con un supervisor ahora mismo').language).toBe('es');
  });

  it('uses the majority script for mixed text', () => {
    expect(detectLanguage('iPhone 15 Pro لا يعمل بعد التحديث').language).toBe('ar');
    expect(detectLanguage('Мой Samsung Galaxy не включается').language).toBe('ru');
  });

  it('returns null, not a guess, when there is nothing to go on', () => {
    expect(detectLanguage('')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('12345 !!! ???')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('Hello')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('https://example.com/orders/4411 support@example.com')).toEqual({
      language: null,
      confidence: 0,
    });
  });
});

describe('quoted e-mail text and links', () => {
  it('detects the new text, not the quoted reply below it', () => {
    const reply = [
      'אני עדיין מחכה לתשובה',
      '',
      'On Tue, 3 Mar 2026 at 10:00, Acme Support <support@acme.example> wrote:',
      '> Dear customer, thank you for contacting Acme Support. We have received your request',
      '> and a member of our team will answer you by Wednesday 4 March, 15:00.',
      '> Kind regards, Acme Support',
    ].join('\n');
    expect(detectLanguage(reply).language).toBe('he');
  });

  it('ignores everything after an original-message marker', () => {
    const reply =
      'Спасибо, жду ответа\n\n-----Original Message-----\nFrom: support@acme.example\nWe have received your request and will answer you soon, kind regards.';
    expect(detectLanguage(reply).language).toBe('ru');
  });

  it('ignores URLs and e-mail addresses', () => {
    expect(
      detectLanguage('شكرا https://shop.example.com/orders/track-my-order-please support@example.com').language,
    ).toBe('ar');
  });

  it('stripQuotedText keeps the customer text only', () => {
    expect(stripQuotedText('Hi\r\n> old\r\n>> older\r\n')).toBe('Hi');
    expect(stripQuotedText('Привет\n\nВ пн, 2 мар. 2026 г., Acme <a@b.example> писал(а):\n> цитата').trim()).toBe(
      'Привет',
    );
    expect(stripQuotedText('see www.example.com now')).toBe('see   now');
  });
});

describe('hostile input (issue 14)', () => {
  itIsLinearOnHostileText('stripQuotedText', stripQuotedText);
  itIsLinearOnHostileText('detectLanguage', detectLanguage);

  it('reads the start of the text only: a megabyte pasted below does not outvote it', () => {
    const russian = 'Я жду ответа уже неделю, перезвоните мне, пожалуйста. '.repeat(
      Math.ceil(TEXT_BOUNDS.customerTextChars / 54),
    );
    expect(detectLanguage(russian + 'שלום עולם '.repeat(100_000)).language).toBe('ru');
  });
});
