import { describe, expect, it } from 'vitest';
import {
  encodePresenceSignal,
  parseAccessSignal,
  parseDeskSignal,
  parseDeskSignals,
  parsePresenceSignal,
} from './live-signals.ts';

const W = '11111111-1111-4111-8111-111111111111';
const C = '22222222-2222-4222-8222-222222222222';
const U = '33333333-3333-4333-8333-333333333333';

describe('store notification payloads', () => {
  it('reads the events trigger payload (with the spaces PostgreSQL json_build_object writes)', () => {
    expect(parseDeskSignal(`{"w" : "${W}", "c" : "${C}", "k" : "message.received"}`)).toEqual({
      kind: 'desk',
      workspaceId: W,
      caseId: C,
      what: 'message.received',
    });
    expect(parseDeskSignal(`{"w" : "${W}", "c" : null, "k" : "mailbox.failing"}`)?.caseId).toBeNull();
  });

  it('drops what is not ours instead of throwing', () => {
    for (const payload of [
      '',
      'not json',
      '[]',
      '{"w":"x","c":null,"k":"a"}',
      `{"w":"${W}","c":null}`,
      'x'.repeat(9000),
    ]) {
      expect(parseDeskSignal(payload)).toBeNull();
      expect(parsePresenceSignal(payload)).toBeNull();
    }
    expect(parsePresenceSignal(JSON.stringify({ w: W, c: C, u: U, a: 'typing', t: 1 }))).toBeNull();
  });

  it('round-trips a presence heartbeat and a leave', () => {
    for (const activity of ['viewing', 'replying', 'left'] as const) {
      const signal = { workspaceId: W, caseId: C, userId: U, activity, at: 1_765_000_000_000 };
      expect(parsePresenceSignal(encodePresenceSignal(signal))).toEqual(signal);
    }
  });

  it('reads the access triggers payload (a session, token or person ended) and drops a malformed one', () => {
    expect(parseAccessSignal(`{"u" : "${U}"}`)).toEqual({ kind: 'access', userId: U });
    for (const payload of ['', '{"u":"x"}', '{}', 'null']) expect(parseAccessSignal(payload)).toBeNull();
  });

  it('reads the changes of a statement gathered in one notice, skipping entries that are not ours', () => {
    const payload = JSON.stringify({ w: W, e: [[C, 'message.received'], [null, 'mailbox.failing'], ['x', 'a'], 7] });
    expect(parseDeskSignals(payload)).toEqual([
      { kind: 'desk', workspaceId: W, caseId: C, what: 'message.received' },
      { kind: 'desk', workspaceId: W, caseId: null, what: 'mailbox.failing' },
    ]);
    expect(parseDeskSignals(`{"w" : "${W}", "c" : null, "k" : "case.opened"}`)).toHaveLength(1);
    expect(parseDeskSignals('{"w":"x","e":[]}')).toEqual([]);
  });
});
