/**
 * Text a person wrote (a name, a subject, a team) placed inside a sentence of the interface keeps its
 * own direction only when isolated: "Handed off from ليلى حداد to Tom." in English, or a Latin name in
 * an Arabic sentence, otherwise reorders the neighbouring words and punctuation. Each interpolated value
 * whose letters run against the interface's direction is wrapped in FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE, the plain-text twin of <bdi>; values of the interface's own direction, and digits,
 * are left as they are.
 */
const FSI = '\u2068';
const PDI = '\u2069';
// Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation forms: the strong right-to-left letters.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
// Letters that are strong left-to-right: Latin, Greek, Cyrillic and the rest outside the RTL blocks.
const LTR_LETTER = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;

export function isolateAgainst(direction: 'ltr' | 'rtl', value: string): string {
  if (value.length === 0 || value.startsWith(FSI)) return value;
  const against = direction === 'rtl' ? LTR_LETTER : RTL_LETTER;
  return against.test(value) ? `${FSI}${value}${PDI}` : value;
}
