// The per-customer summary file written by `kept clv summarize` and read by `fit` and
// `score`: customer_id,x,t_x,T[,monetary]. Reading validates every row (x a whole number,
// 0 ≤ t_x ≤ T, t_x = 0 when x = 0) and names the line and column of the first problem.
// The published CDNOW summary's headers (ID, x, t_x, T, zbar) are accepted as aliases.
import { readFileSync } from 'node:fs';
import { ClvInputError } from './clv-input-error.ts';
import { mapHeader, parseCsv, type CsvRecord } from './csv-parse.ts';
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
  const ids: string[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const monetary: number[] = [];
  const idCol = cols['customerId'] as number;
  const xCol = cols['x'] as number;
  const txCol = cols['tx'] as number;
  const TCol = cols['T'] as number;
  const mCol = cols['monetary'];
  // Problems are worded by one function outside the loop: a closure made per row cost more
  // than the row's numbers (a million rows).
  const at = (line: number, idx: number, detail: string): never => {
    throw new ClvInputError(file, line, idx + 1, detail, names[idx]);
  };
  const num = (rec: CsvRecord, idx: number): number => {
    const text = (rec.fields[idx] as string).trim();
    const v = text === '' ? NaN : Number(text);
    if (!Number.isFinite(v)) at(rec.line, idx, `${JSON.stringify(text)} is not a number`);
    return v;
  };
  for (const rec of records) {
    if (rec.fields.length !== header.fields.length) {
      throw new ClvInputError(
        file,
        rec.line,
        undefined,
        `expected ${header.fields.length} fields like the header, found ${rec.fields.length}`,
      );
    }
    const id = (rec.fields[idCol] as string).trim();
    if (id === '') at(rec.line, idCol, 'customer id is empty');
    const xv = num(rec, xCol);
    const txv = num(rec, txCol);
    const Tv = num(rec, TCol);
    if (!Number.isInteger(xv) || xv < 0) at(rec.line, xCol, `x must be a whole number ≥ 0, got ${xv}`);
    if (txv < 0) at(rec.line, txCol, `t_x must be ≥ 0, got ${txv}`);
    if (Tv < 0) at(rec.line, TCol, `T must be ≥ 0, got ${Tv}`);
    // Files written with a few decimals can round t_x a hair above T.
    if (txv > Tv + 1e-6 * Math.max(1, Tv)) at(rec.line, txCol, `t_x (${txv}) is larger than T (${Tv})`);
    if (xv === 0 && txv !== 0) at(rec.line, txCol, `t_x must be 0 when x is 0, got ${txv}`);
    ids.push(id);
    x.push(xv);
    tx.push(Math.min(txv, Tv));
    T.push(Tv);
    if (mCol !== undefined) {
      const m = num(rec, mCol);
      if (m < 0) at(rec.line, mCol, `monetary must be ≥ 0, got ${m}`);
      monetary.push(m);
    }
  }
  const out: SummaryData = {
    customerId: ids,
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
  };
  if (mCol !== undefined) out.monetary = Float64Array.from(monetary);
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
