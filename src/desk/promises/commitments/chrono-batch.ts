import type { Chrono, ParsedResult, ParsingOption, ParsingReference } from 'chrono-node';
import { TEXT_BOUNDS } from '../../../language/index.ts';

// Issue 18, speed: chrono is called once for a batch of promise sentences, not once a sentence.
// A call costs a parse context, every parser's pattern set up and every refiner's pass whatever
// the text's length, and a dense reply holds 40–65 promise sentences. The sentences of a batch are
// joined by SEPARATOR — a control character no parser or refiner accepts as a word, a space, a
// digit or a connector ("at", "-", ","), so no match and no merge reaches across it — and each
// result goes back to the sentence its index falls in. A result that spans a separator all the
// same is not trusted: the sentences it touches are parsed again alone, as before. A batch stays
// within TEXT_BOUNDS.sentenceChars, so no parser sees more than one window's length at once
// (issue 14).

export const SEPARATOR = '\u0001';

/** Where each sentence of a batch starts in the joined text: what a refiner groups by. */
export interface BatchOption {
  bounds?: readonly number[];
}

interface Batch {
  first: number;
  text: string;
  starts: number[];
}

function* batches(sentences: readonly string[]): Generator<Batch> {
  const max = TEXT_BOUNDS.sentenceChars;
  let i = 0;
  while (i < sentences.length) {
    const batch: Batch = { first: i, text: sentences[i]!, starts: [0] };
    for (i++; i < sentences.length && batch.text.length + 1 + sentences[i]!.length <= max; i++) {
      batch.text += SEPARATOR;
      batch.starts.push(batch.text.length);
      batch.text += sentences[i]!;
    }
    yield batch;
  }
}

/** The batch sentence an index of the joined text falls in (the last start at or before it). */
export function groupOf(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** chrono's results for each sentence, as if each had been parsed alone; one parse a batch. */
export function parseEach(
  parser: Chrono,
  sentences: readonly string[],
  reference: ParsingReference,
  option: ParsingOption,
): ParsedResult[][] {
  const out: ParsedResult[][] = sentences.map(() => []);
  for (const { first, text, starts } of batches(sentences)) {
    const alone = new Set<number>();
    for (const r of parser.parse(text, reference, { ...option, bounds: starts } as ParsingOption & BatchOption)) {
      const from = groupOf(starts, r.index);
      const to = groupOf(starts, r.index + Math.max(0, r.text.length - 1));
      const end = starts[from]! + sentences[first + from]!.length;
      if (from === to && r.index + r.text.length <= end) out[first + from]!.push(r);
      else for (let g = from; g <= to; g++) alone.add(g);
    }
    for (const g of alone) out[first + g] = parser.parse(sentences[first + g]!, reference, option);
  }
  return out;
}

/**
 * For chrono configurations whose refiner answers once a sentence (word-chrono.ts): one parse a
 * batch with the sentences' bounds in the option; `sentenceOf` says which sentence a result is for.
 */
export function parseGrouped<T>(
  parser: Chrono,
  sentences: readonly string[],
  reference: ParsingReference,
  option: ParsingOption,
  sentenceOf: (result: ParsedResult) => number | undefined,
  read: (result: ParsedResult) => T,
): Array<T | null> {
  const out: Array<T | null> = sentences.map(() => null);
  for (const { first, text, starts } of batches(sentences)) {
    for (const r of parser.parse(text, reference, { ...option, bounds: starts } as ParsingOption & BatchOption)) {
      const g = sentenceOf(r);
      if (g !== undefined && out[first + g] === null) out[first + g] = read(r);
    }
  }
  return out;
}
