import { boundedPrefix, stripQuotedText, TEXT_BOUNDS } from '../../language/index.ts';
import { normalizeForMatching } from '../escalations/supervisor-request/supervisor-request-phrases.ts';
import { compileCues, type CueReader, cuesReachThreshold } from './complaint-cues.ts';
import { COMPLAINT_RULES, type ComplaintPhraseLanguage } from './complaint-phrase-rules.ts';

// K12: the customer's own words say they are complaining. Reads what the customer wrote (quoted
// mail, "…wrote:" lines and text in quotation marks removed), sentence by sentence, within the
// first TEXT_BOUNDS.complaintTextChars; every pattern is a bounded alternation run once over the
// text, so the cost is linear in what is read. Which words, and what turns them off, is in
// complaint-phrase-rules.ts; when no word says it, weak signs of two kinds can (complaint-cues.ts).
// The measured precision and recall are in docs/LANGUAGE.md.

export const COMPLAINT_PHRASE_LANGUAGES: readonly ComplaintPhraseLanguage[] = ['en', 'ar', 'he', 'ru'];

export interface ComplaintWords {
  complained: boolean;
  language: ComplaintPhraseLanguage | null;
  /** The listed phrase of the rule that matched ("complaint", "غير مقبول"…). */
  phrase: string | null;
}

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
// Between two words of one clause: no letter, digit, comma or dash.
const CLAUSE_GAP = '[^\\p{L}\\p{N},،—–]';
const word = (alternatives: string) => new RegExp(`${BOUNDARY_BEFORE}(?:${alternatives})${BOUNDARY_AFTER}`, 'u');

// A language's rules run only on a sentence with a letter of its script: most text is in one
// script, so this reads it with one language's rules instead of four.
const SCRIPT: Record<ComplaintPhraseLanguage, RegExp> = {
  en: /[a-z]/,
  ar: /[\u0600-\u06FF]/,
  he: /[\u0590-\u05FF]/,
  ru: /[\u0400-\u04FF]/,
};

const COMPILED = COMPLAINT_PHRASE_LANGUAGES.map((language) => {
  const set = COMPLAINT_RULES[language];
  return {
    language,
    script: SCRIPT[language],
    rules: set.rules.map((rule) => ({
      ...rule,
      regex: new RegExp(`${BOUNDARY_BEFORE}(?:${rule.pattern})${BOUNDARY_AFTER}`, 'gu'),
    })),
    // The three words before a match, in the same clause: anchored at the end of the text before
    // it; a comma or dash ends a negation's reach ("nobody fixed it, a disgrace").
    negatorBefore: new RegExp(
      `${BOUNDARY_BEFORE}(?:${set.negators})${BOUNDARY_AFTER}` +
        `(?:${CLAUSE_GAP}+[\\p{L}\\p{M}\\p{N}']+){0,2}${CLAUSE_GAP}*$`,
      'u',
    ),
    negatorAfter: set.negatorsAfter ? new RegExp(`^(?:${set.negatorsAfter})${BOUNDARY_AFTER}`, 'u') : null,
    target: word(set.target),
    // A question about the procedure opens the sentence ("how do I complain", "можно пожаловаться").
    asking: new RegExp(`^[^\\p{L}\\p{N}]*(?:${set.asking})${BOUNDARY_AFTER}`, 'u'),
    clauseBreak: new RegExp(`${BOUNDARY_BEFORE}(?:${set.clauseBreak})${BOUNDARY_AFTER}`, 'gu'),
    thirdParty: word(set.thirdParty),
    cleared: word(set.cleared),
    cues: compileCues(set.cues),
    cueGuard: set.cueGuard ? word(set.cueGuard) : null,
  };
});

const CUE_READERS: CueReader[] = COMPILED.map((set) => ({
  language: set.language,
  script: set.script,
  cues: set.cues,
  skip: (sentence) =>
    set.thirdParty.test(sentence) ||
    set.cleared.test(sentence) ||
    set.asking.test(sentence) ||
    (set.cueGuard?.test(sentence) ?? false),
  negated: (before) => set.negatorBefore.test(before),
}));

