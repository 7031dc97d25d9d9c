import type { PromiseKind } from '../../../contract/api-types.ts';
import { boundedPrefix, TEXT_BOUNDS } from '../../../language/index.ts';
import { notOwnCommitment, vaguePromise } from './commitment-guards.ts';
import type { LanguageRules, Reading } from './language-rules.ts';
import type { BusinessCalendar } from '../capability/business-time.ts';
import { readPeriods, type PeriodReading } from './period-chrono.ts';
import { dayAt, defaultWeekend, onDayOf } from './period-time.ts';
import { workDaysOf, type WorkDays } from './relative-time.ts';
import { AR_RULES } from './rules-ar.ts';
import { EN_RULES } from './rules-en.ts';
import { HE_RULES } from './rules-he.ts';
import { RU_RULES } from './rules-ru.ts';

// K3/K4: an agent writes a promise naturally in a reply ("I'll call you back tomorrow at
// 3 pm", "سأتصل بك غدًا", "перезвоню завтра в 15:00", "אחזור אליך מחר"); Kept recognises it
// and offers to record it with the parsed time. Rules, not a model: every decision can be
// read and fixed, and the labelled sets in ./labelled measure them (docs/PROMISES.md).

export interface RecognizedCommitment {
  kind: PromiseKind;
  /** Resolved against now in the workspace's time zone; null when no time was said. */
  dueAt: Date | null;
  /** The sentence the commitment is in. */
  phrase: string;
  /** The words that made it a commitment, and those that gave the time. */
  marker: string;
  timeText: string | null;
  /** An hour was said; false when a day was said and 17:00 assumed. */
  timeStated: boolean;
  language: LanguageRules['language'];
}

const RULES: Record<LanguageRules['language'], LanguageRules> = {
  en: EN_RULES,
  ar: AR_RULES,
  he: HE_RULES,
  ru: RU_RULES,
};

/** The script decides: Arabic, Hebrew, Cyrillic letters; Latin otherwise. */
export function sentenceLanguage(sentence: string): LanguageRules['language'] {
  // One pass over the code units, not three global matches building arrays (issue 18, speed).
  let ar = 0;
  let he = 0;
  let ru = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if (c >= 0x0590 && c <= 0x05ff) he++;
    else if (c >= 0x0400 && c <= 0x04ff) ru++;
  }
  const max = Math.max(ar, he, ru);
  if (max === 0) return 'en';
  return max === ar ? 'ar' : max === he ? 'he' : 'ru';
}

/**
 * Sentences, keeping "15:00" and "3.30" whole; Arabic and Hebrew question and full stops
 * included. A run without stops longer than TEXT_BOUNDS.sentenceChars is read as windows of at
 * most that size, cut at a space where there is one: the time parsers (chrono-node among them)
 * then never see more than a window at once.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?؟。])\s+|\n+|(?<=[!?؟])/u)
    .flatMap(windows)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function windows(sentence: string): string[] {
  const max = TEXT_BOUNDS.sentenceChars;
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const head = boundedPrefix(rest, max);
    const space = head.lastIndexOf(' ');
    const cut = space > max / 2 ? space : head.length;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/**
 * The working days a commitment is counted on: the workspace's business calendar — weekdays
 * without opening hours and its holidays — or, where it keeps none, the language's usual weekend.
 */
export function workDaysOfCalendar(calendar: BusinessCalendar): WorkDays {
  const weekend = [0, 1, 2, 3, 4, 5, 6].filter((d) => !(calendar.weeklyHours[d] ?? []).some(([s, e]) => e > s));
  return { weekend, holidays: new Set(calendar.holidays) };
}

export function recognizeInSentence(
  sentence: string,
  now: Date,
  timeZone: string,
  days?: readonly number[] | WorkDays,
): RecognizedCommitment | null {
  return recognizeInSentences([sentence], now, timeZone, days)[0] ?? null;
}

interface Candidate {
  at: number;
  sentence: string;
  rules: LanguageRules;
  marker: string;
}

