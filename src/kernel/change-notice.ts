// One notice, in this process, that something caches depend on has changed. The operation that
// changes a person, a calendar or a workspace's settings announces it; the caches (staff loads,
// capability, workspaces) subscribe where they are written. A new way of changing a user or a
// team announces and is done: it need not know, or import, which caches exist.
// Other instances are not told: their caches expire on their own short clocks.

export type Change =
  /** A person added or edited: who takes cases may differ; teamChanged: their team moved. */
  | { kind: 'staff'; workspaceId: string; userId: string; teamChanged: boolean }
  /** The workspace's or a team's business hours were set or removed. */
  | { kind: 'calendar'; workspaceId: string }
  | { kind: 'settings'; workspaceId: string };

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
