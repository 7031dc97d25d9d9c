import {
  Chrono,
  ParsingComponents,
  ParsingResult,
  ReferenceWithTimezone,
  type Parser,
  type ParsingContext,
  type ParsingOption,
  type Refiner,
} from 'chrono-node';
import { zoneOffsetMinutes } from '../capability/business-time.ts';
import { groupOf, parseGrouped, type BatchOption } from './chrono-batch.ts';
import { hhmm, plausibleHour, resolveTimeSpec, type TimeSpec, type WorkDays } from './relative-time.ts';

// Arabic and Hebrew times as chrono-node parsers (issue 18: one parser framework for the four
// languages, not a parallel system). Each language contributes chrono Parsers — a pattern and
// an extract — for its day words, weekdays, spans, clock times and parts of the day (time-ar.ts,
// time-he.ts); the refiner here composes what they found in a sentence into one due time, in
// the workspace's time zone and calendar, the way an agent means it: a span ("within 2 business
// days") wins; else a day (the first day word the language ranks highest, else a weekday, else
// "next week", else the end of today) at the stated clock time or the part of the day.

/** What one parser found; the refiner composes them. */
export type TimePiece =
  | { kind: 'span'; spec: TimeSpec | null }
  | { kind: 'day'; days: number; rank: number }
  | { kind: 'weekday'; weekday: number; rank: number }
  | { kind: 'nextWeek' }
  | { kind: 'endOfDay' }
  | { kind: 'clock'; hour: number | null; minute: number; part: 'am' | 'pm' | null }
  | { kind: 'part'; part: 'noon' | 'evening' | 'morning' | 'afternoon' };

/** chrono's option, with what Kept resolves in: the workspace's zone and working days. */
export interface KeptParsingOption extends ParsingOption, BatchOption {
  timeZone: string;
  workDays: WorkDays;
}

// The piece travels on the result chrono keeps; a WeakMap keeps chrono's types.
const PIECES = new WeakMap<ParsingResult, TimePiece>();

/**
 * The date parts of every result these parsers and refiners make: none is read, the piece or the
 * reading travels beside it (issue 18, speed: chrono otherwise builds two sets of date parts a match).
 */
export const NO_DATE = new ParsingComponents(new ReferenceWithTimezone(new Date(0), 0));

/** A result at `index` of `text` whose date parts are NO_DATE. */
export function bareResult(context: ParsingContext, index: number, text: string): ParsingResult {
  return new ParsingResult(context.reference, index, text, NO_DATE);
}

/** A chrono Parser: every match of `pattern` becomes the piece `read` makes of it. */
export function pieceParser(pattern: RegExp, read: (match: RegExpMatchArray, text: string) => TimePiece): Parser {
  return {
    pattern: () => pattern,
    extract(context: ParsingContext, match: RegExpMatchArray) {
      const result = bareResult(context, match.index ?? 0, match[0]);
      PIECES.set(result, read(match, sentenceAt(context, match.index ?? 0)));
      return result;
    },
  };
}

/**
 * One chrono Parser for a ranked list of words (day words, weekdays): one scan of the sentence
 * instead of one a word; the word's place in the list is its rank, the lowest found wins.
 */
export function rankedParser(
  words: ReadonlyArray<string>,
  wrap: (pattern: string) => RegExp,
  piece: (index: number) => TimePiece,
): Parser {
  const pattern = wrap(words.map((w) => `(${w})`).join('|'));
  return pieceParser(pattern, (m) => piece(Math.max(0, m.findIndex((g, i) => i > 0 && g !== undefined) - 1)));
}

/** The sentence of a batch (chrono-batch.ts) an index is in: a piece reads its own sentence only. */
function sentenceAt(context: ParsingContext, index: number): string {
  const bounds = (context.option as KeptParsingOption).bounds;
  if (!bounds) return context.text;
  const g = groupOf(bounds, index);
  return context.text.slice(bounds[g], g + 1 < bounds.length ? bounds[g + 1]! - 1 : context.text.length);
}

