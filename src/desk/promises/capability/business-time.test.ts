import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  instantOfLocal,
  officeHours,
  zoneOffsetMinutes,
} from './business-time.ts';

const iso = (s: string) => new Date(s);

describe('business-minute arithmetic', () => {
  const utc = officeHours('UTC');

  it('adds inside one day', () => {
    expect(addBusinessMinutes(iso('2026-03-02T10:00:00Z'), 90, utc).toISOString()).toBe('2026-03-02T11:30:00.000Z');
  });

  it('carries over the evening into the next morning', () => {
    // Monday 16:00 + 3 h = 1 h Monday + 2 h Tuesday → Tuesday 11:00
    expect(addBusinessMinutes(iso('2026-03-02T16:00:00Z'), 180, utc).toISOString()).toBe('2026-03-03T11:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 2026-03-06 16:30 + 60 min → Monday 09:30
    expect(addBusinessMinutes(iso('2026-03-06T16:30:00Z'), 60, utc).toISOString()).toBe('2026-03-09T09:30:00.000Z');
    // asked on a Saturday: starts counting Monday 09:00
    expect(addBusinessMinutes(iso('2026-03-07T12:00:00Z'), 30, utc).toISOString()).toBe('2026-03-09T09:30:00.000Z');
  });

  it('skips holidays', () => {
    const withHoliday = officeHours('UTC', ['2026-03-09']);
    expect(addBusinessMinutes(iso('2026-03-06T16:30:00Z'), 60, withHoliday).toISOString()).toBe(
      '2026-03-10T09:30:00.000Z',
    );
  });

  it('counts in the calendar’s time zone (Jerusalem works Sunday–Thursday)', () => {
    const day = [[9 * 60, 17 * 60]] as const;
    const jerusalem = { timeZone: 'Asia/Jerusalem', weeklyHours: [day, day, day, day, day, [], []], holidays: [] };
    // Thursday 2026-03-05 16:00 local (14:00Z, UTC+2) + 2 h → 1 h Thursday, Friday/Saturday closed, Sunday 10:00 local = 08:00Z
    expect(addBusinessMinutes(iso('2026-03-05T14:00:00Z'), 120, jerusalem).toISOString()).toBe(
      '2026-03-08T08:00:00.000Z',
    );
  });

  it('stays on the local clock across a DST change (New York, 8 March 2026)', () => {
    const ny = officeHours('America/New_York');
    // Friday 6 March 16:00 EST (21:00Z) + 2 h → Monday 9 March 10:00 EDT = 14:00Z (offset changed over the weekend)
    expect(addBusinessMinutes(iso('2026-03-06T21:00:00Z'), 120, ny).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(zoneOffsetMinutes(iso('2026-03-06T21:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(iso('2026-03-09T14:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('measures a 24/7 calendar across the spring-forward night as the real 23 hours', () => {
    const always = {
      timeZone: 'Europe/Berlin',
      weeklyHours: Array.from({ length: 7 }, () => [[0, 1440]] as const),
      holidays: [],
    };
    // 29 March 2026 is 23 hours long in Berlin
    const start = instantOfLocal(2026, 3, 29, 0, 'Europe/Berlin');
    const end = instantOfLocal(2026, 3, 30, 0, 'Europe/Berlin');
    expect(businessMinutesBetween(start, end, always)).toBe(23 * 60);
  });

  it('measures business minutes between two instants, inverse of adding', () => {
    const from = iso('2026-03-06T15:00:00Z');
    const to = addBusinessMinutes(from, 600, utc);
    expect(businessMinutesBetween(from, to, utc)).toBe(600);
    expect(businessMinutesBetween(to, from, utc)).toBe(0);
  });

  it('refuses a calendar without hours', () => {
    expect(() =>
      addBusinessMinutes(iso('2026-03-02T10:00:00Z'), 10, { timeZone: 'UTC', weeklyHours: [], holidays: [] }),
    ).toThrow(RangeError);
  });
});
