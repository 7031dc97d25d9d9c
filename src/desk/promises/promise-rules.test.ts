import { describe, expect, it } from 'vitest';
import { KeptError } from '../../errors/kept-error.ts';
import { PROMISE_KINDS, assertDueInFuture, classifyDelivery, isPromiseKind, reminderTime } from './promise-rules.ts';

const t0 = new Date('2026-03-02T10:00:00.000Z');
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('PROMISE_KINDS', () => {
  it('lists the kinds of the API', () => {
    expect(PROMISE_KINDS).toEqual(['first_response', 'resolution', 'callback', 'refund', 'delivery', 'other']);
    expect(isPromiseKind('callback')).toBe(true);
    expect(isPromiseKind('call_right_back')).toBe(false);
  });
});

describe('reminderTime', () => {
  it('reminds the lead time before due', () => {
    expect(reminderTime(t0, plus(240), 30)).toEqual(plus(210));
  });

  it('reminds at the midpoint when the promise is shorter than the lead', () => {
    expect(reminderTime(t0, plus(20), 30)).toEqual(plus(10));
    expect(reminderTime(t0, plus(30), 30)).toEqual(plus(15)); // exactly the lead: midpoint, not at creation
  });

  it('returns null when due is not after creation or there is no lead', () => {
    expect(reminderTime(t0, t0, 30)).toBeNull();
    expect(reminderTime(t0, plus(-5), 30)).toBeNull();
    expect(reminderTime(t0, plus(60), 0)).toBeNull();
  });
});

describe('assertDueInFuture', () => {
  const fieldOf = (fn: () => void) => {
    try {
      fn();
      return null;
    } catch (e) {
      if (!(e instanceof KeptError)) throw e;
      return [e.code, e.location.field];
    }
  };

  it('accepts a future due time', () => {
    expect(fieldOf(() => assertDueInFuture(plus(1), t0))).toBeNull();
  });

  it('refuses now and the past', () => {
    expect(fieldOf(() => assertDueInFuture(t0, t0))).toEqual(['promise.due_in_past', 'dueAt']);
    expect(fieldOf(() => assertDueInFuture(plus(-60), t0))).toEqual(['promise.due_in_past', 'dueAt']);
  });

  it('refuses an invalid date', () => {
    expect(fieldOf(() => assertDueInFuture(new Date('not a date'), t0))).toEqual(['request.invalid', 'dueAt']);
  });
});

describe('classifyDelivery', () => {
  it('is late after the due instant, with no grace', () => {
    expect(classifyDelivery(plus(60), plus(61))).toBe('late');
    expect(classifyDelivery(plus(60), new Date(plus(60).getTime() + 1000))).toBe('late');
  });

  it('is on time up to the due instant', () => {
    expect(classifyDelivery(plus(60), plus(60))).toBe('on_time');
    expect(classifyDelivery(plus(60), plus(50))).toBe('on_time');
  });

  it('is early 15 minutes or more before due without a creation time', () => {
    expect(classifyDelivery(plus(60), plus(45))).toBe('early');
    expect(classifyDelivery(plus(60), plus(46))).toBe('on_time');
  });

  it('needs 10% of a long promise to count as early', () => {
    const week = 7 * 24 * 60; // 10% = 16.8 hours
    expect(classifyDelivery(plus(week), plus(week - 60), t0)).toBe('on_time');
    expect(classifyDelivery(plus(week), plus(week - 17 * 60), t0)).toBe('early');
  });

  it('keeps the 15-minute floor for short promises', () => {
    expect(classifyDelivery(plus(60), plus(50), t0)).toBe('on_time'); // 10% = 6 min, but < 15
    expect(classifyDelivery(plus(60), plus(40), t0)).toBe('early');
  });
});
