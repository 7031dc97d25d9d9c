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

/** No letter before: the word boundary of Arabic, Hebrew and Cyrillic (\b only knows ASCII). */
export const NO_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])';

/**
 * A pattern whose look-behind V8 would try at every position of the text, before anything else
 * (issue 18, speed: 1.5–3.5× the scan of the same pattern without it). It scans with `scan` — the
 * same pattern without those look-behinds, which matches wherever the whole one does — and tries
 * the whole pattern only where that matched, at that place: the same first match, found sooner.
 * `test`, `replace` and chrono's parsers all go through `exec`.
 */
export class BoundaryRegExp extends RegExp {
  readonly #scan: RegExp;
  readonly #at: RegExp;

  static override get [Symbol.species]() {
    return RegExp;
  }

  constructor(source: string, flags: string, scan: string) {
    super(source, flags);
    if (/[gy]/.test(flags)) throw new Error('BoundaryRegExp: a first-match pattern (no g or y flag)');
    this.#scan = new RegExp(scan, `${flags}g`);
    this.#at = new RegExp(source, `${flags}y`);
  }

  override exec(text: string): RegExpExecArray | null {
    const scan = this.#scan;
    const at = this.#at;
    scan.lastIndex = 0;
    for (let m = scan.exec(text); m; m = scan.exec(text)) {
      at.lastIndex = m.index;
      const found = at.exec(text);
      if (found) return found;
      // The next place: past a whole code point, as the unanchored scan would step.
      const c = text.charCodeAt(m.index);
      scan.lastIndex = m.index + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    }
    return null;
  }
}

/** A word boundary that works for Arabic, Hebrew and Cyrillic (\b only knows ASCII). */
export function word(pattern: string, flags = 'iu'): RegExp {
  const rest = `(?:${pattern})(?![\\p{L}\\p{M}])`;
  return new BoundaryRegExp(NO_LETTER_BEFORE + rest, flags, rest);
}

/** Like `word`, but the pattern is a stem: any ending may follow. */
export function stem(pattern: string, flags = 'iu'): RegExp {
  const rest = `(?:${pattern})`;
  return new BoundaryRegExp(NO_LETTER_BEFORE + rest, flags, rest);
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
    const source = (strip: boolean) =>
      table
        .map(([, p], i) => {
          const rest =
            strip && p.source.startsWith(NO_LETTER_BEFORE) ? p.source.slice(NO_LETTER_BEFORE.length) : p.source;
          return `(?<k${i}>${rest})`;
        })
        .join('|');
    re = new BoundaryRegExp(source(false), [...flags][0] ?? '', source(true));
    ALTERNATIONS.set(table, re);
  }
  return re;
}

export function isQuestion(sentence: string): boolean {
  return /[?؟]\s*$/.test(sentence.trim());
}
