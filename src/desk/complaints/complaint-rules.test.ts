import { describe, expect, it } from 'vitest';
import { decideComplaint, type ComplaintState } from './complaint-rules.ts';

const none: ComplaintState = { isComplaint: false, kind: null, source: null, unmarkedAt: null };
const unmarked: ComplaintState = {
  ...none,
  kind: 'billing',
  source: 'agent',
  unmarkedAt: new Date('2026-03-02T10:00:00Z'),
};
const billing: ComplaintState = { isComplaint: true, kind: 'billing', source: 'customer_words', unmarkedAt: null };

describe('decideComplaint (K12: the table of allowed complaint changes)', () => {
  it('marks a case that is not a complaint, from every source', () => {
    for (const source of ['agent', 'customer_words', 'survey', 'supervisor_request'] as const)
      expect(decideComplaint(none, { action: 'mark', kind: 'unspecified', source })).toBe('marked');
  });

  it('does not let the customer’s words mark again what a person unmarked; other evidence does', () => {
    expect(decideComplaint(unmarked, { action: 'mark', kind: 'unspecified', source: 'customer_words' })).toBe(
      'unchanged',
    );
    expect(decideComplaint(unmarked, { action: 'mark', kind: 'unspecified', source: 'survey' })).toBe('marked');
    expect(decideComplaint(unmarked, { action: 'mark', kind: 'unspecified', source: 'supervisor_request' })).toBe(
      'marked',
    );
    expect(decideComplaint(unmarked, { action: 'mark', kind: 'delivery', source: 'agent' })).toBe('marked');
  });

  it('lets an agent change the kind of a complaint; the same kind, or an automatic source, changes nothing', () => {
    expect(decideComplaint(billing, { action: 'mark', kind: 'staff', source: 'agent' })).toBe('changed');
    expect(decideComplaint(billing, { action: 'mark', kind: 'billing', source: 'agent' })).toBe('unchanged');
    expect(decideComplaint(billing, { action: 'mark', kind: 'staff', source: 'survey' })).toBe('unchanged');
    expect(decideComplaint(billing, { action: 'mark', kind: 'unspecified', source: 'customer_words' })).toBe(
      'unchanged',
    );
  });

  it('unmarks a complaint, and refuses to unmark a case that is not one', () => {
    expect(decideComplaint(billing, { action: 'unmark' })).toBe('unmarked');
    expect(decideComplaint(none, { action: 'unmark' })).toBe('not_marked');
    expect(decideComplaint(unmarked, { action: 'unmark' })).toBe('not_marked');
  });
});
