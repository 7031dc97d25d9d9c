import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../../language/index.ts';
import { recognizeCommitments } from './recognize-commitment.ts';

const NOW = new Date('2026-03-03T10:00:00Z');
const recognize = (text: string) => recognizeCommitments(text, NOW, 'Europe/London');

// Promises said over and over without a full stop: every window reaches the time parsers.
const RUN_ON_PROMISES: Record<string, (length: number) => string> = {
  'English promises without a stop': (n) => "I'll call you tomorrow at 3 pm and ".repeat(n / 35),
  'Russian promises without a stop': (n) => 'перезвоню завтра в 15:00 и '.repeat(n / 27),
  'Arabic promises without a stop': (n) => 'سأتصل بك غدًا الساعة 3 و'.repeat(n / 24),
  'Hebrew promises without a stop': (n) => 'אחזור אליך מחר בשעה 3 ו'.repeat(n / 23),
};

describe('hostile input (issue 14)', () => {
  // Past commitmentTextChars (20,000) the input is cut: the growth is measured below it.
  itIsLinearOnHostileText('recognizeCommitments', recognize, { shapes: RUN_ON_PROMISES, n: 4_000 });

  it('reads a sentence without stops in windows, so no parser sees more than one window', () => {
    const found = recognize(RUN_ON_PROMISES['English promises without a stop']!(5_000));
    expect(found.length).toBeGreaterThan(1);
    for (const c of found) expect(c.phrase.length).toBeLessThanOrEqual(TEXT_BOUNDS.sentenceChars);
    expect(found[0]).toMatchObject({ kind: 'callback', timeStated: true });
  });
});

// The labelled sets put the time after the commitment words almost always, so reading only the
// words after the marker left every set's figures unchanged — and lost these (issue 18, speed).
describe('a time said before the commitment words', () => {
  const tomorrow = '2026-03-04T17:00:00.000Z';
  for (const sentence of [
    "Tomorrow I'll call you back.",
    'מחר אחזור אליך.',
    'завтра перезвоню вам.',
    'غدا سأتصل بك.',
  ]) {
    it(`is read: ${sentence}`, () => {
      const [found] = recognizeCommitments(sentence, NOW, 'UTC');
      expect(found?.dueAt?.toISOString()).toBe(tomorrow);
    });
  }
});