type Found = { piece: TimePiece; result: ParsingResult };

// The sentence of its batch each composed result is for, and its reading.
const SENTENCE = new WeakMap<ParsingResult, number>();
const READING = new WeakMap<ParsingResult, { at: Date; stated: boolean }>();

function first<K extends TimePiece['kind']>(found: Found[], kind: K) {
  let best: { piece: Extract<TimePiece, { kind: K }>; result: ParsingResult } | null = null;
  for (const f of found) {
    if (f.piece.kind !== kind) continue;
    const piece = f.piece as Extract<TimePiece, { kind: K }>;
    const rank = 'rank' in piece ? piece.rank : f.result.index;
    const bestRank = best ? ('rank' in best.piece ? best.piece.rank : best.result.index) : Infinity;
    if (rank < bestRank) best = { piece, result: f.result };
  }
  return best;
}

const PART_TIMES = { noon: '12:00', evening: '20:00', morning: '12:00', afternoon: '17:00' } as const;
const PART_ORDER = ['noon', 'evening', 'morning', 'afternoon'] as const;

/** Composes the pieces of each sentence of a batch into a single result at the resolved instant. */
export const composeRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const bounds = (context.option as KeptParsingOption).bounds ?? [0];
    const groups: Found[][] = bounds.map(() => []);
    for (const result of results) {
      const piece = PIECES.get(result);
      if (piece) groups[groupOf(bounds, result.index)]!.push({ piece, result });
    }
    const out: ParsingResult[] = [];
    groups.forEach((found, g) => {
      const result = compose(context, found, bounds[g]!);
      if (!result) return;
      SENTENCE.set(result, g);
      out.push(result);
    });
    return out;
  },
};

function compose(context: ParsingContext, found: Found[], start: number): ParsingResult | null {
  if (found.length === 0) return null;
  const span = first(found, 'span');
  if (span?.piece.spec) return resolved(context, span.piece.spec, true, [span.result], start);
  const spec: TimeSpec = {};
  const used: ParsingResult[] = [];
  const day = first(found, 'day');
  const weekday = day ? null : first(found, 'weekday');
  if (day) spec.days = day.piece.days;
  if (weekday) spec.weekday = weekday.piece.weekday;
  for (const f of [day, weekday]) if (f) used.push(f.result);
  const nextWeek = first(found, 'nextWeek');
  if (nextWeek && !day && !weekday) {
    spec.days = 7;
    used.push(nextWeek.result);
  }
  const endOfDay = first(found, 'endOfDay');
  if (endOfDay) {
    if (spec.days === undefined && spec.weekday === undefined) spec.days = 0;
    used.push(endOfDay.result);
  }
  let stated = false;
  const clock = first(found, 'clock');
  const hour = clock?.piece.hour ?? null;
  if (clock && hour !== null && hour >= 0 && hour <= 23) {
    spec.time = hhmm(hour > 12 ? hour : plausibleHour(hour, clock.piece.part), clock.piece.minute);
    stated = true;
    used.push(clock.result);
  } else {
    const part = firstPart(found);
    if (part) spec.time = PART_TIMES[part];
    if (part === 'noon') stated = true;
    if (part === 'evening' && spec.days === undefined && spec.weekday === undefined) spec.days = 0;
  }
  if (spec.days === undefined && spec.weekday === undefined) {
    if (!stated) return null;
    spec.days = 0;
  }
  return resolved(context, spec, stated, used, start);
}

/** The part of the day said, the first of PART_ORDER among the pieces. */
function firstPart(found: Found[]): (typeof PART_ORDER)[number] | undefined {
  let best = -1;
  for (const f of found) {
    if (f.piece.kind !== 'part') continue;
    const i = PART_ORDER.indexOf(f.piece.part);
    if (best < 0 || i < best) best = i;
  }
  return best < 0 ? undefined : PART_ORDER[best];
}

