// eld's detection (its `medium` n-gram database), computed the way eld computes it but without
// its per-call overheads. Language detection runs on every inbound message, and under load it
// was ~15% of the server's CPU per message: eld adds each n-gram's scores with a for-in over an
// object keyed by language number (string keys into an array), then scales and sorts all 60
// languages to answer "which one, how sure, reliable?". Here each n-gram's scores are turned
// into a typed array the first time the n-gram is seen, and only the best two languages are
// looked for. The answers are eld's, bit for bit (eld-ngram-detector.test.ts compares them).
//
// eld exports only its detector, so its data files are loaded from its installed package by
// path: the same module instances eld itself loaded (one copy of the 2 MB database).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface EldData {
  ngramsData: { languages: Record<number, string>; ngrams: Record<string, Record<number, number> | undefined> };
  dictionary: string[];
  separators: RegExp;
  avgScore: Record<string, number>;
}

async function loadEldData(): Promise<EldData> {
  const searchPaths = createRequire(import.meta.url).resolve.paths('eld') ?? [];
  const root = searchPaths
    .map((dir) => path.join(dir, 'eld', 'src'))
    .find((dir) => existsSync(path.join(dir, 'ngrams', 'medium.js')));
  if (!root) throw new Error('eld is not installed: its n-gram database (eld/src/ngrams/medium.js) was not found');
  const load = (file: string) => import(pathToFileURL(path.join(root, file)).href) as Promise<Record<string, unknown>>;
  const [ngrams, dictionary, patterns, averages] = await Promise.all([
    load('ngrams/medium.js'),
    load('dictionary.js'),
    load('regexPatterns.js'),
    load('avgScore.js'),
  ]);
  return {
    ngramsData: ngrams.ngramsData as EldData['ngramsData'],
    dictionary: dictionary.dictionary as string[],
    separators: patterns.separators as RegExp,
    avgScore: averages.avgScore as Record<string, number>,
  };
}

const eld = await loadEldData();
const languageCodes: string[] = [];
for (const [index, code] of Object.entries(eld.ngramsData.languages)) languageCodes[Number(index)] = code;
const LANGUAGES = languageCodes.length;

// eld subtracts this from every stored score to keep its database small.
const BASE_NGRAM_SCORE = 53;
// eld's scale of a language's mean n-gram score into 0..1, and its reliability threshold.
const SCORE_SCALE = 25;
const RELIABLE_RATIO = 0.75;

/** Per n-gram: language numbers and scores (plus the base), interleaved; null for an n-gram eld does not know. */
const scoresByNgram = new Map<string, Int32Array | null>();

function ngramScores(ngram: string): Int32Array | null {
  let scores = scoresByNgram.get(ngram);
  if (scores === undefined) {
    const stored = eld.ngramsData.ngrams[ngram];
    if (stored) {
      const languages = Object.keys(stored);
      scores = new Int32Array(languages.length * 2);
      languages.forEach((language, i) => {
        scores![2 * i] = Number(language);
        scores![2 * i + 1] = stored[Number(language)]! + BASE_NGRAM_SCORE;
      });
    } else {
      scores = null;
    }
    scoresByNgram.set(ngram, scores);
  }
  return scores;
}

/** eld's words: letters only, lower case, each character written as its UTF-8 bytes through eld's dictionary, cut after ~350 bytes. */
function byteWords(text: string): string[] {
  const str = text.replace(eld.separators, ' ').trim().toLowerCase();
  const { dictionary } = eld;
  const words: string[] = [];
  let encoded = '';
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > 350) break;
      } else {
        encoded += str[i];
      }
      countBytes++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded +=
        dictionary[0xe0 | (code >> 12)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (code >> 18)]! +
        dictionary[0x80 | ((code >> 12) & 0x3f)]! +
        dictionary[0x80 | ((code >> 6) & 0x3f)]! +
        dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > 380) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** eld's n-grams of the words: 4 bytes every 3, the first marked by a leading space, the last by a trailing one; each once. */
function byteNgrams(words: string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const len = Math.min(word.length, 70);
    let j = 0;
    for (; j + 4 < len; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    ngrams.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return ngrams;
}

export interface NgramDetection {
  /** ISO 639-1, or null when no n-gram of the text is known. */
  language: string | null;
  /** eld's 0..1 score of that language (`getScores()[language]`); 0 when null. */
  score: number;
  /** eld's `isReliable()`. */
  reliable: boolean;
}

/** `eld.detect(text)` of eld/medium, with its `getScores()[language]` and `isReliable()`. */
export function detectByNgrams(text: string): NgramDetection {
  const ngrams = byteNgrams(byteWords(text.substring(0, 1000)));
  const totals = new Float64Array(LANGUAGES);
  for (const ngram of ngrams) {
    const scores = ngramScores(ngram);
    if (scores === null) continue;
    for (let i = 0; i < scores.length; i += 2) totals[scores[i]!]! += scores[i + 1]!;
  }
  // The best and the runner-up, ties to the lower language number (eld's order).
  let best = -1;
  let second = -1;
  for (let language = 0; language < LANGUAGES; language++) {
    const total = totals[language]!;
    if (total <= 0) continue;
    if (best < 0 || total > totals[best]!) {
      second = best;
      best = language;
    } else if (second < 0 || total > totals[second]!) {
      second = language;
    }
  }
  if (best < 0) return { language: null, score: 0, reliable: false };
  const language = languageCodes[best]!;
  const count = ngrams.size;
  const mean = totals[best]! / count;
  const score = mean / (mean + SCORE_SCALE);
  // eld compares the best score with the runner-up's *language number* here, not its score:
  // kept as it is, so that the answers stay eld's.
  const nextScore = second >= 0 ? second : 0;
  const reliable =
    count >= 3 &&
    !((eld.avgScore[language] ?? Number.NaN) * RELIABLE_RATIO > score || 0.01 > Math.abs(score - nextScore));
  return { language, score, reliable };
}
