import { describe, expect, it } from 'vitest';
import { expectedByOf } from './expectation-choice.ts';

describe('expectedByOf', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('turns a choice into an instant in the workspace time zone', () => {
    expect(expectedByOf('hour', now, 'UTC').toISOString()).toBe('2026-03-02T11:00:00.000Z');
    expect(expectedByOf('today', now, 'UTC').toISOString()).toBe('2026-03-02T23:59:00.000Z');
    expect(expectedByOf('tomorrow', now, 'Asia/Jerusalem').toISOString()).toBe('2026-03-03T21:59:00.000Z');
    expect(expectedByOf('week', now, 'UTC').toISOString()).toBe('2026-03-09T23:59:00.000Z');
  });
});