/** The spec resolved in the workspace's zone and days: a result when it is still ahead. */
function resolved(
  context: ParsingContext,
  spec: TimeSpec,
  stated: boolean,
  used: ParsingResult[],
  start: number,
): ParsingResult | null {
  const option = context.option as KeptParsingOption;
  const now = context.reference.instant;
  const at = resolveTimeSpec(spec, now, option.timeZone, option.workDays);
  if (at.getTime() <= now.getTime()) return null;
  return resultAt(context, at, stated, used, start);
}

function resultAt(
  context: ParsingContext,
  at: Date,
  stated: boolean,
  used: ParsingResult[],
  start: number,
): ParsingResult {
  let index = used.length ? Infinity : start;
  let text = '';
  for (let i = 0; i < used.length; i++) {
    index = Math.min(index, used[i]!.index);
    text = i === 0 ? used[i]!.text : `${text} ${used[i]!.text}`;
  }
  const result = bareResult(context, index, text);
  // To the minute, as chrono's date parts (seconds 0) gave it.
  READING.set(result, { at: new Date(Math.floor(at.getTime() / 60_000) * 60_000), stated });
  return result;
}

/** A chrono configuration of a language's piece parsers and the composing refiner. */
export function wordChrono(parsers: Parser[]): Chrono {
  return new Chrono({ parsers, refiners: [composeRefiner] });
}

/** Reads a sentence's due time with a word chrono, in the workspace's zone and working days. */
export function readWordChrono(parser: Chrono, sentence: string, now: Date, timeZone: string, workDays: WorkDays) {
  return readWordChronos(parser, [sentence], now, timeZone, workDays)[0] ?? null;
}

/** The due time of each sentence, read in batches (chrono-batch.ts). */
export function readWordChronos(
  parser: Chrono,
  sentences: readonly string[],
  now: Date,
  timeZone: string,
  workDays: WorkDays,
): Array<{ at: Date; stated: boolean; text: string } | null> {
  const option: KeptParsingOption = { timeZone, workDays };
  const reference = { instant: now, timezone: zoneOffsetMinutes(now, timeZone) };
  return parseGrouped(
    parser,
    sentences,
    reference,
    option,
    (r) => SENTENCE.get(r as ParsingResult),
    (r) => ({ ...READING.get(r as ParsingResult)!, text: r.text }),
  );
}

/** The am/pm words anywhere in the sentence settle a clock hour. */
export function partOf(text: string, am: RegExp, pm: RegExp): 'am' | 'pm' | null {
  return am.test(text) ? 'am' : pm.test(text) ? 'pm' : null;
}

// What a promise's due time never needs from chrono's casual configurations: the past ("3 days
// ago") and time-zone names and offsets (Kept resolves in the workspace's zone). The profile
// (docs/LANGUAGE.md, Speed) also showed chrono building some parsers' patterns anew on every
// parse; Kept always parses with the same option (forwardDate), so each pattern is kept.
export const DROPPED_PARSERS = /Ago/;
export const DROPPED_REFINERS = /Timezone/;

// Parsers whose inner pattern begins with optional parts (a number, "с", "около"...): scanning it
// alone measured slower than the whole pattern (held-out texts, en and ru), so they scan whole.
const SCAN_WHOLE =
  /^(?:ISOFormat|RUTimeUnitWithinFormat|RUMonthNameLittleEndian|ENTimeUnitWithinFormat|ENMonthName|ENCasualTime|ENTimeUnit(?:Ago|Later)Format|ENYearMonthName)Parser$/;

/**
 * What a locale may also leave out: parsers and refiners that never changed a reading on the
 * twelve labelled sets, removed one at a time (issue 18, speed; docs/LANGUAGE.md). Parsers of
 * absolute dates ("on 5 March", "05/03") and the unlikely-format filters stay, though the sets
 * hold few such dates: a promise may well name one, and a lone "may" is no month.
 */
export interface LeanDrops {
  parsers?: RegExp;
  refiners?: RegExp;
}

