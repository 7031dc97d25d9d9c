import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { detectByNgrams } from './eld-ngram-detector.ts';

// The detector must give eld's answers exactly: the same language, the same score to the last
// bit, the same reliability — on real text in many languages and on the awkward cases.
function eldAnswer(text: string) {
  const result = eld.detect(text);
  const language = result.language || null;
  return {
    language,
    score: language === null ? 0 : (result.getScores()[language] ?? 0),
    reliable: language !== null && result.isReliable(),
  };
}

// The test essays in the repository (English, Arabic, Hebrew, Russian), line by line.
const TEXT_DIR = fileURLToPath(new URL('../../tests/fixtures/text/', import.meta.url));
const essayLines = readdirSync(TEXT_DIR)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(`${TEXT_DIR}${f}`, 'utf8').split('\n'))
  .map((p) => p.trim())
  .filter((p) => p.length > 0);

const TEXTS = [
  'Hello, my order #4411 has not arrived yet and the tracking page has not changed for five days.',
  'Hello',
  'ok',
  '',
  '   ',
  '12345 67890',
  '!!! ??? ...',
  'مرحبا، لم يصل طلبي بعد وصفحة التتبع لم تتغير منذ خمسة أيام.',
  'Здравствуйте, мой заказ до сих пор не пришёл. Перезвоните мне, пожалуйста',
  'שלום, ההזמנה שלי עדיין לא הגיעה ודף המעקב לא השתנה כבר חמישה ימים.',
  'Bonjour, je n’ai toujours pas reçu ma commande, pouvez-vous vérifier ?',
  'Guten Tag, meine Bestellung ist noch nicht angekommen. Können Sie das prüfen?',
  'Hola, mi pedido todavía no ha llegado y la página de seguimiento no cambia.',
  'Добрий день, моє замовлення досі не прийшло, перевірте, будь ласка.',
  'سلام، سفارش من هنوز نرسیده است. لطفا بررسی کنید.',
  'こんにちは、注文した商品がまだ届いていません。',
  '您好，我的订单还没有到，请帮我查一下。',
  'Ελπίζω να λάβω σύντομα την παραγγελία μου.',
  'mixed English и русский текст with עברית and عربي',
  "don't won’t can`t it's",
  '😀 🎉 emoji only 𝒳𝒴𝒵 astral letters',
  'a'.repeat(2000),
  'supercalifragilisticexpialidocious'.repeat(5),
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. '.repeat(
    12,
  ),
];

describe('detectByNgrams', () => {
  it('answers as eld does on short and awkward texts in many languages', () => {
    for (const text of TEXTS) expect({ text, ...detectByNgrams(text) }).toEqual({ text, ...eldAnswer(text) });
  });

  it('answers as eld does on every line of the test essays (tests/fixtures/text)', () => {
    expect(essayLines.length).toBeGreaterThan(100);
    const differing = essayLines.filter((p) => JSON.stringify(detectByNgrams(p)) !== JSON.stringify(eldAnswer(p)));
    expect(differing).toEqual([]);
    // And on pieces cut at arbitrary places (words split in the middle, the 1,000-character cut).
    const whole = essayLines.join(' ');
    for (let start = 0; start < whole.length; start += 997) {
      const piece = whole.slice(start, start + 1 + (start % 1400));
      expect(detectByNgrams(piece)).toEqual(eldAnswer(piece));
    }
  });

  it('is unreliable with fewer than three n-grams, and knows nothing of text without letters', () => {
    expect(detectByNgrams('1234 5678')).toEqual({ language: null, score: 0, reliable: false });
    expect(detectByNgrams('hi').reliable).toBe(false);
  });
});
