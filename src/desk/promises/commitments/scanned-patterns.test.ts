import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { stem, word } from './language-rules.ts';
import { InnerScannedRegExp } from './word-chrono.ts';

// The faster scans (issue 18, speed) must find exactly what the plain patterns find: the same
// first match, at the same place, with the same groups — on the awkward texts too.
const TEXTS = [
  'перезвоню завтра',
  ' завтра перезвоню',
  'назавтра, а не завтра',
  '😀завтра в 15:00',
  'x😀 завтра',
  '\u0001завтра\u0001сегодня',
  'нет ничего',
  '',
  'завтразавтра завтра',
  'سأتصل بك غدا وبكرة',
  'אחזור אליך מחר',
  'I will call you tomorrow at 3 pm, or on Friday',
];

const plain = (re: RegExp) => new RegExp(re.source, re.flags);
const shape = (m: RegExpExecArray | null) => (m ? { index: m.index, all: [...m], groups: m.groups } : null);

describe('word and stem patterns scanned without their look-behind', () => {
  const patterns = [stem('завтр|сегодня'), word('завтра'), word('غدا|بكرة'), stem('מחר'), word('(з)(а)втра')];
  it('find the first match a plain pattern finds, with its groups, and test alike', () => {
    for (const re of patterns)
      for (const text of TEXTS) {
        expect(shape(re.exec(text)), `${re.source} on ${text}`).toEqual(shape(plain(re).exec(text)));
        expect(re.test(text)).toBe(plain(re).test(text));
        expect(text.replace(re, '#')).toBe(text.replace(plain(re), '#'));
      }
  });
});

describe("chrono's word-boundary parsers scanned for their words", () => {
  it('find every match the whole pattern finds, text by text, as chrono walks the rest of the text', () => {
    const context = { option: {}, text: '' } as never;
    let checked = 0;
    for (const parser of [...chrono.ru.casual.parsers, ...chrono.en.casual.parsers]) {
      const whole = parser.pattern(context);
      const boundary = ['([^\\p{L}\\p{N}_]|^)', '(\\W|^)'].find((b) => whole.source.startsWith(b));
      if (!boundary) continue;
      const fast = new InnerScannedRegExp(whole, boundary);
      for (const text of [
        ...TEXTS,
        'с 5 марта по 7 апреля, в пятницу через 2 дня',
        'on March 5, next Monday in 3 days',
      ])
        for (let from = 0; from <= text.length; from++) {
          const rest = text.slice(from);
          expect(shape(fast.exec(rest)), `${parser.constructor.name} on ${rest}`).toEqual(shape(whole.exec(rest)));
        }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
