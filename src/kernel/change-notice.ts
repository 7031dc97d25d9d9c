// One notice, in this process, that something caches depend on has changed. The operation that
// changes a person, a calendar or a workspace's settings announces it; the caches (staff loads,
// capability, workspaces) subscribe where they are written. A new way of changing a user or a
// team announces and is done: it need not know, or import, which caches exist.
// Other instances are not told of these three: their caches expire on their own short clocks.
// The live desk (issue 16, src/live/) announces here too what the store told it: every event
// appended on any instance ('desk', from the events table's trigger), someone's presence on a case,
// and 'resync' when notices may have been missed; the browsers' push streams subscribe. 'access'
// (a session ended, a person deactivated, a token removed, on any instance) makes that person's
// streams ask again whether their credentials still hold.

export type Change =
  /** A person added or edited: who takes cases may differ; teamChanged: their team moved. */
  | { kind: 'staff'; workspaceId: string; userId: string; teamChanged: boolean }
  /** The workspace's or a team's business hours were set or removed. */
  | { kind: 'calendar'; workspaceId: string }
  | { kind: 'settings'; workspaceId: string }
  /** An event was appended (any instance): `what` is its type, `caseId` its case if it has one. */
  | { kind: 'desk'; workspaceId: string; caseId: string | null; what: string }
  /** Who is viewing or replying on a case changed (a heartbeat, a leave, an expiry). */
  | { kind: 'presence'; workspaceId: string; caseId: string }
  /** The link to the store's notifications was lost and is back: anything may have changed. */
  | { kind: 'resync' }
  /** A session or API token of this person was removed, or the person deactivated (any instance). */
  | { kind: 'access'; userId: string };

type Listener = (change: Change) => void;
const listeners = new Set<Listener>();

/** Subscribes a cache; returns the unsubscribe. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceChange(change: Change): void {
  for (const listener of listeners) listener(change);
}
