import { boundedPrefix, stripQuotedText, TEXT_BOUNDS } from '../../../language/index.ts';
import { EN_LEXICON, type SupervisorLanguage, type SupervisorLexicon } from './supervisor-lexicon.ts';
import { AR_LEXICON } from './supervisor-lexicon-ar.ts';
import { HE_LEXICON } from './supervisor-lexicon-he.ts';
import { RU_LEXICON } from './supervisor-lexicon-ru.ts';

// K5: a customer asking for a supervisor in the words of an e-mail or chat, in English,
// Arabic, Hebrew or Russian. Issue 18 replaced "the word appears" with "the request is made":
// a supervisor word (or a keyword-less "someone above you") counts only when something asks for
// it and nothing explains it away — see supervisor-lexicon.ts for the parts of a request.
//
// Two levels, because a false escalation costs a supervisor's time and teaches the team to
// ignore escalations (K5), while a missed one is the customer "cut off on asking for a
// supervisor" (K5):
// - certain (confidence ≥ SUPERVISOR_CONFIDENCE): a mention with a request cue ("put me through
//   to your manager") — the message escalates as before;
// - uncertain: a mention that is only half asked ("Is your manager available?", "Manager?") —
//   the case records a suspicion and the agent decides with one click (escalate or dismiss).
// The portal's button stays the certain path. Quoted earlier mail ("> …", "On … wrote:") is
// never read.

export type SupervisorPhraseLanguage = SupervisorLanguage;
export const SUPERVISOR_PHRASE_LANGUAGES: readonly SupervisorPhraseLanguage[] = ['en', 'ar', 'he', 'ru'];

/** At or above: escalate. Below, but recognised: a suspicion for the agent. */
export const SUPERVISOR_CONFIDENCE = 0.8;
const CERTAIN = 0.9;
const LIKELY = 0.6;

const LEXICONS: Record<SupervisorLanguage, SupervisorLexicon> = {
  en: EN_LEXICON,
  ar: AR_LEXICON,
  he: HE_LEXICON,
  ru: RU_LEXICON,
};

/**
 * NFKC, lower case, ё→е; Arabic diacritics and tatweel removed and letter variants unified;
 * Hebrew points removed, maqaf → space, gershayim/geresh → ASCII quotes.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[ؤئ]/g, 'ء')
    .replace(/[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g, '')
    .replace(/\u05BE/g, ' ')
    .replace(/[\u05F4\u201C\u201D\u201E]/g, '"')
    .replace(/[\u05F3\u2018\u2019]/g, "'")
    .replace(/\s+/gu, ' ');
}

export interface SupervisorRequest {
  /** Recognised at all: certain, or likely enough to show the agent. */
  requested: boolean;
  /** Confident enough to escalate without asking the agent. */
  certain: boolean;
  /** 0 (no request) … 1; compare with SUPERVISOR_CONFIDENCE. */
  confidence: number;
  language: SupervisorPhraseLanguage | null;
  /** The words that were read as the request's object, as normalised ("your manager", "кто-то выше"). */
  phrase: string | null;
}

const NONE: SupervisorRequest = { requested: false, certain: false, confidence: 0, language: null, phrase: null };

/** Clauses: sentences, and their parts after a comma or a "but" — a negation does not cross them. */
const CLAUSE_BREAK = /[.!?؟;\n]+|[,،]\s*|\s(?:but|however|ولكن|لكن|אבל|אלא|но|а)\s/u;
/** A clause longer than this is read as windows; a request is a short thing. */
const CLAUSE_CHARS = 400;
/** Mentions weighed per clause: a list of titles is not a request ten times over. */
const MENTIONS_PER_CLAUSE = 4;

function clauseLanguage(clause: string): SupervisorLanguage {
  let ar = 0;
  let he = 0;
  let ru = 0;
  let latin = 0;
  for (const ch of clause) {
    const c = ch.charCodeAt(0);
    if (c >= 0x600 && c <= 0x6ff) ar++;
    else if (c >= 0x590 && c <= 0x5ff) he++;
    else if (c >= 0x400 && c <= 0x4ff) ru++;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin++;
  }
  const max = Math.max(ar, he, ru, latin);
  if (max === 0 || max === latin) return 'en';
  return max === ar ? 'ar' : max === he ? 'he' : 'ru';
}

/** The confidence that this clause asks for a supervisor, and the words that named one. */
export function weighClause(
  clause: string,
  language: SupervisorLanguage,
): { confidence: number; phrase: string } | null {
  const lex = LEXICONS[language];
  if (lex.past.test(clause) || lex.ownRole.test(clause)) return null;
  const cued = lex.cue.test(clause);
  const weak = !cued && (lex.weakCue.test(clause) || clause.split(' ').length <= 3);
  lex.mention.lastIndex = 0;
  let seen = 0;
  for (let m = lex.mention.exec(clause); m !== null && seen < MENTIONS_PER_CLAUSE; m = lex.mention.exec(clause)) {
    seen++;
    if (m[0].length === 0) {
      lex.mention.lastIndex++;
      continue;
    }
    const before = clause.slice(Math.max(0, m.index - 40), m.index);
    const after = clause.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // "Escalate my complaint", "передайте мою жалобу выше": the possessive is the complaint's, not a boss's.
    const selfAsking = lex.selfAsking.test(m[0]);
    if (lex.negationBefore.test(before)) continue;
    if (!selfAsking && (lex.ownerBefore.test(before) || lex.ownerAfter.test(after) || lex.ownedForm?.test(m[0])))
      continue;
    const asking = cued || selfAsking;
    if (asking) return { confidence: CERTAIN, phrase: m[0].trim() };
    if (weak) return { confidence: LIKELY, phrase: m[0].trim() };
  }
  return null;
}

function clauses(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(CLAUSE_BREAK)) {
    for (let i = 0; i < part.length; i += CLAUSE_CHARS) {
      const piece = part.slice(i, i + CLAUSE_CHARS).trim();
      if (piece.length > 0) out.push(piece);
    }
  }
  return out;
}

/**
 * The strongest supervisor request in the customer's own text (quoted mail is ignored), within
 * its first TEXT_BOUNDS.customerTextChars: a request is asked, not buried under pages of paste.
 */
export function detectSupervisorRequest(text: string): SupervisorRequest {
  const normalized = normalizeForMatching(stripQuotedText(boundedPrefix(text, TEXT_BOUNDS.customerTextChars)));
  let best: SupervisorRequest = NONE;
  for (const clause of clauses(normalized)) {
    const language = clauseLanguage(clause);
    const found = weighClause(clause, language);
    if (found && found.confidence > best.confidence) {
      best = {
        requested: true,
        certain: found.confidence >= SUPERVISOR_CONFIDENCE,
        confidence: found.confidence,
        language,
        phrase: found.phrase,
      };
      if (best.certain) break;
    }
  }
  return best;
}
