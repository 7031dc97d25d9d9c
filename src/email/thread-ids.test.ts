import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../tests/support/linear-time.test-kit.ts';
import { bareMessageId } from './thread-ids.ts';

describe('bareMessageId', () => {
  it('drops the angle brackets and the spaces around them', () => {
    expect(bareMessageId(' <abc@host> ')).toBe('abc@host');
    expect(bareMessageId('<<abc@host>>')).toBe('abc@host');
    expect(bareMessageId('abc@host')).toBe('abc@host');
    expect(bareMessageId('<>')).toBe('');
    expect(bareMessageId('>>>')).toBe('');
  });

  describe('hostile input (issue 14)', () => {
    const shapes = { 'closing brackets, then a letter': (n: number) => `${'>'.repeat(n)}x` };
    itIsLinearOnHostileText('bareMessageId', bareMessageId, { shapes });
  });
});
