// Records from text fed in pieces, each with its line number: a 10,000,000-row file is never
// held in memory. CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes, a BOM, CRLF)
// is split here by hand: csv-parse took 12 of the 16 s an import spent reading 300,000 rows,
// where splitting the unquoted lines of a chunk is one pass of indexOf. CDNOW's lines are
// whitespace-separated. The splitters are synchronous and hand each record to a sink (no
// promise or object per record): the import runs them on a worker thread (stage-encoder.ts).
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ImportFileError } from './import-rows.ts';

export interface SourceRecord {
  fields: string[];
  /** 1-based line where the record starts */
  line: number;
}

export interface RecordSink {
  record(fields: string[], line: number): void;
}

export interface RecordSplitter {
  /** Splits the whole records of `text` (and what was left of the previous piece) into the sink. */
  push(text: string): void;
  /** The last record, unfinished until the end of the file. */
  end(): void;
}

const MAX_RECORD = 1_000_000;

export class CsvSplitter implements RecordSplitter {
  private rest = '';
  /** line number of the first line in `rest` */
  private line = 1;
  private first = true;
  constructor(private readonly sink: RecordSink) {}

  push(piece: string): void {
    let text = this.rest + piece;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const consumed = splitRecords(text, this.line, false, this.sink);
    this.line = consumed.line;
    this.rest = text.slice(consumed.end);
    if (this.rest.length > MAX_RECORD)
      throw new ImportFileError(this.line, `the file is not valid CSV: a record longer than ${MAX_RECORD} characters`);
  }

  end(): void {
    const tail = this.rest;
    this.rest = '';
    if (tail !== '')
      splitRecords(this.first && tail.charCodeAt(0) === 0xfeff ? tail.slice(1) : tail, this.line, true, this.sink);
  }
}

/**
 * CDNOW's lines: fields separated by whitespace, empty lines skipped (and counted), the master
 * file's header line of words skipped. Lines end in \n, \r\n or a lone \r, as readline read them.
 */
export class WhitespaceSplitter implements RecordSplitter {
  private rest = '';
  private line = 0;
  constructor(private readonly sink: RecordSink) {}

  push(piece: string): void {
    const text = this.rest + piece;
    let pos = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
      this.lines(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.rest = text.slice(pos);
    if (this.rest.length > MAX_RECORD)
      throw new ImportFileError(this.line + 1, `a line longer than ${MAX_RECORD} characters`);
  }

  end(): void {
    if (this.rest !== '') this.lines(this.rest);
    this.rest = '';
  }

  /** One line ended by \n (a \r before it dropped); a lone \r inside ends a line too. */
  private lines(text: string): void {
    const stop = text.endsWith('\r') ? text.length - 1 : text.length;
    const body = stop === text.length ? text : text.slice(0, stop);
    if (body.includes('\r')) for (const part of body.split('\r')) this.one(part);
    else this.one(body);
  }

  private one(text: string): void {
    this.line++;
    const trimmed = text.trim();
    if (trimmed === '') return;
    const fields = trimmed.split(/\s+/);
    // The master file starts with a header line of words.
    if (this.line === 1 && !/^\d+$/.test(fields[0]!)) return;
    this.sink.record(fields, this.line);
  }
}

/** Collects records in an array, for the generators below. */
class Gathered implements RecordSink {
  out: SourceRecord[] = [];
  record(fields: string[], line: number): void {
    this.out.push({ fields, line });
  }
}

async function* readRecords(
  input: Readable,
  splitter: (sink: RecordSink) => RecordSplitter,
): AsyncGenerator<SourceRecord> {
  const decoder = new StringDecoder('utf8');
  const sink = new Gathered();
  const split = splitter(sink);
  for await (const chunk of input) {
    split.push(decoder.write(chunk as Buffer));
    yield* sink.out;
    sink.out = [];
  }
  split.push(decoder.end());
  split.end();
  yield* sink.out;
}

export function readCsvRecords(input: Readable): AsyncGenerator<SourceRecord> {
  return readRecords(input, (sink) => new CsvSplitter(sink));
}

export function readWhitespaceRecords(input: Readable): AsyncGenerator<SourceRecord> {
  return readRecords(input, (sink) => new WhitespaceSplitter(sink));
}

/**
 * Splits the whole records of `text` into the sink; returns where the unfinished last record
 * starts (everything when `final`) and its line. Empty lines are skipped, as csv-parse's
 * skip_empty_lines did.
 */
export function splitRecords(
  text: string,
  firstLine: number,
  final: boolean,
  sink: RecordSink,
): { end: number; line: number } {
  let pos = 0;
  let line = firstLine;
  const n = text.length;
  // The next quote at or after pos, searched again only once passed: searching per line would
  // scan to the end of a quote-free chunk for every line.
  let quote = -1;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) {
      if (!final) break;
      nl = n;
    }
    if (quote !== n && quote < pos) {
      quote = text.indexOf('"', pos);
      if (quote < 0) quote = n;
    }
    if (quote >= nl) {
      // The common case: an unquoted line.
      let stop = nl;
      if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
      if (stop > pos) sink.record(text.slice(pos, stop).split(','), line);
      pos = nl + 1;
      line++;
      continue;
    }
    const quoted = readQuotedRecord(text, pos, line, final);
    if (!quoted) break;
    sink.record(quoted.fields, line);
    pos = quoted.end;
    line = quoted.line;
  }
  return { end: Math.min(pos, n), line };
}
/** A record with quotes from `start`; undefined when it runs past the end of a non-final chunk. */
function readQuotedRecord(
  text: string,
  start: number,
  startLine: number,
  final: boolean,
): { fields: string[]; end: number; line: number } | undefined {
  const fields: string[] = [];
  let pos = start;
  let line = startLine;
  const n = text.length;
  for (;;) {
    let value = '';
    if (pos < n && text[pos] === '"') {
      pos++;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q < 0) {
          if (!final) return undefined;
          throw new ImportFileError(startLine, 'the file is not valid CSV: a quote opened here is never closed');
        }
        const piece = text.slice(pos, q);
        value += piece;
        for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) line++;
        if (q + 1 >= n && !final) return undefined;
        if (text[q + 1] === '"') {
          value += '"';
          pos = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      const next = text[pos];
      if (pos < n && next !== ',' && next !== '\n' && next !== '\r')
        throw new ImportFileError(
          line,
          `the file is not valid CSV: ${JSON.stringify(next)} after a closing quote (a quote inside a field is written "")`,
        );
    } else {
      let stop = pos;
      while (stop < n && text[stop] !== ',' && text[stop] !== '\n') stop++;
      if (stop >= n && !final) return undefined;
      value = text.slice(pos, stop);
      if (value.includes('"'))
        throw new ImportFileError(
          line,
          'the file is not valid CSV: a quote inside an unquoted field (quote the field and write the quote as "")',
        );
      pos = stop;
      if (value.endsWith('\r') && text[pos] === '\n') value = value.slice(0, -1);
    }
    fields.push(value);
    if (pos >= n) return { fields, end: pos, line: line + 1 };
    if (text[pos] === ',') {
      pos++;
      continue;
    }
    if (text[pos] === '\r') pos++;
    if (pos >= n && !final) return undefined;
    if (pos < n && text[pos] === '\n') pos++;
    return { fields, end: pos, line: line + 1 };
  }
}
