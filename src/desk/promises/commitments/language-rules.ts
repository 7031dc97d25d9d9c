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

/**
 * The kind whose first keyword comes earliest in the sentence: "I'll call you about the refund" is
 * a callback. The table's patterns are read as one alternation (built once a table): the leftmost
 * match, and at one place the table's first kind — what one scan a kind found, in one scan.
 */
export function earliestKind(
  sentence: string,
  table: ReadonlyArray<[PromiseKind, RegExp]>,
  fallback: PromiseKind | (() => PromiseKind) = 'other',
): PromiseKind {
  const m = alternation(table).exec(sentence);
  if (m?.groups) {
    for (let i = 0; i < table.length; i++) if (m.groups[`k${i}`] !== undefined) return table[i]![0];
  }
  return typeof fallback === 'function' ? fallback() : fallback;
}

const ALTERNATIONS = new WeakMap<object, RegExp>();

function alternation(table: ReadonlyArray<[PromiseKind, RegExp]>): RegExp {
  let re = ALTERNATIONS.get(table);
  if (!re) {
    const flags = new Set(table.map(([, p]) => p.flags));
    if (flags.size > 1) throw new Error('earliestKind: every pattern of a table takes the same flags');
    re = new RegExp(table.map(([, p], i) => `(?<k${i}>${p.source})`).join('|'), [...flags][0] ?? '');
    ALTERNATIONS.set(table, re);
  }
  return re;
}

export function isQuestion(sentence: string): boolean {
  return /[?؟]\s*$/.test(sentence.trim());
}
