import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { AR_CHRONO } from './time-ar.ts';
import { HE_CHRONO } from './time-he.ts';
import { leanChrono, readWordChrono } from './word-chrono.ts';

const NOW = new Date('2026-03-02T10:00:00Z'); // a Monday
const USUAL = { weekend: [5, 6], holidays: new Set<string>() };

describe('lean chrono clones (English, Russian)', () => {
  // The lean clone finds what it drops by class name: a chrono upgrade that renames them fails here.
  for (const [name, base] of [
    ['en', chrono.en.casual],
    ['ru', chrono.ru.casual],
  ] as const) {
    it(`${name}: drops the past parsers and the time-zone refiners, keeps the rest`, () => {
      const lean = leanChrono(base);
      expect(lean.parsers.length).toBeLessThan(base.parsers.length);
      expect(lean.refiners.length).toBe(base.refiners.length - 2);
      expect(base.parsers.length).toBeGreaterThan(0);
    });
  }
});

describe('Arabic and Hebrew chrono parsers', () => {
  it('the highest-ranked day word wins, whatever comes first in the sentence', () => {
    // "اليوم" (today) before "بعد غد" (the day after tomorrow): the day after tomorrow is said.
    const ar = readWordChrono(AR_CHRONO, 'اليوم لا، سأتصل بك بعد غد', NOW, 'UTC', USUAL);
    expect(ar?.at).toEqual(new Date('2026-03-04T17:00:00Z'));
    const he = readWordChrono(HE_CHRONO, 'אחזור אליך מחרתיים בשעה 10 בבוקר', NOW, 'UTC', USUAL);
    expect(he).toMatchObject({ at: new Date('2026-03-04T10:00:00Z'), stated: true });
  });

  it('a span wins over a day word, and counts business days on the working days given', () => {
    const days = { weekend: [0, 6], holidays: new Set(['2026-03-03']) };
    const ar = readWordChrono(AR_CHRONO, 'سنرد عليك غدا أو خلال 2 أيام عمل', NOW, 'UTC', days);
    expect(ar?.at).toEqual(new Date('2026-03-05T17:00:00Z'));
  });

  it('nothing about time: no result', () => {
    expect(readWordChrono(HE_CHRONO, 'נבדוק את זה', NOW, 'UTC', USUAL)).toBeNull();
  });
});
