// A purchase file's bytes in, COPY text of its valid rows out: decoding, splitting records
// (read-records.ts), validating each (import-rows.ts, every problem with its line) and writing
// the staging table's COPY lines. Synchronous and free of I/O, so the same code runs on a worker
// thread (stage-reader.ts) while the main thread only forwards bytes and answers requests, or in
// the main thread for a small file. The text is handed back encoded, in pieces of whole lines.
import { StringDecoder } from 'node:string_decoder';
import type { MessagePort } from 'node:worker_threads';
import { copyText } from './copy-stage.ts';
import {
  ImportFileError,
  rowReaderFor,
  type CsvField,
  type ImportFormat,
  type RowProblem,
  type RowReader,
} from './import-rows.ts';
import { CsvSplitter, WhitespaceSplitter, type RecordSink, type RecordSplitter } from './read-records.ts';
import { MAX_PROBLEMS } from './import-types.ts';

export interface StageSettings {
  format: ImportFormat;
  map?: Partial<Record<CsvField, string>>;
  skipBadRows: boolean;
  /** COPY text is handed back in pieces of about this many bytes (each a whole number of lines). */
  pieceBytes: number;
}

/** What one push gave: COPY text, the counts so far, and the problems found since the last part. */
export interface StagePart {
  copy: Uint8Array[];
  rowsRead: number;
  purchasesInFile: number;
  skipped: number;
  problems: RowProblem[];
}

const encoder = new TextEncoder();

export class StageEncoder implements RecordSink {
  private readonly decoder = new StringDecoder('utf8');
  private readonly splitter: RecordSplitter;
  private readonly reader: RowReader;
  private headerSeen: boolean;
  private lines: string[] = [];
  private size = 0;
  private copy: Uint8Array[] = [];
  private problems: RowProblem[] = [];
  private problemsKept = 0;
  private rowsRead = 0;
  private purchasesInFile = 0;
  private skipped = 0;

  constructor(private readonly settings: StageSettings) {
    this.reader = rowReaderFor(settings.format, settings.map);
    this.headerSeen = settings.format === 'cdnow';
    this.splitter = settings.format === 'cdnow' ? new WhitespaceSplitter(this) : new CsvSplitter(this);
  }

  push(bytes: Uint8Array): StagePart {
    this.splitter.push(this.decoder.write(bytes as Buffer));
    return this.part();
  }

  end(): StagePart {
    this.splitter.push(this.decoder.end());
    this.splitter.end();
    if (!this.headerSeen) throw new ImportFileError(1, 'the file is empty; expected a header line');
    return this.part();
  }

  record(fields: string[], line: number): void {
    if (!this.headerSeen) {
      this.reader.header(fields);
      this.headerSeen = true;
      return;
    }
    this.rowsRead++;
    const result = this.reader.row(fields, line);
    if (result.kind === 'purchase') {
      this.purchasesInFile++;
      // After the first bad row of a file that will be refused, only keep validating.
      if (this.skipped > 0 && !this.settings.skipBadRows) return;
      const p = result.purchase;
      const text = `${line}\t${p.keyKind}\t${copyText(p.key)}\t${copyText(p.name)}\t${copyText(p.orderId)}\t${p.occurredAt}\t${p.amount}\t${copyText(p.product)}\t${copyText(p.channel)}\n`;
      this.lines.push(text);
      this.size += text.length;
      if (this.size >= this.settings.pieceBytes) this.flush();
    } else if (result.kind === 'problem') {
      this.skipped++;
      if (this.problemsKept < MAX_PROBLEMS) {
        this.problemsKept++;
        this.problems.push(result.problem);
      }
    }
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.copy.push(encoder.encode(this.lines.join('')));
    this.lines = [];
    this.size = 0;
  }

  private part(): StagePart {
    this.flush();
    const part: StagePart = {
      copy: this.copy,
      rowsRead: this.rowsRead,
      purchasesInFile: this.purchasesInFile,
      skipped: this.skipped,
      problems: this.problems,
    };
    this.copy = [];
    this.problems = [];
    return part;
  }
}

/** Messages to a worker's encoder: bytes of the file, then its end. */
export type ToEncoder = { bytes: Uint8Array } | { end: true };
export type FromEncoder =
  { ok: true; part: StagePart } | { ok: false; message: string; line?: number; column?: string | undefined };

/** The worker's side (stage-reader.ts starts it): one answer per message, in order. */
export function serveStageEncoder(port: MessagePort, settings: StageSettings): void {
  const stage = new StageEncoder(settings);
  port.on('message', (message: ToEncoder) => {
    let answer: FromEncoder;
    try {
      answer = { ok: true, part: 'end' in message ? stage.end() : stage.push(message.bytes) };
    } catch (error) {
      answer =
        error instanceof ImportFileError
          ? { ok: false, message: error.message, line: error.line, column: error.column }
          : { ok: false, message: String(error instanceof Error ? error.message : error) };
    }
    // The COPY text moves to the main thread without a copy.
    port.postMessage(answer, answer.ok ? answer.part.copy.map((c) => c.buffer as ArrayBuffer) : []);
  });
}
