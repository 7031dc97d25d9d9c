import { describe, expect, it } from 'vitest';
import { demoKindOfCase } from './demo-survey-context.ts';
import { fill, TOPICS } from './demo-messages.ts';

describe('the demo files each case under the kind of its topic', () => {
  it('reads the kind from the subject in every language, whatever fills the placeholders', () => {
    const values = { order: 'MC-48213', name: 'Rana', amount: '$49' };
    const kinds = TOPICS.map((topic) => Object.values(topic.subject).map((s) => demoKindOfCase(fill(s, values))));
    expect(kinds[0]).toEqual(['delivery', 'delivery', 'delivery', 'delivery']);
    expect(kinds[1]).toEqual(['billing', 'billing', 'billing', 'billing']);
    expect(kinds.flat()).not.toContain('other');
  });

  it('files anything else as "other"', () => {
    expect(demoKindOfCase('Hello?')).toBe('other');
    expect(demoKindOfCase(null)).toBe('other');
  });
});
