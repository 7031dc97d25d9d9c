import {
  Chrono,
  type Parser,
  type ParsedResult,
  type ParsingContext,
  type ParsingResult,
  type Refiner,
} from 'chrono-node';
import { zoneOffsetMinutes } from '../capability/business-time.ts';
import { groupOf, parseGrouped, type BatchOption } from './chrono-batch.ts';
import type { LanguageRules, Reading } from './language-rules.ts';
import { PERIOD_TABLES, PERIODS, periodAt, rangeTime, type Period } from './period-time.ts';
import { asciiDigits, type WorkDays } from './relative-time.ts';
import { bareResult } from './word-chrono.ts';

// "End of" periods, hour ranges and the parts of the day the day readers miss (period-time.ts's
// tables) as chrono-node Parsers and one Refiner per language (issue 18: chrono parsers, not a
// parallel system). They run as the first chrono pass over a reply's promise sentences, before
// the language's own reader, because what they find decides what that reader sees: a period
// wins outright, and a range's words are taken out of the sentence before the day is read
// (docs/LANGUAGE.md says why they are not parsers inside the English and Russian configurations).
// The refiner keeps, per sentence and per kind, the first said: the period first in PERIODS
// (each at its leftmost place), the leftmost range, the first part of the day in the table.

type Language = LanguageRules['language'];

type Piece =
  | { kind: 'period'; period: Period; rank: number }
  | { kind: 'range'; time: string | null }
  | { kind: 'part'; rank: number; time: string; days: number | null };

/** What the pass found in one sentence. */
export interface PeriodReading {
  period: Reading | null;
  range: { time: string; text: string } | null;
  part: { time: string; days: number | null } | null;
}

const PIECES = new WeakMap<ParsingResult, Piece>();
const CHOSEN = new WeakMap<ParsedResult, { sentence: number; pieces: Array<{ piece: Piece; text: string }> }>();

// Every range pattern holds a digit (ASCII, Arabic-Indic or Persian) and its table's rangeKey: a
// sentence without a period's key word, a range's or a part of the day's has nothing for this pass.
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

// A pattern that fails at once: what a parser scans with when its batch lacks the key it needs.
const NEVER = /^(?!)/;

/** A parser of `pattern`, which holds `key` wherever it matches: a batch without the key is not scanned. */
function parser(pattern: RegExp, key: RegExp, piece: (match: RegExpMatchArray) => Piece): Parser {
  return {
    pattern: (context) => (key.test(context.text) ? pattern : NEVER),
    extract(context: ParsingContext, match: RegExpMatchArray) {
      const result = bareResult(context, match.index ?? 0, match[0]);
      PIECES.set(result, piece(match));
      return result;
    },
  };
}

/** The lower rank wins; at one rank, the one said first. */
function better(a: { piece: Piece; result: ParsingResult } | undefined, piece: Piece, result: ParsingResult) {
  if (!a) return true;
  const rank = (p: Piece) => ('rank' in p ? p.rank : 0);
  return rank(piece) < rank(a.piece) || (rank(piece) === rank(a.piece) && result.index < a.result.index);
}

const firstOfEachKind: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const bounds = (context.option as BatchOption).bounds ?? [0];
    const chosen = bounds.map(() => new Map<Piece['kind'], { piece: Piece; result: ParsingResult }>());
    for (const result of results) {
      const piece = PIECES.get(result);
      if (!piece) continue;
      const kinds = chosen[groupOf(bounds, result.index)]!;
      if (better(kinds.get(piece.kind), piece, result)) kinds.set(piece.kind, { piece, result });
    }
    const out: ParsingResult[] = [];
    chosen.forEach((kinds, sentence) => {
      const list = [...kinds.values()];
      if (list.length === 0) return;
      const result = list[0]!.result;
      CHOSEN.set(result, { sentence, pieces: list.map(({ piece, result: r }) => ({ piece, text: r.text })) });
      out.push(result);
    });
    return out;
  },
};

function periodChrono(language: Language): Chrono {
  const t = PERIOD_TABLES[language];
  const parsers: Parser[] = PERIODS.map((period, rank) =>
    parser(t[period], t.end, () => ({ kind: 'period', period, rank })),
  );
  parsers.push(parser(t.range, t.rangeKey, (m) => ({ kind: 'range', time: rangeTime(m, language) })));
  t.parts.forEach(([pattern, time, days], rank) =>
    parsers.push(parser(pattern, t.partKey, () => ({ kind: 'part', rank, time, days }))),
  );
  return new Chrono({ parsers, refiners: [firstOfEachKind] });
}

const CHRONOS: Record<Language, Chrono> = {
  en: periodChrono('en'),
  ar: periodChrono('ar'),
  he: periodChrono('he'),
  ru: periodChrono('ru'),
};

/**
 * The periods, ranges and parts of the day said in each sentence; ranges read with ASCII digits
 * (the other patterns hold no digit, and the conversion keeps every index).
 */
export function readPeriods(
  sentences: readonly string[],
  language: Language,
  now: Date,
  timeZone: string,
  days: WorkDays,
): PeriodReading[] {
  const t = PERIOD_TABLES[language];
  const out: PeriodReading[] = sentences.map(() => ({ period: null, range: null, part: null }));
  const asked: number[] = [];
  const texts: string[] = [];
  sentences.forEach((s, i) => {
    const ascii = asciiDigits(s);
    if (!t.end.test(s) && !(DIGIT.test(s) && t.rangeKey.test(ascii)) && !t.partKey.test(s)) return;
    asked.push(i);
    texts.push(ascii);
  });
  if (asked.length === 0) return out;
  const reference = { instant: now, timezone: zoneOffsetMinutes(now, timeZone) };
  const found = parseGrouped(
    CHRONOS[language],
    texts,
    reference,
    {},
    (r) => CHOSEN.get(r)?.sentence,
    (r) => CHOSEN.get(r)!.pieces,
  );
  found.forEach((pieces, j) => {
    const reading = out[asked[j]!]!;
    for (const { piece, text } of pieces ?? []) {
      if (piece.kind === 'period')
        reading.period = { at: periodAt(piece.period, now, timeZone, days), stated: true, text };
      else if (piece.kind === 'range') reading.range = piece.time === null ? null : { time: piece.time, text };
      else reading.part = { time: piece.time, days: piece.days };
    }
  });
  return out;
}
