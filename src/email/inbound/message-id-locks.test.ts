import { describe, expect, it } from 'vitest';
import { MAX_CLAIMED_IDS, threadClaimIds } from './message-id-locks.ts';

describe('threadClaimIds', () => {
  it('names the direct parent first, then the newest references, bare, once each, a few at most', () => {
    const references = Array.from({ length: 30 }, (_, i) => `<r${i}@x.test>`);
    const ids = threadClaimIds(['<p@x.test>'], [...references, '<p@x.test>']);
    expect(ids[0]).toBe('p@x.test');
    expect(ids[1]).toBe('r29@x.test');
    expect(ids).toHaveLength(MAX_CLAIMED_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(threadClaimIds([], [])).toEqual([]);
  });
});
