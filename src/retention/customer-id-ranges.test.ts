import { describe, expect, it } from 'vitest';
import { customerIdRanges } from './customer-id-ranges.ts';

describe('customer id ranges for a rebuild in parts', () => {
  it('covers the uuid space without gaps or overlaps', () => {
    expect(customerIdRanges(1)).toEqual([{ from: null, to: null }]);
    expect(customerIdRanges(2)).toEqual([
      { from: null, to: '80000000-0000-0000-0000-000000000000' },
      { from: '80000000-0000-0000-0000-000000000000', to: null },
    ]);
    const three = customerIdRanges(3);
    expect(three.map((r) => r.from)).toEqual([
      null,
      '55555555-0000-0000-0000-000000000000',
      'aaaaaaaa-0000-0000-0000-000000000000',
    ]);
    expect(three.slice(0, -1).map((r) => r.to)).toEqual(three.slice(1).map((r) => r.from));
  });
});
