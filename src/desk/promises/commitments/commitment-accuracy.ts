import type { PromiseKind } from '../../../contract/api-types.ts';
import { recognizeInSentence } from './recognize-commitment.ts';
import { resolveTimeSpec, type TimeSpec } from './relative-time.ts';

export interface LabelledSentence {
  sentence: string;
  isCommitment: boolean;
  kind: PromiseKind | null;
  expected: TimeSpec | null;
}

export interface Accuracy {
  language: string;
  sentences: number;
  precision: number;
  recall: number;
  f1: number;
  /** Among true positives: the kind right, and the due time right to the minute (where one was labelled). */
  kindAccuracy: number;
  timeAccuracy: number;
  errors: Array<{ sentence: string; why: string }>;
}

const WEEKEND: Record<string, number[]> = { en: [0, 6], ru: [0, 6], ar: [5, 6], he: [5, 6] };

/** Measures the recogniser on a labelled set, at a fixed "now" (Monday 2 March 2026, 10:00 UTC). */
export function measure(
  language: string,
  rows: readonly LabelledSentence[],
  now = new Date('2026-03-02T10:00:00Z'),
  timeZone = 'UTC',
): Accuracy {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindRight = 0;
  let timed = 0;
  let timeRight = 0;
  const errors: Accuracy['errors'] = [];
  for (const row of rows) {
    const found = recognizeInSentence(row.sentence, now, timeZone);
    if (found && row.isCommitment) {
      tp++;
      if (found.kind === row.kind) kindRight++;
      else errors.push({ sentence: row.sentence, why: `kind ${found.kind}, expected ${row.kind}` });
      if (row.expected) {
        timed++;
        const want = resolveTimeSpec(row.expected, now, timeZone, WEEKEND[language]);
        if (found.dueAt && found.dueAt.getTime() === want.getTime()) timeRight++;
        else
          errors.push({
            sentence: row.sentence,
            why: `due ${found.dueAt?.toISOString() ?? 'none'}, expected ${want.toISOString()}`,
          });
      }
    } else if (found) {
      fp++;
      errors.push({ sentence: row.sentence, why: 'false commitment' });
    } else if (row.isCommitment) {
      fn++;
      errors.push({ sentence: row.sentence, why: 'missed commitment' });
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    language,
    sentences: rows.length,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    kindAccuracy: kindRight / Math.max(1, tp),
    timeAccuracy: timeRight / Math.max(1, timed),
    errors,
  };
}
