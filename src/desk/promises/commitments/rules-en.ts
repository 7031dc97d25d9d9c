import * as chrono from 'chrono-node';
import { instantOfLocal, localParts, zoneOffsetMinutes } from '../capability/business-time.ts';
import { leanChrono } from './word-chrono.ts';
import { parseEach } from './chrono-batch.ts';
import { earliestKind, isQuestion, type LanguageRules, type Reading } from './language-rules.ts';
import { DEFAULT_TIME, resolveTimeSpec, type WorkDays } from './relative-time.ts';

const FUTURE =
  /\b(?:i|we)\s*(?:'ll|’ll|will|shall)\b|\b(?:i|we)(?:'m|’m| am|'re|’re| are) going to\b|\bi promise\b|\byou(?:'ll|’ll| will) (?:receive|get|have|hear|see)\b|\b(?:you can|please) expect\b|\bexpect (?:a|my|our|the|your) \w+|\bwill be (?:refunded|delivered|shipped|credited|dispatched|sent|back|fixed|resolved|with you|in touch)\b|\b(?:courier|driver|technician|engineer|parcel|package|order|refund|replacement|money) will\b|\b(?:someone|a colleague|my colleague|our (?:team|manager|supervisor|specialist|engineers?)|the team|engineers?) will\b|\blet me (?:call|ring|phone|get back)\b|\bwill (?:arrive|reach|visit|come|be with you|be there)\b|\bi(?:'ll|’ll| will) make sure\b/i;
const REASSURANCE = /\b(?:don'?t|don’t|do not|never) (?:worry|hesitate)\b/gi;
const NEGATION =
  /\b(?:can'?t|can’t|cannot|won'?t|won’t|will not|shan'?t|unable|not able|no promises?|not (?:promise|guarantee|commit)|don'?t|don’t|do not|never|not sure (?:if|whether|when)|impossible)\b/i;
const ACTION =
  /\b(?:call|ring|phone|get back|refund|reimburs|credit|money|deliver|ship|dispatch|arriv|send|email|e-mail|updat|let you know|confirm|check|look into|fix|resolv|sort|repair|replac|restor|repl|answer|follow|contact|hear|receiv|get|see|bring|collect|pick|visit|come|reach|be (?:refunded|delivered|shipped|credited|dispatched|sent|back|fixed|resolved|with you|in touch)|back|have)\w*/i;
const KINDS: ReadonlyArray<[import('../../../contract/api-types.ts').PromiseKind, RegExp]> = [
  ['callback', /\b(?:call(?:back)?|ring|phone|get back to you|be in touch by phone)\b/i],
  [
    'refund',
    /\b(?:refund\w*|reimburs\w*|money (?:is |will be )?back|credit(?:ed)? (?:back )?(?:to )?(?:your|the) (?:card|account))\b/i,
  ],
  ['delivery', /\b(?:deliver\w*|ship\w*|dispatch\w*|arriv\w*|courier|parcel|package|replacement)\b/i],
  [
    'resolution',
    /\b(?:engineer|technician|visit|fix\w*|resolv\w*|sort\w* (?:it|this|that)? ?out|solv\w*|repair\w*|restor\w*|working again)\b/i,
  ],
];

// Parsers of year-first and month/year dates, "end of month" (period-time.ts reads it), "+2 days";
// refiners for overlaps, ranges and year suffixes: none changed a reading on the sets.
const EN_CHRONO = leanChrono(chrono.en.casual, {
  parsers: /^EN(?:YearMonthDay|SlashMonthFormat|YearMonthName|EndOfCurrentMonth|TimeUnitCasualRelativeFormat)Parser$/,
  refiners: /^(?:ENEndOfPeriod|OverlapRemoval|ENMergeRelativeAfterDate|ENExtractYearSuffix|ENMergeDateRange)Refiner$/,
});
const PART_OF_DAY = /\b(?:morning|afternoon|evening|tonight|noon|midday|lunch)\b/i;
const WITHIN =
  /\b(?:within|in|in the next)\s+(\d+|an?|one|two|three|four|five|six|seven|ten|twenty-four|48|24)\s+(business |working )?(minutes?|hours?|days?)\b/i;
const NEXT_BUSINESS_DAY = /\b(?:the )?next (?:business|working) day\b/i;
const END_OF_DAY = /\b(?:by )?(?:the )?(?:end of (?:the )?(?:day|today)|eod|close of business|cob)\b/i;
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  'twenty-four': 24,
};

function withinSpan(sentence: string, now: Date, timeZone: string, workDays: WorkDays) {
  const m = WITHIN.exec(sentence);
  if (!m) return null;
  const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
  const unit = m[3]!.toLowerCase();
  if (unit.startsWith('minute'))
    return { at: resolveTimeSpec({ minutes: n }, now, timeZone), stated: true, text: m[0] };
  if (unit.startsWith('hour'))
    return { at: resolveTimeSpec({ minutes: n * 60 }, now, timeZone), stated: true, text: m[0] };
  const spec = m[2] ? { businessDays: n } : { days: n };
  return { at: resolveTimeSpec(spec, now, timeZone, workDays), stated: true, text: m[0] };
}

/** chrono reads the date; a day without an hour (and without "morning"...) is due at 17:00 local. */
export function chronoTime(parser: chrono.Chrono, sentence: string, now: Date, timeZone: string, partOfDay: RegExp) {
  return chronoTimes(parser, [sentence], now, timeZone, partOfDay)[0] ?? null;
}

/** chronoTime for each sentence, read in batches (chrono-batch.ts). */
export function chronoTimes(
  parser: chrono.Chrono,
  sentences: readonly string[],
  now: Date,
  timeZone: string,
  partOfDay: RegExp,
): Array<Reading | null> {
  const reference = { instant: now, timezone: zoneOffsetMinutes(now, timeZone) };
  return parseEach(parser, sentences, reference, { forwardDate: true }).map((results) =>
    pickReading(results, now, timeZone, partOfDay),
  );
}

// chrono reads "the money" as a month: of the future readings, take the most specific one.
const SPECIFIC_WORDS = /\d|tomorrow|today|tonight|week|завтра|сегодня|недел/i;
const CERTAIN = ['hour', 'day', 'weekday', 'minute'] as const;
const certainty = (x: chrono.ParsedResult) =>
  CERTAIN.filter((c) => x.start.isCertain(c)).length + (SPECIFIC_WORDS.test(x.text) ? 1 : 0);

function pickReading(results: chrono.ParsedResult[], now: Date, timeZone: string, partOfDay: RegExp) {
  const r =
    results.filter((x) => x.start.date().getTime() > now.getTime()).sort((a, b) => certainty(b) - certainty(a))[0] ??
    null;
  if (!r) return null;
  let at = r.start.date();
  const stated = r.start.isCertain('hour');
  if (!stated) {
    // A day, or a part of a day, without an hour is due at its end.
    const part = partOfDay.exec(r.text)?.[0].toLowerCase() ?? '';
    const time = /even|вечер|tonight|ноч/.test(part)
      ? '20:00'
      : /afternoon|дн[её]м|после обеда/.test(part)
        ? DEFAULT_TIME
        : /morn|утр|noon|midday|lunch|обед/.test(part)
          ? '12:00'
          : DEFAULT_TIME;
    const p = localParts(at, timeZone);
    const [h, mi] = time.split(':').map(Number);
    at = instantOfLocal(p.year, p.month, p.day, h! * 60 + mi!, timeZone);
  }
  return { at, stated, text: r.text };
}

/** What the day-and-hour readers do before chrono; undefined: ask chrono. */
function beforeChrono(sentence: string, now: Date, timeZone: string, workDays: WorkDays): Reading | undefined {
  const span = withinSpan(sentence, now, timeZone, workDays);
  if (span) return span;
  const next = NEXT_BUSINESS_DAY.exec(sentence);
  if (next) return { at: resolveTimeSpec({ businessDays: 1 }, now, timeZone, workDays), stated: true, text: next[0] };
  const eod = END_OF_DAY.exec(sentence);
  if (eod) return { at: resolveTimeSpec({ days: 0, time: DEFAULT_TIME }, now, timeZone), stated: true, text: eod[0] };
  return undefined;
}

/**
 * Each sentence's own reading where it has one, else chrono's; chrono reads all the rest in one
 * batch. `after` adjusts chrono's reading with the sentence (Russian "в 4 часа дня").
 */
export function timesWithChrono(
  sentences: readonly string[],
  own: (sentence: string) => Reading | undefined,
  chronoOf: (rest: readonly string[]) => Array<Reading | null>,
  after: (sentence: string, found: Reading | null) => Reading | null = (_, found) => found,
): Array<Reading | null> {
  const out: Array<Reading | null> = [];
  const ask: number[] = [];
  for (const sentence of sentences) {
    const found = own(sentence);
    if (found === undefined) ask.push(out.length);
    out.push(found ?? null);
  }
  if (ask.length === 0) return out;
  const read = chronoOf(ask.map((i) => sentences[i]!));
  ask.forEach((i, j) => (out[i] = after(sentences[i]!, read[j] ?? null)));
  return out;
}

export const EN_RULES: LanguageRules = {
  language: 'en',
  commitment(sentence) {
    if (isQuestion(sentence)) return null;
    const m = FUTURE.exec(sentence);
    if (!m || !ACTION.test(sentence.slice(m.index))) return null;
    if (NEGATION.test(sentence.replace(REASSURANCE, ''))) return null;
    return m[0];
  },
  kind: (sentence) => earliestKind(sentence, KINDS),
  times: (sentences, now, timeZone, workDays) =>
    timesWithChrono(
      sentences,
      (s) => beforeChrono(s, now, timeZone, workDays),
      (rest) => chronoTimes(EN_CHRONO, rest, now, timeZone, PART_OF_DAY),
    ),
};
