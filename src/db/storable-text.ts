// What PostgreSQL can keep as text. A text column refuses U+0000 outright ("invalid byte
// sequence"), and jsonb refuses an unpaired UTF-16 surrogate ("\ud800"), while a text column
// quietly turns one into U+FFFD on the way in. Both reach us from mail (a raw NUL in a header,
// a UTF-16 part cut in half) and from JSON escapes; both stores behave the same.

/** The text with every NUL removed and every unpaired surrogate replaced by U+FFFD. */
export function storableText(text: string): string {
  const withoutNul = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  return withoutNul.isWellFormed() ? withoutNul : withoutNul.toWellFormed();
}

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** What the first character the store cannot keep is, in words for an error message; null when there is none. */
export function unstorableCharacter(text: string): string | null {
  if (isStorableText(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return 'a NUL character (U+0000)';
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return `an unpaired surrogate (U+${unit.toString(16).toUpperCase()})`;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return `an unpaired surrogate (U+${unit.toString(16).toUpperCase()})`;
    }
  }
  return null;
}

/** At most `max` UTF-16 units, never cutting a surrogate pair in two (half of one is not storable). */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
