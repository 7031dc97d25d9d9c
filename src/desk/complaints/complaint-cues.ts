import type { ComplaintCue, ComplaintPhraseLanguage } from './complaint-phrase-types.ts';

// A small scored reading for what no single word says: a broken promise told as a fact ("You said
// Tuesday. It's Friday."), a repeat contact with exasperation ("again??"), a harm with time gone.
// Each kind of weak sign (ComplaintCue) scores once, whatever the number of times it appears;
// a message complains when its kinds reach CUE_THRESHOLD. Money counts half: "my refund" is in
// many plain questions. Sentences that are someone else's, cleared, or a question about the
// procedure score nothing, and a negated sign ("never again") does not count. Each cue is one
// bounded regular expression tested once per sentence, so the cost stays linear in the text.

export const CUE_THRESHOLD = 2;
const WEIGHT: Record<ComplaintCue['kind'], number> = {
  promise: 1,
  elapsed: 1,
  repeat: 1,
  exasperated: 1,
  harm: 1,
  money: 0.5,
};

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
// Doubled question or exclamation marks ("again??", "?!"), read on the text before it is split.
const EXASPERATED_MARKS = /[?!؟]\s*[?!؟]/u;

export interface CompiledCue {
  kind: ComplaintCue['kind'];
  regex: RegExp;
  negationInside: boolean;
}

export function compileCues(cues: readonly ComplaintCue[] | undefined): CompiledCue[] {
  return (cues ?? []).map((cue) => ({
    kind: cue.kind,
    regex: new RegExp(`${BOUNDARY_BEFORE}(?:${cue.pattern})${BOUNDARY_AFTER}`, 'u'),
    negationInside: cue.negationInside ?? false,
  }));
}

export interface CueReader {
  language: ComplaintPhraseLanguage;
  script: RegExp;
  cues: CompiledCue[];
  /** The sentence is someone else's, cleared, or asks about the procedure: it scores nothing. */
  skip: (sentence: string) => boolean;
  /** Whether the words before a sign negate it. */
  negated: (before: string) => boolean;
}

/** The kinds of weak sign in the message, per language; the first language to reach the threshold. */
export function cuesReachThreshold(
  readers: readonly CueReader[],
  text: string,
  sentences: readonly string[],
): { language: ComplaintPhraseLanguage; phrase: string } | null {
  const marks = EXASPERATED_MARKS.test(text);
  for (const reader of readers) {
    const kinds = new Set<ComplaintCue['kind']>();
    for (const sentence of sentences) {
      if (!reader.script.test(sentence)) continue;
      // The guards are read only once a sign is found: most sentences hold none.
      let skipped: boolean | null = null;
      for (const cue of reader.cues) {
        if (kinds.has(cue.kind)) continue;
        const match = cue.regex.exec(sentence);
        if (!match) continue;
        skipped ??= reader.skip(sentence);
        if (skipped) break;
        if (!cue.negationInside && reader.negated(sentence.slice(Math.max(0, match.index - 80), match.index))) continue;
        kinds.add(cue.kind);
      }
    }
    if (kinds.size === 0) continue;
    if (marks) kinds.add('exasperated');
    let score = 0;
    for (const kind of kinds) score += WEIGHT[kind];
    if (score >= CUE_THRESHOLD) return { language: reader.language, phrase: [...kinds].sort().join('+') };
  }
  return null;
}
