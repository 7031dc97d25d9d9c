import { useLocalStorage } from '@mantine/hooks';
import type { TimelineItem } from '@kept/contract/api-types.ts';

export interface TimelinePreferences {
  newestFirst: boolean;
  hideSystem: boolean;
}

const DEFAULTS: TimelinePreferences = { newestFirst: false, hideSystem: false };

/**
 * How this person likes the timeline read: kept in the browser under their user id, so two
 * agents sharing a computer each keep their own choice and nothing is sent to the server.
 */
export function useTimelinePreferences(userId: string) {
  return useLocalStorage<TimelinePreferences>({
    key: `kept.timeline.${userId}`,
    defaultValue: DEFAULTS,
    getInitialValueInEffect: false,
  });
}

/** A system item: an event, or a message Kept wrote by itself (an acknowledgement). */
export function isSystemItem(item: TimelineItem): boolean {
  if (item.kind === 'message') return item.message?.author.kind === 'system';
  return true;
}

/** The items in the order and selection the preferences ask for (input already oldest first). */
export function arrangeTimeline(items: TimelineItem[], prefs: TimelinePreferences): TimelineItem[] {
  const kept = prefs.hideSystem ? items.filter((i) => !isSystemItem(i)) : items;
  return prefs.newestFirst ? [...kept].reverse() : kept;
}
