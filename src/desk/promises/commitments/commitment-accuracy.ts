import type { PromiseKind } from '../../../contract/api-types.ts';
import { recognizeInSentence } from './recognize-commitment.ts';
import { instantOfLocal, localParts } from '../capability/business-time.ts';
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
  /** Among true positives with a labelled time: the due day right (the local date), whatever the hour. */
  dayAccuracy: number;
  errors: Array<{ sentence: string; why: string }>;
}

const WEEKEND: Record<string, number[]> = { en: [0, 6], ru: [0, 6], ar: [5, 6], he: [5, 6] };

/** Measures the recogniser on a labelled set, at a fixed "now" (Monday 2 March 2026, 10:00 UTC). */
export function measure(
  language: string,
  rows: readonly LabelledSentence[],
  now = new Date('2026-03-02T10:00:00Z'),
  timeZone = 'UTC',
  weekend: readonly number[] = WEEKEND[language] ?? [0, 6],
): Accuracy {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindRight = 0;
  let timed = 0;
  let timeRight = 0;
  let dayRight = 0;
  const day = (d: Date) => {
    const p = localParts(d, timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  };
  const errors: Accuracy['errors'] = [];
  for (const row of rows) {
    const found = recognizeInSentence(row.sentence, now, timeZone);
    if (found && row.isCommitment) {
      tp++;
      if (found.kind === row.kind) kindRight++;
      else errors.push({ sentence: row.sentence, why: `kind ${found.kind}, expected ${row.kind}` });
      if (row.expected) {
        timed++;
        const want = resolveTimeSpec(row.expected, now, timeZone, weekend);
        if (found.dueAt && day(found.dueAt) === day(want)) dayRight++;
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
    dayAccuracy: dayRight / Math.max(1, timed),
    errors,
  };
}

/** A held-out file: a "now" in local wall time, the zone and weekend it is said in, and [sentence, kind | null, time]. */
export interface HeldOutFile {
  now: string;
  timeZone: string;
  weekend: number[];
  rows: Array<[string, PromiseKind | null, TimeSpec | null]>;
}

/** The held-out sets say "now" as a local Monday 10:00 in the language's own zone and calendar. */
export function measureHeldOut(language: string, file: HeldOutFile): Accuracy {
  const [date, time] = file.now.split('T');
  const [y, mo, d] = (date ?? '').split('-').map(Number);
  const [h, mi] = (time ?? '00:00').split(':').map(Number);
  const now = instantOfLocal(y!, mo!, d!, h! * 60 + mi!, file.timeZone);
  const rows: LabelledSentence[] = file.rows.map(([sentence, kind, expected]) => ({
    sentence,
    isCommitment: kind !== null,
    kind,
    expected,
  }));
  return measure(language, rows, now, file.timeZone, file.weekend);
}
