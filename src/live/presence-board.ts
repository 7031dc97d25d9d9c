// Who is on which case, as this instance has heard it. Each instance keeps its own board, fed by the
// same notifications (its own heartbeats come back through the store too), so all boards agree
// within a notification's trip. A heartbeat not renewed within the time to live expires: a closed
// laptop or a killed instance never leaves a ghost "is replying".
import type { PresenceActivity } from '../kernel/domain-words.ts';
import type { PresenceSignal } from './live-signals.ts';

/** Browsers beat every 10 s; three missed beats and the person is gone. */
export const PRESENCE_TTL_MS = 30_000;

export interface PresenceEntry {
  userId: string;
  activity: PresenceActivity;
  /** When this activity began (ms). */
  since: number;
  /** The last heartbeat (ms). */
  seenAt: number;
}

export interface CaseKey {
  workspaceId: string;
  caseId: string;
}

export class PresenceBoard {
  private readonly cases = new Map<string, Map<string, PresenceEntry>>();

  constructor(private readonly ttlMs = PRESENCE_TTL_MS) {}

  /** Applies a heartbeat or a leave; true when what the case's viewers see changed. */
  apply(signal: PresenceSignal, now: number): boolean {
    const key = keyOf(signal);
    const people = this.cases.get(key);
    const before = people?.get(signal.userId);
    if (signal.activity === 'left') {
      if (!before || !people) return false;
      people.delete(signal.userId);
      if (people.size === 0) this.cases.delete(key);
      return true;
    }
    // A beat older than the time to live (a delayed notification) would only expire at once.
    const seenAt = Math.min(signal.at, now);
    if (now - seenAt >= this.ttlMs) return false;
    const same = before?.activity === signal.activity;
    const entry = { userId: signal.userId, activity: signal.activity, since: same ? before.since : seenAt, seenAt };
    if (people) people.set(signal.userId, entry);
    else this.cases.set(key, new Map([[signal.userId, entry]]));
    return !same;
  }

  /** Everyone on the case whose heartbeat is still alive, earliest first. */
  people(workspaceId: string, caseId: string, now: number): PresenceEntry[] {
    const people = this.cases.get(keyOf({ workspaceId, caseId }));
    if (!people) return [];
    return [...people.values()].filter((p) => now - p.seenAt < this.ttlMs).sort((a, b) => a.since - b.since);
  }

  /** Drops expired heartbeats; returns the cases whose viewers changed. */
  sweep(now: number): CaseKey[] {
    const changed: CaseKey[] = [];
    for (const [key, people] of this.cases) {
      let dropped = false;
      for (const [userId, entry] of people) {
        if (now - entry.seenAt >= this.ttlMs) {
          people.delete(userId);
          dropped = true;
        }
      }
      if (people.size === 0) this.cases.delete(key);
      if (dropped) changed.push(caseOf(key));
    }
    return changed;
  }
}

const keyOf = (c: CaseKey) => `${c.workspaceId}:${c.caseId}`;
function caseOf(key: string): CaseKey {
  const [workspaceId = '', caseId = ''] = key.split(':');
  return { workspaceId, caseId };
}