// A quotation inside the customer's words ("the agent said “calm down”") is not theirs. A straight
// quote opens only after a non-letter: Hebrew abbreviations (בע"מ) carry one between letters.
const QUOTATION = /(?<![\p{L}\p{N}])"[^"\n]{1,300}"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|„[^“”\n]{1,300}[“”]/gu;
// An attribution line folded onto one line ("On Monday, John wrote: …"): the rest of the line is someone else's.
const WROTE = /(?:wrote|كتب|כתב|כתבה|написал|написала)\s*:[^\n]*/gu;
const SENTENCE_END = /[.!?؟;؛\n]+/u;

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(SENTENCE_END)) {
    // A "sentence" with no stop in it is read in windows, so no one regular expression sees more than a window.
    for (let i = 0; i < sentence.length; i += TEXT_BOUNDS.sentenceChars)
      out.push(sentence.slice(i, i + TEXT_BOUNDS.sentenceChars));
  }
  return out.filter((s) => s.trim().length > 0);
}

/** Whether, and in which words, the customer complains in `text`. */
export function recognizeComplaint(text: string): ComplaintWords {
  const own = stripQuotedText(boundedPrefix(text, TEXT_BOUNDS.complaintTextChars));
  const normalized = normalizeForMatching(own.replace(WROTE, ' ').replace(QUOTATION, ' '));
  const sentences = sentencesOf(normalized);
  for (const sentence of sentences) {
    const found = complaintIn(sentence);
    if (found) return { complained: true, ...found };
  }
  const cued = cuesReachThreshold(CUE_READERS, normalized, sentences);
  if (cued) return { complained: true, ...cued };
  return { complained: false, language: null, phrase: null };
}

function complaintIn(sentence: string): { language: ComplaintPhraseLanguage; phrase: string } | null {
  for (const set of COMPILED) {
    if (!set.script.test(sentence)) continue;
    let checked: { thirdParty: boolean; cleared: boolean; asking: boolean } | null = null;
    let clauses: Array<{ end: number; target: boolean }> | null = null;
    for (const rule of set.rules) {
      rule.regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = rule.regex.exec(sentence)) !== null) {
        checked ??= {
          thirdParty: set.thirdParty.test(sentence),
          cleared: set.cleared.test(sentence),
          asking: set.asking.test(sentence),
        };
        if (checked.thirdParty || checked.cleared) return null;
        const before = sentence.slice(Math.max(0, match.index - 80), match.index);
        const after = sentence.slice(match.index + match[0].length, match.index + match[0].length + 20);
        const negated =
          !rule.negationInside && (set.negatorBefore.test(before) || (set.negatorAfter?.test(after) ?? false));
        if (negated || (rule.unlessAsking && checked.asking)) continue;
        if (rule.needsTarget) {
          clauses ??= clausesOf(sentence, set.clauseBreak, set.target);
          if (!clauses.find((clause) => match!.index < clause.end)?.target) continue;
        }
        return { language: set.language, phrase: rule.phrase };
      }
    }
  }
  return null;
}

// The clauses of a sentence (split at "but", "however"…), each with whether it names us: a
// weak adjective counts only in a clause about us ("the rain was terrible, but your crew…" is not).
function clausesOf(sentence: string, clauseBreak: RegExp, target: RegExp): Array<{ end: number; target: boolean }> {
  const out: Array<{ end: number; target: boolean }> = [];
  let start = 0;
  clauseBreak.lastIndex = 0;
  for (let found = clauseBreak.exec(sentence); found !== null; found = clauseBreak.exec(sentence)) {
    out.push({ end: found.index, target: target.test(sentence.slice(start, found.index)) });
    start = found.index + found[0].length;
    if (found[0].length === 0) clauseBreak.lastIndex++;
  }
  out.push({ end: sentence.length + 1, target: target.test(sentence.slice(start)) });
  return out;
}
