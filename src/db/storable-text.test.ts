import { describe, expect, it } from 'vitest';
import { isStorableText, storableText, truncateText, unstorableCharacter } from './storable-text.ts';

describe('storable text', () => {
  it('leaves ordinary text in any script, and paired surrogates (emoji), as it is', () => {
    for (const text of ['plain', 'مرحبا', 'שלום', 'Привет', 'a 😀 b', '']) {
      expect(storableText(text)).toBe(text);
      expect(isStorableText(text)).toBe(true);
      expect(unstorableCharacter(text)).toBeNull();
    }
  });

  it('drops NUL and replaces unpaired surrogates with U+FFFD', () => {
    expect(storableText('a\u0000b\u0000')).toBe('ab');
    expect(storableText('x\ud800y')).toBe('x\ufffdy');
    expect(storableText('\udc00x')).toBe('\ufffdx');
    expect(storableText('end\ud83d')).toBe('end\ufffd');
    expect(storableText('\u0000\ud800😀')).toBe('\ufffd😀');
  });

  it('names the first character the store cannot keep', () => {
    expect(unstorableCharacter('a\u0000')).toBe('a NUL character (U+0000)');
    expect(unstorableCharacter('😀\ud800')).toBe('an unpaired surrogate (U+D800)');
    expect(unstorableCharacter('\udc00x')).toBe('an unpaired surrogate (U+DC00)');
    expect(isStorableText('a\u0000')).toBe(false);
  });

  it('truncates without cutting a surrogate pair in two', () => {
    expect(truncateText('abc', 5)).toBe('abc');
    expect(truncateText('abcdef', 3)).toBe('abc');
    expect(truncateText('ab😀', 3)).toBe('ab');
    expect(truncateText('ab😀c', 4)).toBe('ab😀');
  });
});
