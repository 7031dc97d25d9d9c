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
  inPortal: false,
  emailPortalSurveys: true,
};
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe('decideSurveySend', () => {
  it('sends to a customer never surveyed, with an address and nothing open', () => {
    expect(decideSurveySend(clear)).toEqual({ send: true, via: ['email'] });
  });

  it('holds a second survey inside the 30 days, and sends one after them', () => {
    expect(decideSurveySend({ ...clear, lastSentAt: daysAgo(29) })).toEqual({
      send: false,
      reason: 'recently_surveyed',
    });
    expect(decideSurveySend({ ...clear, lastSentAt: daysAgo(30) })).toEqual({ send: true, via: ['email'] });
  });

  it('follows the workspace’s own throttle', () => {
    expect(decideSurveySend({ ...clear, throttleDays: 7, lastSentAt: daysAgo(8) })).toEqual({
      send: true,
      via: ['email'],
    });
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

  it('offers a portal case’s survey in the portal, by e-mail too only where wanted and the address works', () => {
    const portal = { ...clear, inPortal: true };
    expect(decideSurveySend(portal)).toEqual({ send: true, via: ['portal', 'email'] });
    expect(decideSurveySend({ ...portal, emailPortalSurveys: false })).toEqual({ send: true, via: ['portal'] });
    // No address or a bounced one holds back the e-mail, not the portal's survey.
    expect(decideSurveySend({ ...portal, address: null })).toEqual({ send: true, via: ['portal'] });
    expect(decideSurveySend({ ...portal, addressBounced: true })).toEqual({ send: true, via: ['portal'] });
  });

  it('holds a portal survey back by the same rules as an e-mailed one', () => {
    const portal = { ...clear, inPortal: true };
    expect(decideSurveySend({ ...portal, optedOut: true })).toEqual({ send: false, reason: 'opted_out' });
    expect(decideSurveySend({ ...portal, openEscalation: true })).toEqual({ send: false, reason: 'escalation_open' });
    expect(decideSurveySend({ ...portal, openComplaint: true })).toEqual({ send: false, reason: 'complaint_open' });
    expect(decideSurveySend({ ...portal, lastSentAt: daysAgo(3) })).toEqual({
      send: false,
      reason: 'recently_surveyed',
    });
    expect(decideSurveySend({ ...portal, enabled: false })).toEqual({ send: false, reason: 'surveys_off' });
  });
});
