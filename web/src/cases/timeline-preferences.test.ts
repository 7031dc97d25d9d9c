import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '@kept/contract/api-types.ts';
import { arrangeTimeline, DEFAULT_TIMELINE, isSystemItem, timelineWithDefaults } from './timeline-preferences.ts';

const message = (at: string, author: 'customer' | 'user' | 'system'): TimelineItem => ({
  kind: 'message',
  at,
  caseId: 'c1',
  message: {
    id: `m-${at}`,
    caseId: 'c1',
    direction: author === 'customer' ? 'inbound' : 'outbound',
    channel: 'email',
    internal: false,
    body: 'text',
    language: 'en',
    author: { kind: author, id: null, name: author },
    answeredAt: null,
    createdAt: at,
  },
});
const event = (at: string): TimelineItem => ({ kind: 'event', at, caseId: 'c1', eventType: 'case.status_changed' });

const items = [
  message('2026-03-01T09:00:00Z', 'customer'),
  message('2026-03-01T09:00:01Z', 'system'),
  event('2026-03-01T09:05:00Z'),
  message('2026-03-01T10:00:00Z', 'user'),
];

describe('the timeline as the reader chose it', () => {
  it('keeps everything oldest first by default', () => {
    expect(arrangeTimeline(items, { newestFirst: false, hideSystem: false })).toEqual(items);
  });

  it('turns the order round for newest first', () => {
    const at = arrangeTimeline(items, { newestFirst: true, hideSystem: false }).map((i) => i.at);
    expect(at).toEqual([...items].reverse().map((i) => i.at));
  });

  it('hides events and what Kept wrote by itself, never what people wrote', () => {
    expect(items.map(isSystemItem)).toEqual([false, true, true, false]);
    const left = arrangeTimeline(items, { newestFirst: true, hideSystem: true });
    expect(left.map((i) => i.message?.author.kind)).toEqual(['user', 'customer']);
  });
});

describe('timelineWithDefaults', () => {
  it('reads a copy kept before the fold existed over the defaults, and nothing as the defaults', () => {
    expect(timelineWithDefaults({ newestFirst: true, hideSystem: false })).toEqual({
      newestFirst: true,
      hideSystem: false,
      foldKeptPromises: true,
    });
    expect(timelineWithDefaults(null)).toEqual(DEFAULT_TIMELINE);
  });
});
