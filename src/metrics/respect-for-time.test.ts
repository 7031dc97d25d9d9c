import { describe, expect, it } from 'vitest';
import { at, createEventStream } from '../events/event-stream-factory.ts';
import { computeRespectForTime } from './respect-for-time.ts';
import { waitingPeriods } from './waiting-periods.ts';

describe('computeRespectForTime', () => {
  it('is empty for no events', () => {
    expect(computeRespectForTime([], at(0))).toEqual({
      firstResponseMinutes: null,
      waits: [],
      totalWaitMinutes: 0,
      transfers: 0,
    });
  });

  it('does not count the acknowledgement as the first response', () => {
    const s = createEventStream();
    s.received(at(0));
    s.acknowledged(at(0, 1));
    s.sent(at(0, 95), 'u-ana');
    expect(computeRespectForTime(s.events, at(1)).firstResponseMinutes).toBe(95);
  });

  it('lists every waiting period, with the open one running to now', () => {
    const s = createEventStream();
    s.received(at(0));
    s.received(at(0, 10)); // a repeat while waiting does not start a new wait
    s.sent(at(0, 60), 'u-ana');
    s.note(at(0, 70), 'u-ana'); // a note is not an answer
    s.received(at(1));
    s.handedOff(at(1, 5), 'u-ana', 'u-ben');
    s.handedOff(at(1, 10), 'u-ben', 'u-cleo');
    const r = computeRespectForTime(s.events, at(1, 30));
    expect(r.firstResponseMinutes).toBe(60);
    expect(r.waits).toEqual([
      { from: at(0), to: at(0, 60), minutes: 60 },
      { from: at(1), to: null, minutes: 30 },
    ]);
    expect(r.totalWaitMinutes).toBe(90);
    expect(r.transfers).toBe(2);
  });

  it('ignores an outbound message sent before the customer first wrote', () => {
    const s = createEventStream();
    s.sent(at(0), 'u-ana'); // we wrote first (e.g. a follow-up)
    s.received(at(1));
    s.sent(at(1, 20), 'u-ana');
    const r = computeRespectForTime(s.events, at(2));
    expect(r.firstResponseMinutes).toBe(20);
    expect(r.waits).toEqual([{ from: at(1), to: at(1, 20), minutes: 20 }]);
  });

  it('has no first response while the customer is still waiting', () => {
    const s = createEventStream();
    s.received(at(0));
    const r = computeRespectForTime(s.events, at(0, 45));
    expect(r.firstResponseMinutes).toBeNull();
    expect(r.totalWaitMinutes).toBe(45);
  });
});

describe('waitingPeriods', () => {
  it('keeps waits per case and never goes negative when now is before the message', () => {
    const a = createEventStream({ caseId: 'a' });
    const b = createEventStream({ caseId: 'b' });
    a.received(at(0));
    b.received(at(0, 30));
    b.sent(at(0, 40), 'u-ben');
    const periods = waitingPeriods([...a.events, ...b.events], at(0, 60));
    expect(periods).toEqual([
      { caseId: 'a', from: at(0), to: null, minutes: 60 },
      { caseId: 'b', from: at(0, 30), to: at(0, 40), minutes: 10 },
    ]);
    expect(waitingPeriods(a.events, at(-1))[0]?.minutes).toBe(0);
  });
});
