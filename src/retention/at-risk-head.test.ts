import { describe, expect, it } from 'vitest';
import { pageFromHead, type AtRiskHead } from './at-risk-head.ts';

// Five customers scored; the head keeps the first three of the list's order (value at risk, risk, id).
//   order: a (risk 80), b (10), c (50) | not in the head: d (30), e (90, service only)
function head(ids: string[], risks: number[]): AtRiskHead {
  const byRisk = new Array<number>(101).fill(0);
  const serviceOnlyByRisk = new Array<number>(101).fill(0);
  for (const r of [80, 10, 50, 30, 90]) byRisk[r]! += 1;
  serviceOnlyByRisk[90] = 1;
  return { scoredAt: '2024-12-15T12:00:00.000Z', byRisk, serviceOnlyByRisk, ids, risks };
}

describe('the at-risk head', () => {
  const partial = head(['a', 'b', 'c'], [80, 10, 50]);

  it('answers a page it holds whole, at any threshold, with the counts at that threshold', () => {
    expect(pageFromHead(partial, { limit: 2, offset: 0, minRisk: 0 })).toEqual({
      ids: ['a', 'b'],
      total: 5,
      serviceOnly: 1,
    });
    expect(pageFromHead(partial, { limit: 2, offset: 0, minRisk: 20 })).toEqual({
      ids: ['a', 'c'],
      total: 4,
      serviceOnly: 1,
    });
  });

  it('declines a page that may reach past it, and the service-only scope', () => {
    expect(pageFromHead(partial, { limit: 2, offset: 1, minRisk: 20 })).toBeNull();
    expect(pageFromHead(partial, { limit: 3, offset: 0, minRisk: 0 })).toEqual({
      ids: ['a', 'b', 'c'],
      total: 5,
      serviceOnly: 1,
    });
    expect(pageFromHead(partial, { limit: 4, offset: 0, minRisk: 0 })).toBeNull();
    expect(pageFromHead(partial, { limit: 2, offset: 0, minRisk: 0, scope: 'service-only' })).toBeNull();
  });

  it('answers any page when it holds every scored customer', () => {
    const complete = head(['a', 'b', 'c', 'd', 'e'], [80, 10, 50, 30, 90]);
    expect(pageFromHead(complete, { limit: 50, offset: 0, minRisk: 40 })?.ids).toEqual(['a', 'c', 'e']);
    expect(pageFromHead(complete, { limit: 50, offset: 10, minRisk: 0 })?.ids).toEqual([]);
  });
});
