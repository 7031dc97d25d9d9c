import { detectSupervisorRequest } from './supervisor-request-phrases.ts';

// How well supervisor requests are recognised on a labelled set (issue 18): [1 | 0, message].
// "Recognised" is any request, certain or likely (a likely one is shown to the agent); the
// certain-only precision says how often an automatic escalation is wrong.

export type SupervisorRow = [0 | 1, string];

export interface SupervisorAccuracy {
  sentences: number;
  precision: number;
  recall: number;
  /** Of the messages escalated without asking the agent, the share that really asked. */
  certainPrecision: number;
  errors: Array<{ sentence: string; why: string }>;
}

export function measureSupervisor(rows: readonly SupervisorRow[]): SupervisorAccuracy {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let certainTp = 0;
  let certainAll = 0;
  const errors: SupervisorAccuracy['errors'] = [];
  for (const [label, sentence] of rows) {
    const found = detectSupervisorRequest(sentence);
    if (found.certain) {
      certainAll++;
      if (label === 1) certainTp++;
    }
    if (found.requested && label === 1) tp++;
    else if (found.requested) {
      fp++;
      errors.push({ sentence, why: `false request (${found.phrase ?? ''}, ${found.confidence})` });
    } else if (label === 1) {
      fn++;
      errors.push({ sentence, why: 'missed request' });
    }
  }
  return {
    sentences: rows.length,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    certainPrecision: certainTp / Math.max(1, certainAll),
    errors,
  };
}
