// Mail stored by something other than the SMTP listener (the IMAP poller, run as a job with
// only a DeskContext) is handed to this process's inbound processor as soon as its transaction
// commits, as the listener does, instead of waiting for the 30-second sweep (issue 20). The
// processor registers itself for its store handle; without one (the CLI, a test driving the
// poller alone) nothing is handed over and the sweep still finds the rows — the rows stay the
// truth, this only saves the wait.
import type { Db } from '../../db/open-database.ts';
import type { KnownInbound } from './process-inbound-email.ts';

export interface InboundReceiver {
  enqueue(id: string, known?: KnownInbound): void;
}

const receivers = new WeakMap<object, InboundReceiver>();

/** Makes `receiver` take what is stored through `db` from now on; the returned function undoes it. */
export function receiveStoredInbound(db: Db, receiver: InboundReceiver): () => void {
  receivers.set(db, receiver);
  return () => {
    if (receivers.get(db) === receiver) receivers.delete(db);
  };
}

/** Hands committed rows over; a no-op when no processor in this process listens on `db`. */
export function handOverStoredInbound(db: Db, stored: ReadonlyArray<{ id: string; known: KnownInbound }>): number {
  const receiver = receivers.get(db);
  if (!receiver) return 0;
  for (const { id, known } of stored) receiver.enqueue(id, known);
  return stored.length;
}
