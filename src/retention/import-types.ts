// The options and the report of a purchase import (import-transactions.ts), shared by its steps.
import type { Readable } from 'node:stream';
import type { CsvField, ImportFormat, RowProblem } from './import-rows.ts';

/** Where a file is read and validated (stage-reader.ts). */
export type ReadOn = 'worker' | 'thread';

export interface ImportOptions {
  workspaceId: string;
  format: ImportFormat;
  /** file name or "upload", for the report */
  source: string;
  input: Readable;
  map?: Partial<Record<CsvField, string>>;
  skipBadRows?: boolean;
  createdBy?: string | null;
  now: Date;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** the file's size in bytes when known, shown beside the bytes read */
  sizeBytes?: number;
  /** seconds spent in each step (read+stage, customers, purchases, summary, rollups): for profiling */
  onStep?: (step: string, seconds: number) => void;
  /** An `imports` row already moved to running (a background import, import-job.ts); else one is added. */
  importId?: string;
  /** Cancels the import between records and steps: rolled back, status cancelled, nothing imported. */
  signal?: AbortSignal;
  /**
   * Applies the import in committed transactions of about `chunkRows` rows each (the embedded
   * store, whose one connection a single long transaction would hold): import-chunks.ts.
   */
  chunked?: { chunkRows?: number };
  /** Where the file is read and validated: a worker thread above a few megabytes, else this thread (stage-reader.ts). */
  reader?: ReadOn;
}

export interface ImportReport {
  importId: string;
  status: 'done' | 'failed' | 'cancelled';
  format: ImportFormat;
  source: string;
  /** data records read (line items for Shopify) */
  rowsRead: number;
  /** purchases found in the file (orders for Shopify) */
  purchasesInFile: number;
  imported: number;
  /** purchases already imported before (same order id or row hash) */
  duplicates: number;
  skipped: number;
  /** the first 1,000 problems, with their lines */
  problems: RowProblem[];
  customersCreated: number;
  customersMatched: number;
  seconds: number;
  message: string;
}

export const MAX_PROBLEMS = 1_000;

/** A file refused for its bad rows (without skip-bad-rows): nothing imported. */
export class Rejected extends Error {}
/** Cancelled by its signal: rolled back, nothing imported. */
export class Cancelled extends Error {}

export function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}
