// Records from a byte stream, one at a time, with their line numbers: a 10,000,000-row file
// is never held in memory. CSV goes through csv-parse (quotes, embedded newlines, a BOM);
// CDNOW's whitespace-separated lines through readline.
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { ImportFileError } from './import-rows.ts';

export interface SourceRecord {
  fields: string[];
  /** 1-based line where the record starts */
  line: number;
}

export async function* readCsvRecords(input: Readable): AsyncGenerator<SourceRecord> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 }),
  );
  input.on('error', (error) => parser.destroy(error));
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; invalid_field_length: number };
    }>) {
      // info.lines is the line the record ends on; records spanning lines are rare and the start is what people look for.
      const embedded = item.record.reduce((n, f) => n + (f.includes('\n') ? f.split('\n').length - 1 : 0), 0);
      yield { fields: item.record, line: item.info.lines - embedded };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    if (e.code?.startsWith('CSV_')) throw new ImportFileError(e.lines ?? 0, `the file is not valid CSV: ${e.message}`);
    throw error;
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
