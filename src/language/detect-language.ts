import { eld } from 'eld/medium';

// K8: the language of a customer's message, as an ISO 639-1 code, so the case goes to someone
// who speaks it and the acknowledgement is written in it.
//
// Detector: eld (medium database). Measured on the five seed essays (whole and split into 124
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

// Letters, and letters of each script (a lookahead: a letter that is also of the script), are
// counted with one global match each: detection runs on every inbound message, and a regular
// expression test per character was a quarter of its time (92 → 69 µs for a sentence).
const LETTER = /\p{L}/gu;
const SCRIPT_DEFAULTS = [
  { letters: /(?=\p{L})\p{Script=Arabic}/gu, language: 'ar', family: ['ar', 'fa', 'ur', 'ps', 'ku', 'sd'] },
  { letters: /(?=\p{L})\p{Script=Hebrew}/gu, language: 'he', family: ['he', 'yi'] },
  { letters: /(?=\p{L})\p{Script=Cyrillic}/gu, language: 'ru', family: ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'] },
] as const;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Removes what the customer did not write themselves: quoted lines ("> ..."), the
 * "On ... wrote:" line above them, everything from an "Original Message" / forwarded marker
 * on, URLs and e-mail addresses.
 */
export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (/^-{2,}\s*(original message|forwarded message|исходное сообщение|пересылаемое сообщение|الرسالة الأصلية|הודעה מקורית)/iu.test(trimmed)) break;
    if (/^(>|&gt;)/.test(trimmed)) continue;
    kept.push(line);
  }
  // Drop an attribution line ("On Tue, Denise <d@example.com> wrote:") left right above a quote.
  while (kept.length > 0 && /^\s*$/.test(kept[kept.length - 1] ?? '')) kept.pop();
  const last = kept[kept.length - 1];
  if (last !== undefined && /(wrote|писал|написал|написала|كتب|כתב|כתבה)\s*(\(а\))?\s*:\s*$/iu.test(last)) kept.pop();
  return kept
    .join('\n')
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(/[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/gu, ' ');
}

export function detectLanguage(text: string): DetectedLanguage {
  const clean = stripQuotedText(text).normalize('NFKC');
  const letters = countMatches(clean, LETTER);
  if (letters === 0) return { language: null, confidence: 0 };

  // The script that most letters are written in, if it is one we can default from.
  let bestScript: (typeof SCRIPT_DEFAULTS)[number] | null = null;
  let bestShare = 0;
  for (const s of SCRIPT_DEFAULTS) {
    const share = countMatches(clean, s.letters) / letters;
    if (share > bestShare) {
      bestShare = share;
      bestScript = s;
    }
  }
  const scriptDecides = bestScript !== null && bestShare >= 0.5;

  const result = eld.detect(clean);
  const detected = result.language || null;
  const score = detected === null ? 0 : (result.getScores()[detected] ?? 0);
  const reliable = detected !== null && result.isReliable();
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
