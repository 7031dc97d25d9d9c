import { describe, expect, it } from 'vitest';
import { planChunks } from './import-chunks.ts';

describe('planChunks', () => {
  it('covers every bucket once, in contiguous ranges of about the asked rows', () => {
    const chunks = planChunks(200_000, 1_500);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(65_535);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]![0]).toBe(chunks[i - 1]![1] + 1);
    // 200,000 rows spread evenly over the buckets: 133–134 chunks of ~1,500.
    expect(chunks.length).toBeGreaterThanOrEqual(133);
    expect(chunks.length).toBeLessThanOrEqual(135);
  });

  it('one chunk for a small file, one bucket per chunk for a huge one', () => {
    expect(planChunks(3, 1_500)).toEqual([[0, 65_535]]);
    expect(planChunks(0, 1_500)).toEqual([[0, 65_535]]);
    expect(planChunks(1_000_000_000, 1_500)).toHaveLength(65_536);
  });
});