/** A clone of one of chrono's casual configurations without what a due time never needs. */
export function leanChrono(base: Chrono, drops: LeanDrops = {}): Chrono {
  const lean = base.clone();
  const name = (x: object) => x.constructor.name;
  const dropParser = (p: Parser) => DROPPED_PARSERS.test(name(p)) || (drops.parsers?.test(name(p)) ?? false);
  const dropRefiner = (r: Refiner) => DROPPED_REFINERS.test(name(r)) || (drops.refiners?.test(name(r)) ?? false);
  const scanInner = (p: Parser) => !SCAN_WHOLE.test(name(p));
  lean.parsers = lean.parsers.filter((p) => !dropParser(p)).map((p) => keptPattern(p, scanInner(p)));
  lean.refiners = lean.refiners.filter((r) => !dropRefiner(r));
  return lean;
}

function keptPattern(parser: Parser, scanInner: boolean): Parser {
  let pattern: RegExp | null = null;
  return {
    pattern: (context) => {
      steadyReference(context);
      return (pattern ??= scanInner ? innerScanned(parser.pattern(context)) : parser.pattern(context));
    },
    extract: (context, match) => parser.extract(context, match),
  };
}

// chrono builds date parts for every match and every copy a refiner makes, each from the
// reference's date in its zone, worked out anew each time (a Date, its local minutes, the zone
// offset). The reference is fixed for a parse, so a parse works it out once (issue 18, speed);
// every caller still gets a Date of its own to change.
const STEADY = new WeakSet<ReferenceWithTimezone>();

function steadyReference(context: ParsingContext): void {
  const reference = context.reference;
  if (STEADY.has(reference)) return;
  STEADY.add(reference);
  const time = reference.getDateWithAdjustedTimezone().getTime();
  reference.getDateWithAdjustedTimezone = () => new Date(time);
}

// chrono's word-boundary parsers begin with a one-character boundary group, "(\W|^)" or its
// Unicode form, which V8 tries at every position of the text before the words themselves.
const LEFT_BOUNDARIES = ['([^\\p{L}\\p{N}_]|^)', '(\\W|^)'];

/**
 * The same pattern, found sooner (issue 18, speed): a match at s is the boundary at s and the rest
 * (`inner`) at s + 1 — or the rest at 0 — so the text is scanned for `inner` alone, and the whole
 * pattern tried, sticky, only one character before each place `inner` matches. The first place
 * it matches is where the unanchored pattern's first match starts, with the same groups.
 */
export class InnerScannedRegExp extends RegExp {
  readonly #inner: RegExp;
  readonly #at: RegExp;

  static override get [Symbol.species]() {
    return RegExp;
  }

  constructor(pattern: RegExp, boundary: string) {
    super(pattern.source, pattern.flags);
    this.#inner = new RegExp(pattern.source.slice(boundary.length), `${pattern.flags}g`);
    this.#at = new RegExp(pattern.source, `${pattern.flags}y`);
  }

  override exec(text: string): RegExpExecArray | null {
    const inner = this.#inner;
    const at = this.#at;
    const unicode = this.unicode;
    inner.lastIndex = 0;
    for (let m = inner.exec(text); m; m = inner.exec(text)) {
      const p = m.index;
      let s = p > 0 ? p - 1 : 0;
      // In Unicode mode the boundary is a whole code point: an astral one is two code units.
      if (unicode && s > 0 && isTrail(text.charCodeAt(s)) && isLead(text.charCodeAt(s - 1))) s--;
      at.lastIndex = s;
      const found = at.exec(text);
      if (found) return found;
      inner.lastIndex = p + (unicode && isLead(text.charCodeAt(p)) ? 2 : 1);
    }
    return null;
  }
}

const isLead = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrail = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function innerScanned(pattern: RegExp): RegExp {
  const boundary = LEFT_BOUNDARIES.find((b) => pattern.source.startsWith(b));
  // A back-reference would count the boundary's group: such a pattern is left whole.
  const plain = boundary && !pattern.global && !pattern.sticky && !/\\[1-9]/.test(pattern.source);
  return plain ? new InnerScannedRegExp(pattern, boundary) : pattern;
}
