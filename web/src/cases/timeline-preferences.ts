import { useEffect, useRef } from 'react';
import { useLocalStorage } from '@mantine/hooks';
import type { TimelineItem } from '@kept/contract/api-types.ts';
import type { TimelinePreferences } from '@kept/contract/preference-types.ts';
import { preferenceApi } from '../api/preference-api.ts';

export type { TimelinePreferences };

export const DEFAULT_TIMELINE: TimelinePreferences = { newestFirst: false, hideSystem: false, foldKeptPromises: true };

/** A copy kept before a preference existed (or by hand) read over the defaults. */
export function timelineWithDefaults(value: Partial<TimelinePreferences> | null | undefined): TimelinePreferences {
  const out = { ...DEFAULT_TIMELINE };
  for (const key of Object.keys(out) as Array<keyof TimelinePreferences>) {
    if (typeof value?.[key] === 'boolean') out[key] = value[key];
  }
  return out;
}

/**
 * How this person likes the timeline read, kept on the server (issue 16) so it follows them to any
 * browser. The browser's copy (under their user id) shows at once and stands in when the server
 * cannot be reached; the server's answer replaces it unless they changed something meanwhile.
 */
export function useTimelinePreferences(userId: string): [TimelinePreferences, (next: TimelinePreferences) => void] {
  const [local, setLocal] = useLocalStorage<Partial<TimelinePreferences>>({
    key: `kept.timeline.${userId}`,
    defaultValue: DEFAULT_TIMELINE,
    getInitialValueInEffect: false,
  });
  const changedHere = useRef(false);
  useEffect(() => {
    let cancelled = false;
    changedHere.current = false;
    preferenceApi
      .get()
      .then((saved) => !cancelled && !changedHere.current && setLocal(saved.timeline))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [userId, setLocal]);
  const change = (next: TimelinePreferences) => {
    changedHere.current = true;
    setLocal(next);
    // Saved in the background: the screen already shows the choice, and the browser keeps it if this fails.
    preferenceApi.save({ timeline: next }).catch(() => undefined);
  };
  return [timelineWithDefaults(local), change];
}

/** A system item: an event, or a message Kept wrote by itself (an acknowledgement). */
export function isSystemItem(item: TimelineItem): boolean {
  if (item.kind === 'message') return item.message?.author.kind === 'system';
  return true;
}

/** The items in the order and selection the preferences ask for (input already oldest first). */
export function arrangeTimeline(
  items: TimelineItem[],
  prefs: Pick<TimelinePreferences, 'newestFirst' | 'hideSystem'>,
): TimelineItem[] {
  const kept = prefs.hideSystem ? items.filter((i) => !isSystemItem(i)) : items;
  return prefs.newestFirst ? [...kept].reverse() : kept;
}
