// A small RFC 4180 CSV parser that remembers the line each record starts on, so readers
// can report "line N, column M". Quoted fields may contain commas, doubled quotes and
// newlines. Written here because the CLV readers only need this much and precise error
// positions matter more than features.
import { ClvInputError } from './clv-input-error.ts';

export interface CsvRecord {
  /** 1-based line number where the record starts */
  line: number;
  fields: string[];
}

export function* parseCsv(text: string, file: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // skip a UTF-8 byte-order mark
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let afterQuote = false;
    for (;;) {
      if (i >= n) {
        if (quoted) throw new ClvInputError(file, startLine, fields.length + 1, 'unterminated quoted field');
        fields.push(field);
        break;
      }
      if (!quoted && !afterQuote) {
        // A run of plain characters in one slice: appending them one by one made reading a
        // million-row summary cost more than fitting it.
        let j = i;
        for (; j < n; j++) {
          const k = text.charCodeAt(j);
          if (k === 44 || k === 10 || k === 13 || k === 34) break; // , \n \r "
        }
        if (j > i) {
          field += text.slice(i, j);
          i = j;
          continue;
        }
      }
      const c = text[i] as string;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
          i++;
          continue;
        }
        if (c === '\n') line++;
        field += c;
        i++;
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        i++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      if (c === '"' && field.trim() === '' && !afterQuote) {
        quoted = true;
        field = '';
        i++;
        continue;
      }
      if (afterQuote && c !== ' ' && c !== '\t') {
        throw new ClvInputError(
          file,
          startLine,
          fields.length + 1,
          `unexpected character ${JSON.stringify(c)} after a closing quote`,
        );
      }
      if (!afterQuote) field += c;
      i++;
    }
    // Blank lines carry no record.
    if (fields.length === 1 && (fields[0] as string).trim() === '') continue;
    yield { line: startLine, fields };
  }
}

export interface HeaderMap {
  /** column index (0-based) per requested key */
  [key: string]: number;
}

/**
 * Locate required and optional columns by header name (case-insensitive, trimmed).
 * `wanted` maps a key to the accepted header names; keys in `optional` may be missing.
 */
export function mapHeader(
  header: CsvRecord,
  file: string,
  wanted: Record<string, readonly string[]>,
  optional: readonly string[] = [],
): HeaderMap {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const out: HeaderMap = {};
  for (const [key, accepted] of Object.entries(wanted)) {
    const idx = names.findIndex((n) => accepted.some((a) => a.toLowerCase() === n));
    if (idx < 0) {
      if (optional.includes(key)) continue;
      throw new ClvInputError(
        file,
        header.line,
        undefined,
        `missing column "${accepted[0]}" in the header (found: ${header.fields.map((f) => JSON.stringify(f.trim())).join(', ')})`,
      );
    }
    out[key] = idx;
  }
  return out;
}
