import { describe, expect, it } from 'vitest';
import { decideSurveySend, type SurveyFactsForThrottle } from './survey-throttle.ts';

const NOW = new Date('2026-03-10T10:00:00Z');
const clear: SurveyFactsForThrottle = {
  now: NOW,
  enabled: true,
  throttleDays: 30,
  lastSentAt: null,
  openEscalation: false,
  openComplaint: false,
  address: 'lena@example.test',
  addressBounced: false,
  optedOut: false,
};
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe('decideSurveySend', () => {
  it('sends to a customer never surveyed, with an address and nothing open', () => {
    expect(decideSurveySend(clear)).toEqual({ send: true });
  });

  it('holds a second survey inside the 30 days, and sends one after them', () => {
    expect(decideSurveySend({ ...clear, lastSentAt: daysAgo(29) })).toEqual({
      send: false,
      reason: 'recently_surveyed',
    });
    expect(decideSurveySend({ ...clear, lastSentAt: daysAgo(30) })).toEqual({ send: true });
  });

  it('follows the workspace’s own throttle', () => {
    expect(decideSurveySend({ ...clear, throttleDays: 7, lastSentAt: daysAgo(8) })).toEqual({ send: true });
    expect(decideSurveySend({ ...clear, throttleDays: 90, lastSentAt: daysAgo(60) }).send).toBe(false);
  });

  it('never surveys while an escalation or a complaint is open', () => {
    expect(decideSurveySend({ ...clear, openEscalation: true })).toEqual({ send: false, reason: 'escalation_open' });
    expect(decideSurveySend({ ...clear, openComplaint: true })).toEqual({ send: false, reason: 'complaint_open' });
  });

  it('never writes to a bounced, opted-out or missing address', () => {
    expect(decideSurveySend({ ...clear, addressBounced: true })).toEqual({ send: false, reason: 'address_bounced' });
    expect(decideSurveySend({ ...clear, optedOut: true })).toEqual({ send: false, reason: 'opted_out' });
    expect(decideSurveySend({ ...clear, address: null })).toEqual({ send: false, reason: 'no_address' });
  });

  it('sends nothing when the workspace turned surveys off', () => {
    expect(decideSurveySend({ ...clear, enabled: false })).toEqual({ send: false, reason: 'surveys_off' });
  });
});
