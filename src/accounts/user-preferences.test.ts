import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, withDefaults } from './user-preferences.ts';

describe('withDefaults', () => {
  it('answers the defaults for a first visit', () => {
    expect(withDefaults(null)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps what was saved and fills a preference saved before it existed', () => {
    expect(withDefaults({ timeline: { newestFirst: true, hideSystem: true } })).toEqual({
      timeline: { newestFirst: true, hideSystem: true, foldKeptPromises: true },
    });
  });

  it('ignores fields it does not know and values of the wrong type', () => {
    expect(withDefaults({ timeline: { newestFirst: 'yes', other: true }, colour: 'red' })).toEqual(DEFAULT_PREFERENCES);
  });
});
