import { describe, expect, it } from 'vitest';
import { referenceNumber, searchText } from './desk-search.ts';

describe('what a search box holds', () => {
  it('reads a case reference however it is typed', () => {
    expect(referenceNumber('K-5')).toBe(5);
    expect(referenceNumber(' k5 ')).toBe(5);
    expect(referenceNumber('#K-1042')).toBe(1042);
    expect(referenceNumber('K-')).toBeNull();
    expect(referenceNumber('48213')).toBeNull();
    expect(referenceNumber('Kate')).toBeNull();
    expect(referenceNumber(`K-${'9'.repeat(40)}`)).toBeNull();
  });

  it('keeps 200 characters of what was typed, trimmed', () => {
    expect(searchText('  laptop  ')).toBe('laptop');
    expect(searchText('x'.repeat(1_000_000))).toHaveLength(200);
  });
});
