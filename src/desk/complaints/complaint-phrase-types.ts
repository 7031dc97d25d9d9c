// The shape of a language's complaint rules (complaint-phrase-rules.ts).

export type ComplaintPhraseLanguage = 'en' | 'ar' | 'he' | 'ru';

export interface ComplaintRule {
  /** The phrase as listed (and returned). */
  phrase: string;
  pattern: string;
  /** Only when the sentence is about us (a target word is in it). */
  needsTarget?: boolean;
  /** The pattern already holds its negation ("not satisfied"): a negator before it does not turn it off. */
  negationInside?: boolean;
  /** Not in a sentence that opens as a question about the procedure ("how do I complain…"). */
  unlessAsking?: boolean;
}

/**
 * A weak sign of a complaint (complaint-cues.ts): alone it says nothing ("I was promised a callback"),
 * but signs of two kinds in one message do ("…promised a callback. That was nine days ago.").
 */
export interface ComplaintCue {
  /** Signs of one kind count once: "again" twice is not two kinds. */
  kind: 'promise' | 'elapsed' | 'repeat' | 'exasperated' | 'harm' | 'money';
  pattern: string;
  negationInside?: boolean;
}

export interface LanguageRules {
  rules: ComplaintRule[];
  /** Weak signs, counted by kind over the whole message (complaint-cues.ts). */
  cues?: ComplaintCue[];
  /** Praise, thanks or the customer's own slip: a sentence with these scores no weak sign ("thanks again"). */
  cueGuard?: string;
  /** Words that, among the three before a complaint word, negate it. */
  negators: string;
  /** Words right after a complaint word that negate it ("жалоб нет"). */
  negatorsAfter?: string;
  /** The sentence is about us. */
  target: string;
  /** Someone else's complaint, reported: the sentence is not the customer's. */
  thirdParty: string;
  /** The customer says it is not our doing. */
  cleared: string;
  /** A sentence that opens with these words asks about complaining rather than complains. */
  asking: string;
  /** Where a clause ends inside a sentence: a weak adjective needs its target in its own clause. */
  clauseBreak: string;
}
