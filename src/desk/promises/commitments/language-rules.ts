import type { PromiseKind } from '../../../contract/api-types.ts';
import type { WorkDays } from './relative-time.ts';

/** What each language contributes to recognising a commitment in an agent's reply. */
export interface LanguageRules {
  language: 'en' | 'ar' | 'he' | 'ru';
  /** The words that make the sentence a commitment, or null (no commitment, negated, a question, the past). */
  commitment(sentence: string): string | null;
  kind(sentence: string): PromiseKind;
  /**
   * The day and hour said in each sentence, resolved in the workspace's zone; business days on its
   * working days. All of a reply's sentences at once: chrono reads them in batches (chrono-batch.ts).
   */
  times(sentences: readonly string[], now: Date, timeZone: string, workDays: WorkDays): Array<Reading | null>;
}

/** A due time read in a sentence: the instant, whether an hour was said, and the words. */
export interface Reading {
  at: Date;
  stated: boolean;
  text: string;
}

/** A word boundary that works for Arabic, Hebrew and Cyrillic (\b only knows ASCII). */
export function word(pattern: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${pattern})(?![\\p{L}\\p{M}])`, flags);
}

/** Like `word`, but the pattern is a stem: any ending may follow. */
export function stem(pattern: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${pattern})`, flags);
}

/** The kind whose first keyword comes earliest in the sentence: "I'll call you about the refund" is a callback. */
export function earliestKind(
  sentence: string,
  table: ReadonlyArray<[PromiseKind, RegExp]>,
  fallback: PromiseKind = 'other',
): PromiseKind {
  let best: { kind: PromiseKind; at: number } | null = null;
  for (const [kind, pattern] of table) {
    const m = pattern.exec(sentence);
    if (m && (!best || m.index < best.at)) best = { kind, at: m.index };
  }
  return best?.kind ?? fallback;
}

export function isQuestion(sentence: string): boolean {
  return /[?؟]\s*$/.test(sentence.trim());
}