/**
 * The commitment in each sentence, or null. The guards first, sentence by sentence; then the due
 * times of each language's promise sentences together, so chrono reads them in batches
 * (chrono-batch.ts, issue 18 speed) — each sentence still read as if alone.
 */
export function recognizeInSentences(
  sentences: readonly string[],
  now: Date,
  timeZone: string,
  days?: readonly number[] | WorkDays,
): Array<RecognizedCommitment | null> {
  const out: Array<RecognizedCommitment | null> = sentences.map(() => null);
  const byLanguage = new Map<LanguageRules['language'], Candidate[]>();
  sentences.forEach((sentence, at) => {
    const language = sentenceLanguage(sentence);
    const rules = RULES[language];
    const marker = rules.commitment(sentence);
    if (!marker || notOwnCommitment(sentence, language)) return;
    const list = byLanguage.get(language) ?? [];
    list.push({ at, sentence, rules, marker });
    byLanguage.set(language, list);
  });
  for (const [language, candidates] of byLanguage) {
    const work = workDaysOf(days ?? defaultWeekend(language));
    const rules = RULES[language];
    const times = dueTimes(
      rules,
      candidates.map((c) => c.sentence),
      now,
      timeZone,
      work,
    );
    candidates.forEach(({ at, sentence, marker }, i) => {
      const time = times[i] ?? null;
      // A promise with nothing to keep or break ("we'll look into it") is not one for the ledger.
      if (!time && vaguePromise(sentence, language)) return;
      out[at] = {
        kind: rules.kind(sentence),
        dueAt: time?.at ?? null,
        phrase: sentence,
        marker,
        timeText: time?.text ?? null,
        timeStated: time?.stated ?? false,
        language,
      };
    });
  }
  return out;
}

/**
 * The due times: "end of" periods and hour ranges read alike for every language (period-chrono.ts),
 * then the language's own day-and-hour reader on what is left; a range's end hour on its day.
 */
function dueTimes(
  rules: LanguageRules,
  sentences: readonly string[],
  now: Date,
  timeZone: string,
  days: WorkDays,
): Array<Reading | null> {
  const out: Array<Reading | null> = sentences.map(() => null);
  const periods = readPeriods(sentences, rules.language, now, timeZone, days);
  const rests: string[] = [];
  const asked: number[] = [];
  sentences.forEach((sentence, i) => {
    const { period, range } = periods[i]!;
    if (period) {
      out[i] = period;
      return;
    }
    rests.push(range ? sentence.replace(range.text, ' ') : sentence);
    asked.push(i);
  });
  const bases = rests.length ? rules.times(rests, now, timeZone, days) : [];
  asked.forEach((i, j) => {
    out[i] = onRangeOrPart(periods[i]!, bases[j] ?? null, now, timeZone);
  });
  return out;
}

function onRangeOrPart(
  { range, part }: PeriodReading,
  base: Reading | null,
  now: Date,
  timeZone: string,
): Reading | null {
  if (range) {
    const at = onDayOf(base?.at ?? now, range.time, timeZone);
    return { at, stated: true, text: range.text };
  }
  if (part && !base?.stated) {
    const at =
      part.days !== null ? dayAt(now, timeZone, part.days, part.time) : onDayOf(base?.at ?? now, part.time, timeZone);
    if (at.getTime() > now.getTime()) return { at, stated: false, text: base?.text ?? '' };
  }
  return base;
}

/**
 * Every commitment in an outgoing text, one per sentence, resolved in the workspace's time zone;
 * business days and "end of" periods on its business calendar when it keeps one.
 */
export function recognizeCommitments(
  text: string,
  now: Date,
  timeZone: string,
  calendar?: BusinessCalendar | null,
): RecognizedCommitment[] {
  const open = calendar?.weeklyHours.some((d) => d.some(([s, e]) => e > s)) ?? false;
  const days = calendar && open ? workDaysOfCalendar(calendar) : undefined;
  const sentences = splitSentences(boundedPrefix(text, TEXT_BOUNDS.commitmentTextChars));
  return recognizeInSentences(sentences, now, timeZone, days).filter((c) => c !== null);
}
