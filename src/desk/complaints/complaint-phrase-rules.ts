// The words of a complaint (K12) in English, Arabic, Hebrew and Russian: what the recognizer
// (recognize-complaint.ts) looks for, and what turns a match off. Patterns run on text normalised
// by normalizeForMatching (lower case, no diacritics, ة→ه, أ/إ/آ→ا, ى→ي, ؤ/ئ→ء, ё→е), so they are
// written that way; each is bounded (no nested repetition), so a match costs time linear in the text.
//
// Policy — favour precision over recall, the reverse of the supervisor words: a complaint mark
// counts in the complaint rate and a person can always mark a case by hand, while a wrong mark
// inflates a figure managers act on. So a bare "bad" or "terrible" counts only when the sentence
// is about us (a `target` word: service, order, your…), and a complaint word is skipped when it
// is negated ("no complaints"), someone else's ("my neighbour complained"), or cleared ("not your
// fault"). A weak adjective needs the target in its own clause ("the rain was terrible, but your crew
// was great" is not about us); the complaint word itself is skipped in a sentence that opens as a
// question about complaining ("how do I complain to the airline?"). One file per language.

import { AR_COMPLAINT_RULES } from './complaint-phrases-ar.ts';
import { EN_COMPLAINT_RULES } from './complaint-phrases-en.ts';
import { HE_COMPLAINT_RULES } from './complaint-phrases-he.ts';
import { RU_COMPLAINT_RULES } from './complaint-phrases-ru.ts';
import type { ComplaintPhraseLanguage, LanguageRules } from './complaint-phrase-types.ts';

export type { ComplaintPhraseLanguage, ComplaintRule, LanguageRules } from './complaint-phrase-types.ts';

export const COMPLAINT_RULES: Record<ComplaintPhraseLanguage, LanguageRules> = {
  en: EN_COMPLAINT_RULES,
  ar: AR_COMPLAINT_RULES,
  he: HE_COMPLAINT_RULES,
  ru: RU_COMPLAINT_RULES,
};
