import { describe, expect, it } from 'vitest';
import { replayWithQuotes, type ReplayDuration, type ReplayPromise } from './simulate-quoting.ts';

describe('replayWithQuotes', () => {
  const history: ReplayDuration[] = Array.from({ length: 100 }, (_, i) => ({
    kind: 'callback',
    completedAt: new Date(Date.UTC(2026, 1, 1 + (i % 20))),
    minutes: (i % 10) * 60 + 60,
  }));
  // durations 60..600 minutes evenly: p90 = 540

  it('keeps a promise under the rule when the work took no longer than the quote', () => {
    const promises: ReplayPromise[] = [
      { kind: 'callback', createdAt: new Date('2026-03-02T10:00:00Z'), status: 'broken', actualMinutes: 300 }, // promised 1 h, took 5 h
      { kind: 'callback', createdAt: new Date('2026-03-02T11:00:00Z'), status: 'kept', actualMinutes: 30 },
      { kind: 'callback', createdAt: new Date('2026-03-02T12:00:00Z'), status: 'broken', actualMinutes: 700 },
      { kind: 'callback', createdAt: new Date('2026-03-02T12:00:00Z'), status: 'broken', actualMinutes: null },
    ];
    const r = replayWithQuotes(promises, history, 90);
    expect(r).toEqual({ promises: 4, actualKept: 1, simulatedKept: 2, quotedMinutes: 540 });
  });

  it('does not peek: history after the promise is not used, and thin history keeps the actual outcome', () => {
    const early: ReplayPromise[] = [
      { kind: 'callback', createdAt: new Date('2026-01-15T10:00:00Z'), status: 'broken', actualMinutes: 10 },
    ];
    expect(replayWithQuotes(early, history, 90)).toEqual({
      promises: 1,
      actualKept: 0,
      simulatedKept: 0,
      quotedMinutes: null,
    });
  });
});
