import { describe, expect, it } from 'vitest';
import { officeHours } from './business-time.ts';
import { chooseGroup, MIN_GROUP_SIZE, type DurationSample } from './group-fallback.ts';
import { checkAgainstQuote, computeQuote } from './quote-rules.ts';
import { describeSpan, roundUpForCustomer, roundingStepFor } from './quote-rounding.ts';

const keys = { channel: 'email', language: 'en', priority: 'normal', teamId: null, category: null };
const sample = (minutes: number, over: Partial<DurationSample> = {}): DurationSample => ({
  ...keys,
  minutes,
  businessMinutes: null,
  ...over,
});

describe('thin-group fallback', () => {
  it('uses the most specific group with enough history', () => {
    const samples = [
      ...Array.from({ length: 25 }, () => sample(60)),
      ...Array.from({ length: 40 }, () => sample(600, { language: 'ar' })),
    ];
    expect(chooseGroup(samples, keys)!.level).toBe('channel+language+priority+team+category');
    expect(chooseGroup(samples, keys)!.samples).toHaveLength(25);
  });

  it('falls back to broader groups when a group is thin', () => {
    const samples = [
      ...Array.from({ length: 5 }, () => sample(60, { language: 'he' })),
      ...Array.from({ length: 40 }, () => sample(600)),
    ];
    const group = chooseGroup(samples, { ...keys, language: 'he' })!;
    expect(group.level).toBe('channel');
    expect(group.samples).toHaveLength(45);
    const onlyKind = chooseGroup([...Array.from({ length: 30 }, () => sample(10, { channel: 'chat' }))], {
      ...keys,
      channel: 'fax',
    })!;
    expect(onlyKind.level).toBe('kind');
  });

  it('has no quote below the minimum history', () => {
    expect(
      chooseGroup(
        Array.from({ length: MIN_GROUP_SIZE - 1 }, () => sample(60)),
        keys,
      ),
    ).toBeNull();
  });
});

describe('rounding a quote for the customer', () => {
  it('rounds up by a step that grows with the size', () => {
    expect(roundingStepFor(45)).toBe('quarter_hour');
    expect(roundingStepFor(300)).toBe('half_hour');
    expect(roundingStepFor(1440)).toBe('hour');
    expect(roundingStepFor(4000)).toBe('day');
    expect(roundUpForCustomer(new Date('2026-03-02T10:07:00Z'), 45, 'UTC').at.toISOString()).toBe(
      '2026-03-02T10:15:00.000Z',
    );
    expect(roundUpForCustomer(new Date('2026-03-02T10:31:00Z'), 300, 'UTC').at.toISOString()).toBe(
      '2026-03-02T11:00:00.000Z',
    );
    expect(roundUpForCustomer(new Date('2026-03-02T10:00:00Z'), 300, 'UTC').at.toISOString()).toBe(
      '2026-03-02T10:00:00.000Z',
    );
    expect(roundUpForCustomer(new Date('2026-03-03T11:05:00Z'), 1500, 'UTC').at.toISOString()).toBe(
      '2026-03-03T12:00:00.000Z',
    );
    expect(roundUpForCustomer(new Date('2026-03-05T09:00:00Z'), 4000, 'UTC').at.toISOString()).toBe(
      '2026-03-05T23:59:00.000Z',
    );
  });

  it('rounds on the local clock of a half-hour time zone', () => {
    // 10:07Z is 15:37 in Kolkata (+5:30); hour rounding → 16:00 local = 10:30Z
    expect(roundUpForCustomer(new Date('2026-03-02T10:07:00Z'), 1500, 'Asia/Kolkata').at.toISOString()).toBe(
      '2026-03-02T10:30:00.000Z',
    );
  });

  it('describes spans', () => {
    expect(describeSpan(60)).toBe('60 min');
    expect(describeSpan(300)).toBe('5 h');
    expect(describeSpan(330)).toBe('5.5 h');
    expect(describeSpan(4 * 1440)).toBe('4 days');
  });
});

describe('computeQuote', () => {
  const now = new Date('2026-03-02T10:00:00Z'); // a Monday
  const samples = Array.from({ length: 100 }, (_, i) => sample(i + 1, { businessMinutes: (i + 1) * 3 }));

  it('is the chosen percentile, rounded up', () => {
    const q = computeQuote({
      kind: 'callback',
      target: keys,
      samples,
      percentile: 90,
      now,
      calendar: null,
      timeZone: 'UTC',
    })!;
    expect(q.minutes).toBe(90);
    expect(q.exactDueAt.toISOString()).toBe('2026-03-02T11:30:00.000Z');
    expect(q.dueAt.toISOString()).toBe('2026-03-02T11:30:00.000Z');
    const q80 = computeQuote({
      kind: 'callback',
      target: keys,
      samples,
      percentile: 80,
      now,
      calendar: null,
      timeZone: 'UTC',
    })!;
    expect(q80.minutes).toBe(80);
  });

  it('never tells a time less than one rounding step away', () => {
    const quick = Array.from({ length: 20 }, () => sample(0.1));
    const justBefore = new Date('2026-03-02T10:29:50Z');
    const q = computeQuote({
      kind: 'first_response',
      target: keys,
      samples: quick,
      percentile: 90,
      now: justBefore,
      calendar: null,
      timeZone: 'UTC',
    })!;
    expect(q.exactDueAt.getTime() - justBefore.getTime()).toBeLessThan(60_000);
    // Not "by 10:30", ten seconds away: one quarter hour on, rounded up.
    expect(q.dueAt.toISOString()).toBe('2026-03-02T10:45:00.000Z');
  });

  it('counts business minutes through the calendar', () => {
    const q = computeQuote({
      kind: 'callback',
      target: keys,
      samples,
      percentile: 90,
      now: new Date('2026-03-06T16:00:00Z'),
      calendar: officeHours('UTC'),
      timeZone: 'UTC',
    })!;
    expect(q.businessHours).toBe(true);
    expect(q.minutes).toBe(270);
    // Friday 16:00 + 4.5 business hours = 1 h Friday + 3.5 h Monday → Monday 12:30
    expect(q.exactDueAt.toISOString()).toBe('2026-03-09T12:30:00.000Z');
  });

  it('warns about an over-promise with the numbers', () => {
    const hours = Array.from({ length: 50 }, (_, i) => sample(i < 45 ? 120 : 300));
    const q = computeQuote({
      kind: 'callback',
      target: keys,
      samples: hours,
      percentile: 90,
      now,
      calendar: null,
      timeZone: 'UTC',
    })!;
    expect(q.minutes).toBe(120);
    const fast = checkAgainstQuote(new Date(now.getTime() + 60 * 60_000), now, q, null);
    expect(fast).toEqual({
      overPromise: true,
      promisedMinutes: 60,
      warning: 'similar callbacks: 90% done within 2 h; you promised 60 min',
    });
    expect(checkAgainstQuote(new Date(now.getTime() + 180 * 60_000), now, q, null).overPromise).toBe(false);
    expect(checkAgainstQuote(new Date(now.getTime() + 10), now, null, null).overPromise).toBe(false);
  });
});
