import { detectByNgrams } from './eld-ngram-detector.ts';
import { boundedPrefix, TEXT_BOUNDS } from './text-bounds.ts';

// K8: the language of a customer's message, as an ISO 639-1 code, so the case goes to someone
// who speaks it and the acknowledgement is written in it.
//
// Detector: eld (medium database; scored by eld-ngram-detector.ts, which gives eld's answers faster). Measured on the five seed essays (whole and split into 124
// paragraphs) and 40 short customer sentences in en/ar/he/ru: eld was right on 5/5, 124/124
// and 38/40; franc-min on 4/5, 94/124 and 17/40 (it returns "und" for every short Hebrew
// sentence). eld's two misses were "Hello" (→ fi) and "Перезвоните мне, пожалуйста" (→ bg).
//
// Short texts are where statistics fail, and where the script alone is a better answer for
// the languages Kept serves: in Arabic, Hebrew or Cyrillic script and under
// SHORT_TEXT_LETTERS letters (or when eld says it is unsure) we answer ar / he / ru from the
// script. Short Latin-script text the detector is unsure of gives null: the caller uses the
// workspace default rather than a guess.

/** Below this many letters a text is "short": the script decides for ar/he/ru. */
export const SHORT_TEXT_LETTERS = 30;

export interface DetectedLanguage {
  language: string | null;
  /** 0..1: eld's score when it decides; at most 0.5 when the script decides; 0 for null. */
  confidence: number;
}

// Letters are counted in one pass: a regular expression drops everything that is not a letter,
// and each remaining character's script is told from its code point (the blocks of the three
// scripts below). Detection runs on every inbound message: a regular expression test per
// character was a quarter of its time, and a global match per script (arrays of every letter)
// half of it again (135 → 81 µs for a sentence, most of the rest in eld).
const NOT_LETTER = /\P{L}+/gu;
const SCRIPT_DEFAULTS = [
  { language: 'ar', family: ['ar', 'fa', 'ur', 'ps', 'ku', 'sd'] },
  { language: 'he', family: ['he', 'yi'] },
  { language: 'ru', family: ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'] },
] as const;

/** 0 Arabic, 1 Hebrew, 2 Cyrillic (SCRIPT_DEFAULTS' order), -1 any other script. */
function scriptOf(code: number): number {
  if (code < 0x0400) return -1;
  if (
    code <= 0x052f ||
    (code >= 0x1c80 && code <= 0x1c8f) ||
    (code >= 0x2de0 && code <= 0x2dff) ||
    (code >= 0xa640 && code <= 0xa69f) ||
    (code >= 0x1e030 && code <= 0x1e08f)
  )
    return 2;
  if (code >= 0x0590 && code <= 0x05ff) return 1;
  if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x0870 && code <= 0x08ff))
    return 0;
  if (code >= 0xfb1d && code <= 0xfb4f) return 1;
  if (
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff) ||
    (code >= 0x10e60 && code <= 0x10e7f) ||
    (code >= 0x1ee00 && code <= 0x1eeff)
  )
    return 0;
  return -1;
}

/** How many letters the text has, and how many of them are in each of SCRIPT_DEFAULTS' scripts. */
function countLetters(text: string): { letters: number; byScript: [number, number, number] } {
  const byScript: [number, number, number] = [0, 0, 0];
  let letters = 0;
  for (const letter of text.replace(NOT_LETTER, '')) {
    letters++;
    const script = scriptOf(letter.codePointAt(0)!);
    if (script >= 0) byScript[script as 0 | 1 | 2]++;
  }
  return { letters, byScript };
}

// An e-mail address: starts where a run of address characters starts (after a space, a bracket
// or an "@"). Without that anchor the engine tried again from every character of a long run
// without spaces and rescanned the run each time: quadratic (1.6 s at 40,000 characters).
const EMAIL_ADDRESS = /(?<![^\s@<>()])[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/gu;
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(original message|forwarded message|исходное сообщение|пересылаемое сообщение|الرسالة الأصلية|הודעה מקורית)/iu;
// Tested on the line without its trailing spaces: no two runs of spaces that could share them.
const ATTRIBUTION_END = /(wrote|писал|написал|написала|كتب|כתב|כתבה)\s*(?:\(а\)\s*)?:$/iu;

/**
 * Removes what the customer did not write themselves: quoted lines ("> ..."), the
 * "On ... wrote:" line above them, everything from an "Original Message" / forwarded marker
 * on, URLs and e-mail addresses. Linear: marker patterns only run on lines short enough to be one.
 */
export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length <= TEXT_BOUNDS.markerLineChars && ORIGINAL_MESSAGE.test(trimmed)) break;
    if (trimmed.startsWith('>') || trimmed.startsWith('&gt;')) continue;
    kept.push(line);
  }
  // Drop an attribution line ("On Tue, Denise <d@example.com> wrote:") left right above a quote.
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  const last = kept[kept.length - 1];
  if (last !== undefined && last.length <= TEXT_BOUNDS.markerLineChars && ATTRIBUTION_END.test(last.trimEnd()))
    kept.pop();
  return kept
    .join('\n')
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(EMAIL_ADDRESS, ' ');
}

/** The language of the start of a customer's text (TEXT_BOUNDS.customerTextChars). */
export function detectLanguage(text: string): DetectedLanguage {
  const clean = stripQuotedText(boundedPrefix(text, TEXT_BOUNDS.customerTextChars)).normalize('NFKC');
  const { letters, byScript } = countLetters(clean);
  if (letters === 0) return { language: null, confidence: 0 };

  // The script that most letters are written in, if it is one we can default from.
  let bestScript: (typeof SCRIPT_DEFAULTS)[number] | null = null;
  let bestShare = 0;
  for (let i = 0; i < SCRIPT_DEFAULTS.length; i++) {
    const share = byScript[i as 0 | 1 | 2] / letters;
    if (share > bestShare) {
      bestShare = share;
      bestScript = SCRIPT_DEFAULTS[i]!;
    }
  }
  const scriptDecides = bestScript !== null && bestShare >= 0.5;

  const { language: detected, score, reliable } = detectByNgrams(clean);
  const short = letters < SHORT_TEXT_LETTERS;

  if (scriptDecides && bestScript !== null) {
    const inFamily = detected !== null && (bestScript.family as readonly string[]).includes(detected);
    // Long text the detector is sure about may be Persian, Ukrainian... trust it then.
    if (!short && reliable && inFamily) return { language: detected, confidence: round(score) };
    if (detected === bestScript.language && reliable) return { language: detected, confidence: round(score) };
    return { language: bestScript.language, confidence: round(0.5 * bestShare) };
  }
  if (reliable) return { language: detected, confidence: round(score) };
  return { language: null, confidence: 0 };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
