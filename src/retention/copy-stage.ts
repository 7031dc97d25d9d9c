// Staging rows with COPY on both stores: `COPY … FROM STDIN` through pg-copy-streams on
// PostgreSQL, `COPY … FROM '/dev/blob'` with a blob of a few megabytes at a time on PGlite.
// One COPY costs a fraction of the multi-row inserts it replaces: the rows travel as text
// and are parsed by the server without a bind parameter per value.
import { Writable } from 'node:stream';
import { once } from 'node:events';
import copyStreams from 'pg-copy-streams';
import type { Db } from '../db/open-database.ts';

/** A value in COPY's text format: \N is null; backslash, tab and line ends are escaped. */
export function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

export interface CopySink {
  /** One or more whole lines of COPY text (each ending in \n), as text or UTF-8; resolves when there is room for more. */
  write(lines: string | Uint8Array): Promise<void>;
  /** Ends the COPY; resolves when the server has stored every row. */
  end(): Promise<void>;
  /** Gives up (the caller's transaction rolls back). */
  abort(error: Error): void;
}

interface PgliteLike {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}
interface PgClientLike {
  query(stream: Writable): Writable;
}

/** The driver's client under a drizzle transaction (node-postgres PoolClient or a PGlite transaction). */
function clientOf(tx: Db): unknown {
  return (tx as unknown as { session: { client: unknown } }).session.client;
}

const PGLITE_CHUNK = 4 << 20;

/** True for a handle on a pool of connections (PostgreSQL), false for PGlite's single one. */
export function hasOtherConnections(db: Db): boolean {
  // A node-postgres pool or client connects; PGlite has no such method.
  return typeof (clientOf(db) as { connect?: unknown }).connect === 'function';
}

export function openCopy(
  tx: Db,
  table: string,
  columns: readonly string[],
  options: { pgliteChunkBytes?: number } = {},
): CopySink {
  const target = `${table} (${columns.join(', ')})`;
  const client = clientOf(tx);
  if (hasOtherConnections(tx)) {
    const stream = (client as PgClientLike).query(copyStreams.from(`copy ${target} from stdin`));
    let failed: Error | null = null;
    stream.on('error', (error: Error) => {
      failed = error;
    });
    return {
      async write(lines) {
        if (failed) throw failed;
        if (!stream.write(lines)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
        if (failed) throw failed;
      },
      async end() {
        if (failed) throw failed;
        stream.end();
        await once(stream, 'finish');
      },
      abort(error) {
        stream.destroy(error);
      },
    };
  }
  // PGlite reads a COPY from a blob: the rows are gathered into chunks of a few megabytes.
  let pending: Array<string | Uint8Array> = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const blob = new Blob(pending);
    pending = [];
    size = 0;
    await (client as PgliteLike).query(`copy ${target} from '/dev/blob'`, [], { blob });
  };
  return {
    async write(lines) {
      pending.push(lines);
      size += lines.length;
      if (size >= (options.pgliteChunkBytes ?? PGLITE_CHUNK)) await flush();
    },
    end: flush,
    abort() {
      pending = [];
      size = 0;
    },
  };
}
