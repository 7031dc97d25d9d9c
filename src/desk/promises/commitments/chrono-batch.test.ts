import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { TEXT_BOUNDS } from '../../../language/index.ts';
import { groupOf, parseEach, SEPARATOR } from './chrono-batch.ts';
import { readPeriods } from './period-chrono.ts';

const NOW = new Date('2026-03-02T10:00:00Z'); // a Monday
const REFERENCE = { instant: NOW, timezone: 0 };
const USUAL = { weekend: [0, 6], holidays: new Set<string>() };
const seen = (results: chrono.ParsedResult[]) => results.map((r) => `${r.text}@${r.start.date().toISOString()}`);

describe('chrono over a batch of sentences', () => {
  it('reads each sentence as if alone: no merge across sentences', () => {
    // Alone, "tomorrow" and "at 3 pm" in the next sentence are two readings; joined by a space
    // chrono would merge them into one.
    const sentences = ["I'll call you tomorrow", 'at 3 pm the courier comes', 'nothing here', 'on Friday'];
    const batch = parseEach(chrono.en.casual, sentences, REFERENCE, { forwardDate: true });
    const alone = sentences.map((s) => chrono.en.casual.parse(s, REFERENCE, { forwardDate: true }));
    expect(batch.map(seen)).toEqual(alone.map(seen));
    expect(batch[2]).toEqual([]);
  });

  it('a result that spans a separator is not trusted: its sentences are read alone', () => {
    const greedy = new chrono.Chrono({
      parsers: [{ pattern: () => /x[^y]*y/, extract: (context) => context.createParsingComponents({ day: 5 }) }],
      refiners: [],
    });
    const batch = parseEach(greedy, ['ax', 'yb', 'xy'], REFERENCE, {});
    expect(batch.map((r) => r.map((x) => x.text))).toEqual([[], [], ['xy']]);
  });

  it('a batch holds at most one window of text (issue 14)', () => {
    const lengths: number[] = [];
    const spy = new chrono.Chrono({
      parsers: [
        {
          pattern: (context) => {
            lengths.push(context.text.length);
            return /(?!)/;
          },
          extract: () => null,
        },
      ],
      refiners: [],
    });
    parseEach(
      spy,
      Array.from({ length: 300 }, () => 'we will call you tomorrow'),
      REFERENCE,
      {},
    );
    expect(Math.max(...lengths)).toBeLessThanOrEqual(TEXT_BOUNDS.sentenceChars);
    expect(lengths.length).toBeGreaterThan(1);
  });

  it('maps an index to its sentence', () => {
    const starts = [0, 5, 9];
    expect([0, 4, 5, 8, 9, 40].map((i) => groupOf(starts, i))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(SEPARATOR).not.toMatch(/[\s\w]/);
  });
});

describe('"end of" periods, ranges and parts of the day as a chrono pass', () => {
  it('the period first in order wins wherever it is said; each sentence of a batch its own', () => {
    const [a, b, c] = readPeriods(
      ['By the end of the day, or the end of next week at the latest.', 'Between 2 and 4 pm.', 'Nothing.'],
      'en',
      NOW,
      'UTC',
      USUAL,
    );
    expect(a?.period).toMatchObject({ at: new Date('2026-03-13T17:00:00Z'), text: 'end of next week' });
    expect(b).toMatchObject({ period: null, range: { time: '16:00', text: 'Between 2 and 4 pm' } });
    expect(c).toEqual({ period: null, range: null, part: null });
  });

  it('reads Arabic-Indic digits in ranges and Russian parts of the day', () => {
    const [ar] = readPeriods(['سنتصل بك من ٨ إلى ١٢ ظهرا'], 'ar', NOW, 'UTC', USUAL);
    expect(ar?.range?.time).toBe('12:00');
    const [ru] = readPeriods(['Перезвоню до обеда.'], 'ru', NOW, 'UTC', USUAL);
    expect(ru?.part).toEqual({ time: '12:00', days: null });
  });
});
