// An import's progress (phase, rows and bytes read), written to its `imports` row while it runs so
// GET /api/v1/imports/:id can show it. Written beside the import's transaction, through another
// pooled connection, where there is one (PostgreSQL); on PGlite, between the transactions of an
// import applied in committed chunks (import-chunks.ts). An import in one transaction on PGlite
// (the CLI's) holds the only connection, so a write beside it would wait for the import itself;
// there the row shows the start and the end only.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { imports } from '../db/schema-retention.ts';
import type { ImportPhase } from '../kernel/domain-words.ts';
import { hasOtherConnections } from './copy-stage.ts';

export interface ProgressRecorder {
  phase(phase: ImportPhase): void;
  counts(rows: number, bytes: number): void;
  /** Waits for the writes under way; the last counts are written by the import's final update. */
  flush(): Promise<void>;
}

const EVERY_MS = 500;

export function progressRecorder(
  db: Db,
  importId: string,
  options: { betweenTransactions?: boolean } = {},
): ProgressRecorder {
  if (!hasOtherConnections(db) && !options.betweenTransactions)
    return { phase() {}, counts() {}, flush: async () => undefined };
  let state: { phase?: ImportPhase; rowsRead?: number; bytesRead?: number } = {};
  let chain: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  const write = () => {
    const values = state;
    state = {};
    lastWrite = performance.now();
    // Best effort: a lost progress write never fails the import.
    chain = chain
      .then(() => db.update(imports).set(values).where(eq(imports.id, importId)))
      .then(
        () => undefined,
        () => undefined,
      );
  };
  return {
    phase(phase) {
      state.phase = phase;
      write();
    },
    counts(rows, bytes) {
      state.rowsRead = rows;
      state.bytesRead = bytes;
      if (performance.now() - lastWrite >= EVERY_MS) write();
    },
    flush: () => chain,
  };
}
