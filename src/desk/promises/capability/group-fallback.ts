// Similar work: the most specific group of completed durations with enough history. A quote
// from 3 callbacks is noise, so a thin group falls back to a broader one.

/** A group needs at least this many completed durations to be quoted from (documented in docs/PROMISES.md). */
export const MIN_GROUP_SIZE = 20;

export interface SampleKeys {
  channel: string;
  language: string | null;
  priority: string;
  teamId: string | null;
  category: string | null;
}

export interface DurationSample extends SampleKeys {
  minutes: number;
  businessMinutes: number | null;
}

/** From the most specific to the broadest; the last one is every duration of the kind. */
export const GROUP_LEVELS: ReadonlyArray<{ name: string; keys: ReadonlyArray<keyof SampleKeys> }> = [
  { name: 'channel+language+priority+team+category', keys: ['channel', 'language', 'priority', 'teamId', 'category'] },
  { name: 'channel+language+priority+team', keys: ['channel', 'language', 'priority', 'teamId'] },
  { name: 'channel+language+priority', keys: ['channel', 'language', 'priority'] },
  { name: 'channel+language', keys: ['channel', 'language'] },
  { name: 'channel', keys: ['channel'] },
  { name: 'kind', keys: [] },
];

/**
 * The first level, most specific first, whose matching samples number at least `minSize`.
 * Null when even the whole kind is thinner than that: there is no capability to quote from.
 */
export function chooseGroup<S extends DurationSample>(
  samples: readonly S[],
  target: SampleKeys,
  minSize = MIN_GROUP_SIZE,
): { level: string; samples: S[] } | null {
  for (const level of GROUP_LEVELS) {
    const matching = samples.filter((s) => level.keys.every((k) => s[k] === target[k]));
    if (matching.length >= minSize) return { level: level.name, samples: matching };
  }
  return null;
}
