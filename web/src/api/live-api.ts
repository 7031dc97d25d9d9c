// Seeing changes live (issue 16): the one push connection of the page, and the presence and
// notification requests. The stream (Server-Sent Events, GET /api/v1/live) says what changed, never
// the data; screens subscribe and refetch what they show through their usual requests.
import type { CasePresenceResponse, LiveNotice, MyNoticesResponse } from '@kept/contract/live-types.ts';
import type { PresenceActivity } from '@kept/contract/domain-words.ts';
import { request } from './api-client.ts';

export type { CasePresenceResponse, LiveNotice, MyNoticesResponse };

type NoticeListener = (notice: LiveNotice) => void;
const listeners = new Set<NoticeListener>();
let source: EventSource | null = null;
let lostSinceOpen = false;
const RESYNC: LiveNotice = { kind: 'resync', caseId: null, what: null };

function dispatch(notice: LiveNotice): void {
  for (const listener of listeners) listener(notice);
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/live', { withCredentials: true });
  source.onmessage = (event: MessageEvent<string>) => {
    try {
      dispatch(JSON.parse(event.data) as LiveNotice);
    } catch {
      // A notice we cannot read is skipped; the next one or a resync brings the screen up to date.
    }
  };
  // EventSource reconnects by itself; whatever changed while it was away is unknown, so refetch all.
  source.onerror = () => {
    lostSinceOpen = true;
  };
  source.onopen = () => {
    if (lostSinceOpen) dispatch(RESYNC);
    lostSinceOpen = false;
  };
}

/** Subscribes to the page's push stream (opened with the first subscriber, closed with the last). */
export function subscribeLive(listener: NoticeListener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

export const liveApi = {
  presence: (caseId: string) => request<CasePresenceResponse>(`/cases/${encodeURIComponent(caseId)}/presence`),
  /** A heartbeat (every few seconds while the case is open) or `left` when it is closed. */
  beat: (caseId: string, activity: PresenceActivity | 'left') =>
    request<CasePresenceResponse>(`/cases/${encodeURIComponent(caseId)}/presence`, {
      method: 'POST',
      body: { activity },
      // A leave is often sent as the page goes away.
      keepalive: activity === 'left',
    }),
  notifications: () => request<MyNoticesResponse>('/notifications'),
  markSeen: (upTo: number) => request<void>('/notifications/seen', { method: 'POST', body: { upTo } }),
};
