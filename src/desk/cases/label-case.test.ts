import { describe, expect, it } from 'vitest';
import { normalizeTag } from './label-case.ts';

describe('a tag as stored', () => {
  it('is trimmed, its spaces tidied and lower case, in any script', () => {
    expect(normalizeTag('  VIP   Customer ')).toBe('vip customer');
    expect(normalizeTag('Возврат')).toBe('возврат');
    expect(normalizeTag('استرداد')).toBe('استرداد');
    expect(normalizeTag('   ')).toBe('');
  });
});
