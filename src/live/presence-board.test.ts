import { describe, expect, it } from 'vitest';
import { PresenceBoard } from './presence-board.ts';
import type { PresenceSignal } from './live-signals.ts';

const W = '11111111-1111-4111-8111-111111111111';
const C = '22222222-2222-4222-8222-222222222222';
const TOM = '33333333-3333-4333-8333-333333333333';
const SAM = '44444444-4444-4444-8444-444444444444';
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const beat = (userId: string, activity: PresenceSignal['activity'], at: number): PresenceSignal => ({
  workspaceId: W,
  caseId: C,
  userId,
  activity,
  at,
});

describe('PresenceBoard', () => {
  it('lists who is on a case, earliest first, and says when what viewers see changed', () => {
    const board = new PresenceBoard(30_000);
    expect(board.apply(beat(TOM, 'viewing', T0), T0)).toBe(true);
    expect(board.apply(beat(SAM, 'replying', T0 + 1_000), T0 + 1_000)).toBe(true);
    // A renewed heartbeat of the same activity changes nothing anyone sees.
    expect(board.apply(beat(TOM, 'viewing', T0 + 10_000), T0 + 10_000)).toBe(false);
    expect(board.people(W, C, T0 + 10_000).map((p) => [p.userId, p.activity, p.since])).toEqual([
      [TOM, 'viewing', T0],
      [SAM, 'replying', T0 + 1_000],
    ]);
    expect(board.apply(beat(TOM, 'replying', T0 + 12_000), T0 + 12_000)).toBe(true);
    expect(board.people(W, C, T0 + 12_000)[1]).toMatchObject({ userId: TOM, activity: 'replying', since: T0 + 12_000 });
  });

  it('forgets a person who left, and one whose heartbeats stopped, once', () => {
    const board = new PresenceBoard(30_000);
    board.apply(beat(TOM, 'viewing', T0), T0);
    board.apply(beat(SAM, 'viewing', T0 + 20_000), T0 + 20_000);
    expect(board.apply(beat(SAM, 'left', T0 + 21_000), T0 + 21_000)).toBe(true);
    expect(board.apply(beat(SAM, 'left', T0 + 21_000), T0 + 21_000)).toBe(false);
    expect(board.people(W, C, T0 + 29_999).map((p) => p.userId)).toEqual([TOM]);
    expect(board.people(W, C, T0 + 30_000)).toEqual([]);
    expect(board.sweep(T0 + 30_000)).toEqual([{ workspaceId: W, caseId: C }]);
    expect(board.sweep(T0 + 31_000)).toEqual([]);
  });

  it('ignores a heartbeat that arrives already expired, and keeps workspaces apart', () => {
    const board = new PresenceBoard(30_000);
    expect(board.apply(beat(TOM, 'viewing', T0), T0 + 30_000)).toBe(false);
    board.apply(beat(TOM, 'viewing', T0), T0);
    expect(board.people('55555555-5555-4555-8555-555555555555', C, T0)).toEqual([]);
  });
});
