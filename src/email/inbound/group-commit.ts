// Group commit for the SMTP listener. Every 250 waits for its message's commit, and a commit
// is a round trip plus a WAL flush. Under load, messages that arrive while an insert is on its
// way are gathered and written by the next one, as one multi-row insert (one statement, one
// commit), and each of them gets its answer only when that insert has committed. Nothing
// waits on a timer: a message that finds a free slot is written at once, alone.
import type { Db } from '../../db/open-database.ts';
import { writeGroupOrEach } from '../../db/write-group-or-each.ts';
import { storeInboundEmails, type StoredInbound, type StoreInboundInput } from './store-inbound-email.ts';

export interface GroupCommitOptions {
  /** Inserts on their way at once (each a connection from the pool). */
  maxInFlight?: number;
  /** At most this many messages per insert… */
  maxMessages?: number;
  /** …and at most this many bytes (one big message is written alone). */
  maxBytes?: number;
}

interface Pending {
  input: StoreInboundInput;
  resolve: (stored: StoredInbound) => void;
  reject: (error: unknown) => void;
}

export interface InboundStoreQueue {
  /** Resolves once the message is committed (or recognised as a duplicate); rejects when it could not be stored. */
  store(input: StoreInboundInput): Promise<StoredInbound>;
}

export function groupCommitStore(db: Db, options: GroupCommitOptions = {}): InboundStoreQueue {
  const maxInFlight = options.maxInFlight ?? 2;
  const maxMessages = options.maxMessages ?? 64;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const waiting: Pending[] = [];
  let inFlight = 0;

  const takeGroup = (): Pending[] => {
    const group: Pending[] = [];
    let bytes = 0;
    while (waiting.length > 0 && group.length < maxMessages) {
      const next = waiting[0]!;
      if (group.length > 0 && bytes + next.input.raw.length > maxBytes) break;
      bytes += next.input.raw.length;
      group.push(waiting.shift()!);
    }
    return group;
  };

  // A refused statement is retried message by message, so that one the store refuses does
  // not take the others' 250 with it.
  const write = (group: Pending[]): Promise<void> =>
    writeGroupOrEach<Pending, StoredInbound>(group, (members) =>
      storeInboundEmails(
        db,
        members.map((p) => p.input),
      ),
    );

  const pump = (): void => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const group = takeGroup();
      inFlight++;
      void write(group).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return {
    store(input) {
      return new Promise<StoredInbound>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        pump();
      });
    },
  };
}
