// The per-customer summary file written by `kept clv summarize` and read by `fit` and
// `score`: customer_id,x,t_x,T[,monetary]. Reading validates every row (x a whole number,
// 0 ≤ t_x ≤ T, t_x = 0 when x = 0) and names the line and column of the first problem.
// The published CDNOW summary's headers (ID, x, t_x, T, zbar) are accepted as aliases.
import { readFileSync } from 'node:fs';
import { ClvInputError } from './clv-input-error.ts';
import { mapHeader, parseCsv } from './csv-parse.ts';
import type { CustomerSummary } from './summarize-transactions.ts';

export interface SummaryData {
  customerId: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** present when the file has a monetary column */
  monetary?: Float64Array;
}

function formatNumber(v: number): string {
  // Six decimals keep week fractions (k/7) exact enough for grouping and fitting, while
  // whole days stay whole.
  return String(Math.round(v * 1e6) / 1e6);
}

function quoteId(id: string): string {
  return /[",\r\n]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
}

export function formatSummaryCsv(rows: readonly CustomerSummary[]): string {
  const parts = ['customer_id,x,t_x,T,monetary\n'];
  for (const r of rows) {
    parts.push(
      `${quoteId(r.customerId)},${r.x},${formatNumber(r.tx)},${formatNumber(r.T)},${formatNumber(r.monetary)}\n`,
    );
  }
  return parts.join('');
}

export function parseSummaryCsv(text: string, file: string): SummaryData {
  const records = parseCsv(text, file);
  const first = records.next();
  if (first.done)
    throw new ClvInputError(
      file,
      1,
      undefined,
      'the file is empty; expected a header line customer_id,x,t_x,T[,monetary]',
    );
  const header = first.value;
  const cols = mapHeader(
    header,
    file,
    {
      customerId: ['customer_id', 'id', 'customer'],
      x: ['x', 'frequency'],
      tx: ['t_x', 'recency'],
      T: ['T'],
      monetary: ['monetary', 'zbar', 'monetary_value'],
    },
    ['monetary'],
  );
  const names = header.fields.map((f) => f.trim());
  // A record takes at least a line: the line count bounds the rows, so the columns are filled in place.
  let capacity = 1;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) capacity++;
  const ids: string[] = [];
  const x = new Float64Array(capacity);
  const tx = new Float64Array(capacity);
  const T = new Float64Array(capacity);
  const monetary = new Float64Array(capacity);
  let rows = 0;
  const idCol = cols['customerId'] as number;
  const xCol = cols['x'] as number;
  const txCol = cols['tx'] as number;
  const TCol = cols['T'] as number;
  const mCol = cols['monetary'];
  const width = header.fields.length;
  // Problems are worded by one function outside the loop: a closure made per row cost more
  // than the row's numbers (a million rows).
  const at = (line: number, idx: number, detail: string): never => {
    throw new ClvInputError(file, line, idx + 1, detail, names[idx]);
  };
  const num = (raw: string, line: number, idx: number): number => {
    // Number() reads surrounding spaces itself, but reads a blank field as 0.
    const v = Number(raw);
    if (!Number.isFinite(v) || (v === 0 && raw.trim() === '')) {
      at(line, idx, `${JSON.stringify(raw.trim())} is not a number`);
    }
    return v;
  };
  // Ids are kept as offsets into the text on the quote-free path and sliced only when asked for
  // (\`fit\` never asks): a million retained strings were most of the reading's garbage collection.
  const idStart = new Int32Array(capacity);
  const idEnd = new Int32Array(capacity);
  let offsets = false;
  const addRow = (line: number, field: (idx: number) => string, idFrom = -1, idTo = -1): void => {
    if (idFrom < 0) {
      const id = field(idCol).trim();
      if (id === '') at(line, idCol, 'customer id is empty');
      ids.push(id);
    } else {
      if (idFrom === idTo || (text.charCodeAt(idFrom) <= 32 && text.slice(idFrom, idTo).trim() === '')) {
        at(line, idCol, 'customer id is empty');
      }
      offsets = true;
      idStart[rows] = idFrom;
      idEnd[rows] = idTo;
    }
    const xv = num(field(xCol), line, xCol);
    const txv = num(field(txCol), line, txCol);
    const Tv = num(field(TCol), line, TCol);
    if (!Number.isInteger(xv) || xv < 0) at(line, xCol, `x must be a whole number ≥ 0, got ${xv}`);
    if (txv < 0) at(line, txCol, `t_x must be ≥ 0, got ${txv}`);
    if (Tv < 0) at(line, TCol, `T must be ≥ 0, got ${Tv}`);
    // Files written with a few decimals can round t_x a hair above T.
    if (txv > Tv + 1e-6 * Math.max(1, Tv)) at(line, txCol, `t_x (${txv}) is larger than T (${Tv})`);
    if (xv === 0 && txv !== 0) at(line, txCol, `t_x must be 0 when x is 0, got ${txv}`);
    x[rows] = xv;
    tx[rows] = Math.min(txv, Tv);
    T[rows] = Tv;
    if (mCol !== undefined) {
      const m = num(field(mCol), line, mCol);
      if (m < 0) at(line, mCol, `monetary must be ≥ 0, got ${m}`);
      monetary[rows] = m;
    }
    rows++;
  };
  const wrongWidth = (line: number, found: number): never => {
    throw new ClvInputError(file, line, undefined, `expected ${width} fields like the header, found ${found}`);
  };
  if (text.indexOf('"') < 0) {
    // No quotes anywhere (what `summarize` writes for plain ids): a record is a line, its fields
    // lie between commas found with indexOf and only the five wanted are sliced. The general
    // parser's generator and per-field strings cost more than fitting a million rows.
    const cuts = new Int32Array(width + 1);
    const field = (idx: number) => text.slice((cuts[idx] as number) + 1, cuts[idx + 1] as number);
    let line = 1;
    let i = text.indexOf('\n') + 1;
    while (i > 0 && i < text.length) {
      const end = text.indexOf('\n', i);
      const next = end < 0 ? text.length : end;
      const stop = text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      line++;
      cuts[0] = i - 1;
      let found = 1;
      for (let c = text.indexOf(',', i); c >= 0 && c < stop; c = text.indexOf(',', c + 1)) {
        if (found === width) wrongWidth(line, found + 1);
        cuts[found++] = c;
      }
      cuts[found] = stop;
      if (found === 1 && text.slice(i, stop).trim() === '') {
        i = next + 1; // blank lines carry no record
        continue;
      }
      if (found !== width) wrongWidth(line, found);
      addRow(line, field, (cuts[idCol] as number) + 1, cuts[idCol + 1] as number);
      i = next + 1;
    }
  } else {
    for (const rec of records) {
      if (rec.fields.length !== width) wrongWidth(rec.line, rec.fields.length);
      addRow(rec.line, (idx) => rec.fields[idx] as string);
    }
  }
  let sliced: string[] | null = offsets ? null : ids;
  const out: SummaryData = {
    get customerId(): string[] {
      sliced ??= Array.from({ length: rows }, (_, k) => text.slice(idStart[k], idEnd[k]).trim());
      return sliced;
    },
    x: x.subarray(0, rows),
    tx: tx.subarray(0, rows),
    T: T.subarray(0, rows),
  };
  if (mCol !== undefined) out.monetary = monetary.subarray(0, rows);
  return out;
}

export function readSummaryCsv(path: string): SummaryData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ClvInputError(
      path,
      undefined,
      undefined,
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  return parseSummaryCsv(text, path);
}
