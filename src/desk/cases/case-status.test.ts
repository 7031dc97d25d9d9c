import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  assertTransition,
  canTransition,
  isReopening,
  statusAfterCustomerMessage,
} from './case-status.ts';

describe('case status machine', () => {
  const allowed = new Set([
    'new>open',
    'new>waiting_on_customer',
    'new>resolved',
    'open>waiting_on_customer',
    'open>resolved',
    'waiting_on_customer>open',
    'waiting_on_customer>resolved',
    'resolved>open',
    'resolved>closed',
    'closed>open',
  ]);

  // Exhaustive: every pair of statuses is either in the table above or refused.
  for (const from of CASE_STATUSES) {
    for (const to of CASE_STATUSES) {
      const key = `${from}>${to}`;
      it(`${allowed.has(key) ? 'allows' : 'refuses'} ${key}`, () => {
        expect(canTransition(from, to)).toBe(allowed.has(key));
        if (allowed.has(key)) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrowError(/cannot move/);
      });
    }
  }

  it('has an entry for every status', () => {
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('counts only resolved/closed → open as a reopening', () => {
    expect(isReopening('resolved', 'open')).toBe(true);
    expect(isReopening('closed', 'open')).toBe(true);
    expect(isReopening('waiting_on_customer', 'open')).toBe(false);
  });

  it('reopens a case when the customer writes again', () => {
    expect(statusAfterCustomerMessage('closed')).toBe('open');
    expect(statusAfterCustomerMessage('resolved')).toBe('open');
    expect(statusAfterCustomerMessage('waiting_on_customer')).toBe('open');
    expect(statusAfterCustomerMessage('new')).toBe('new');
  });
});
