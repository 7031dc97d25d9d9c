// Records from a byte stream, one at a time, with their line numbers: a 10,000,000-row file
// is never held in memory. CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes,
// a BOM, CRLF) is split here by hand: csv-parse took 12 of the 16 s an import spent reading
// 300,000 rows, where splitting the unquoted lines of a chunk is one pass of indexOf.
// CDNOW's whitespace-separated lines go through readline.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInterface } from 'node:readline';
import { ImportFileError } from './import-rows.ts';

export interface SourceRecord {
  fields: string[];
  /** 1-based line where the record starts */
  line: number;
}

const MAX_RECORD = 1_000_000;

export async function* readCsvRecords(input: Readable): AsyncGenerator<SourceRecord> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  // line number of the first line in `rest`
  let line = 1;
  let first = true;
  for await (const chunk of input) {
    let text = rest + decoder.write(chunk as Buffer);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: SourceRecord[] = [];
    const consumed = splitRecords(text, line, false, out);
    line = consumed.line;
    rest = text.slice(consumed.end);
    if (rest.length > MAX_RECORD)
      throw new ImportFileError(line, `the file is not valid CSV: a record longer than ${MAX_RECORD} characters`);
    yield* out;
  }
  const tail = rest + decoder.end();
  if (tail !== '') {
    const out: SourceRecord[] = [];
    splitRecords(first && tail.charCodeAt(0) === 0xfeff ? tail.slice(1) : tail, line, true, out);
    yield* out;
  }
}

/**
 * Splits the whole records of `text` into `out`; returns where the unfinished last record starts
 * (everything when `final`) and its line. Empty lines are skipped, as csv-parse's skip_empty_lines did.
 */
export function splitRecords(
  text: string,
  firstLine: number,
  final: boolean,
  out: SourceRecord[],
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
      if (stop > pos) out.push({ fields: text.slice(pos, stop).split(','), line });
      pos = nl + 1;
      line++;
      continue;
    }
    const quoted = readQuotedRecord(text, pos, line, final);
    if (!quoted) break;
    out.push({ fields: quoted.fields, line });
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

export async function* readWhitespaceRecords(input: Readable): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    const fields = trimmed.split(/\s+/);
    // The master file starts with a header line of words.
    if (line === 1 && !/^\d+$/.test(fields[0]!)) continue;
    yield { fields, line };
  }
}
