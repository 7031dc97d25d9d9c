import { readFileSync } from 'node:fs';
import type { ComplaintPhraseLanguage } from './complaint-phrase-rules.ts';
import { recognizeComplaint } from './recognize-complaint.ts';

// Precision and recall of the recognizer on a labelled set (phrase-sets/README.md): read by the
// tests and by `npm run complaints:figures`-style scripts, never by the running desk.

export type PhraseSetName = 'tuning' | 'held-out';

export interface PhraseSetFigures {
  language: ComplaintPhraseLanguage;
  set: PhraseSetName;
  sentences: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** The sentences it got wrong, for the person tuning (on the tuning set only). */
  misses: Array<{ label: 0 | 1; sentence: string }>;
}

export function readPhraseSet(language: ComplaintPhraseLanguage, set: PhraseSetName) {
  const text = readFileSync(new URL(`./phrase-sets/${language}.${set}.tsv`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const tab = line.indexOf('\t');
      return { label: (line.slice(0, tab) === '1' ? 1 : 0) as 0 | 1, sentence: line.slice(tab + 1) };
    });
}

export function measurePhraseSet(language: ComplaintPhraseLanguage, set: PhraseSetName): PhraseSetFigures {
  const rows = readPhraseSet(language, set);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: PhraseSetFigures['misses'] = [];
  for (const row of rows) {
    const said = recognizeComplaint(row.sentence).complained;
    if (said && row.label === 1) tp++;
    else if (said) fp++;
    else if (row.label === 1) fn++;
    if (said !== (row.label === 1)) misses.push(row);
  }
  return {
    language,
    set,
    sentences: rows.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    misses,
  };
}
