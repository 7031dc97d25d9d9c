import { describe, expect, it } from 'vitest';
import { caseNumberFromAddress, replyToAddressFor, splitPlusAddress } from './reply-address.ts';

describe('reply-to plus-addresses', () => {
  it('builds support+k<number>@domain from the support address', () => {
    expect(replyToAddressFor(1042, 'Support@Example.com')).toBe('support+k1042@example.com');
    expect(replyToAddressFor(7, 'help+old@acme.test')).toBe('help+k7@acme.test');
  });
  it('reads the case number back, in any case', () => {
    expect(caseNumberFromAddress('SUPPORT+K1042@example.com')).toBe(1042);
    expect(caseNumberFromAddress('<support+k-12@example.com>')).toBe(12);
    expect(caseNumberFromAddress('support+orders@example.com')).toBeNull();
    expect(caseNumberFromAddress('support@example.com')).toBeNull();
  });
  it('splits the tag off and refuses what is not an address', () => {
    expect(splitPlusAddress('a+b+c@x.org')).toEqual({ base: 'a@x.org', tag: 'b+c' });
    expect(splitPlusAddress('nobody')).toBeNull();
    expect(splitPlusAddress('+x@y.z')).toBeNull();
  });
});
