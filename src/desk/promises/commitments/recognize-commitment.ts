import type { PromiseKind } from '../../../contract/api-types.ts';
import { boundedPrefix, TEXT_BOUNDS } from '../../../language/index.ts';
import { notOwnCommitment, vaguePromise } from './commitment-guards.ts';
import type { LanguageRules } from './language-rules.ts';
import type { BusinessCalendar } from '../capability/business-time.ts';
import { dayAt, defaultWeekend, onDayOf, partOfDay, periodEnd, rangeEnd } from './period-time.ts';
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
  const language = sentenceLanguage(sentence);
  const rules = RULES[language];
  const marker = rules.commitment(sentence);
  if (!marker || notOwnCommitment(sentence, language)) return null;
  const time = dueTime(rules, sentence, now, timeZone, workDaysOf(days ?? defaultWeekend(language)));
  // A promise with nothing to keep or break ("we'll look into it") is not one for the ledger.
  if (!time && vaguePromise(sentence, language)) return null;
  return {
    kind: rules.kind(sentence),
    dueAt: time?.at ?? null,
    phrase: sentence,
    marker,
    timeText: time?.text ?? null,
    timeStated: time?.stated ?? false,
    language,
  };
}

/**
 * The due time: "end of" periods and hour ranges read alike for every language (period-time.ts),
 * then the language's own day-and-hour reader on what is left; a range's end hour on its day.
 */
function dueTime(rules: LanguageRules, sentence: string, now: Date, timeZone: string, days: WorkDays) {
  const period = periodEnd(sentence, rules.language, now, timeZone, days);
  if (period) return period;
  const range = rangeEnd(sentence, rules.language);
  const rest = range ? sentence.replace(range.text, ' ') : sentence;
  const base = rules.time(rest, now, timeZone, days);
  if (range) {
    const at = onDayOf(base?.at ?? now, range.time, timeZone);
    return { at, stated: true, text: range.text };
  }
  const part = partOfDay(sentence, rules.language);
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
  const found: RecognizedCommitment[] = [];
  for (const sentence of splitSentences(boundedPrefix(text, TEXT_BOUNDS.commitmentTextChars))) {
    const c = recognizeInSentence(sentence, now, timeZone, days);
    if (c) found.push(c);
  }
  return found;
}
