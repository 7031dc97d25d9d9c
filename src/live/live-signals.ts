// The payloads of the store's two notification channels, read and written in one place. A payload
// is what crosses instances (PostgreSQL NOTIFY, or PGlite's in-process notify), so it is checked
// like any input: a malformed one is dropped, never thrown into the listener.
import type { Change } from '../kernel/change-notice.ts';
import { PRESENCE_ACTIVITIES, type PresenceActivity } from '../kernel/domain-words.ts';

/** Written by the events table's trigger (migrations live_desk, live_batched_notices): one change or a batch. */
export const DESK_CHANNEL = 'kept_changes';
/** Written by the sessions', API tokens' and users' triggers (migration live_limits): `{"u": user}`. */
export const ACCESS_CHANNEL = 'kept_access';
/** Written by `LiveHub.notePresence`: one person's heartbeat or leave on a case. */
export const PRESENCE_CHANNEL = 'kept_presence';

export interface PresenceSignal {
  workspaceId: string;
  caseId: string;
  userId: string;
  /** `left`: the person closed the case (an expiry needs no signal). */
  activity: PresenceActivity | 'left';
  /** The sender's clock (ms): a heartbeat expires relative to it. */
  at: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

function parseObject(payload: string): Record<string, unknown> | null {
  // NOTIFY payloads are under 8,000 bytes; anything longer is not ours.
  if (payload.length > 8_000) return null;
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type DeskChange = Extract<Change, { kind: 'desk' }>;
const isType = (value: unknown): value is string => typeof value === 'string' && value.length <= 100;

export function parseDeskSignal(payload: string): DeskChange | null {
  const o = parseObject(payload);
  if (!o || !isId(o.w) || !(o.c === null || isId(o.c)) || !isType(o.k)) return null;
  return { kind: 'desk', workspaceId: o.w, caseId: o.c, what: o.k };
}

/**
 * Either payload the events trigger may write: one change `{"w","c","k"}`, or a statement's changes of one
 * workspace in one notice `{"w", "e": [[case|null, type], …]}`. Entries that are not ours are skipped.
 */
export function parseDeskSignals(payload: string): DeskChange[] {
  const o = parseObject(payload);
  if (!o || !isId(o.w)) return [];
  if (!Array.isArray(o.e)) {
    const one = parseDeskSignal(payload);
    return one ? [one] : [];
  }
  const workspaceId = o.w;
  return (o.e as unknown[]).flatMap((entry): DeskChange[] => {
    if (!Array.isArray(entry)) return [];
    const [c, k] = entry as unknown[];
    return (c === null || isId(c)) && isType(k) ? [{ kind: 'desk', workspaceId, caseId: c, what: k }] : [];
  });
}

export function parseAccessSignal(payload: string): Extract<Change, { kind: 'access' }> | null {
  const o = parseObject(payload);
  return o && isId(o.u) ? { kind: 'access', userId: o.u } : null;
}

export function encodePresenceSignal(signal: PresenceSignal): string {
  return JSON.stringify({
    w: signal.workspaceId,
    c: signal.caseId,
    u: signal.userId,
    a: signal.activity,
    t: signal.at,
  });
}

export function parsePresenceSignal(payload: string): PresenceSignal | null {
  const o = parseObject(payload);
  if (!o || !isId(o.w) || !isId(o.c) || !isId(o.u) || typeof o.t !== 'number' || !Number.isFinite(o.t)) return null;
  const activity = o.a === 'left' ? 'left' : (PRESENCE_ACTIVITIES as readonly unknown[]).includes(o.a) ? o.a : null;
  if (!activity) return null;
  return { workspaceId: o.w, caseId: o.c, userId: o.u, activity: activity as PresenceSignal['activity'], at: o.t };
}
