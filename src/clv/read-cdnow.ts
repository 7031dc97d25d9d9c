// Readers for the CDNOW files in data/cdnow/ (whitespace-separated, no quoting):
//   CDNOW_master.txt  customer_id date(YYYYMMDD) number_of_cds dollar_value  (with a header)
//   CDNOW_sample.txt  customer_id sample_id date number_of_cds dollar_value   (no header)
// The published 2,357-customer analyses (Fader, Hardie & Lee) number customers by the
// sample id, so that id is kept alongside the master id.
import { readFileSync } from 'node:fs';
import { ClvInputError } from './clv-input-error.ts';
import { parseCompactDay } from './dates.ts';
import type { Transaction } from './read-transactions-csv.ts';

export interface CdnowRow {
  /** master customer id, leading zeros removed ("00004" → "4") */
  customerId: string;
  /** id in the 1/10th sample file (1..2357), when reading CDNOW_sample.txt */
  sampleId?: string;
  day: number;
  quantity: number;
  amount: number;
}

function stripZeros(id: string): string {
  return id.replace(/^0+(?=\d)/, '');
}

export function parseCdnow(text: string, file: string): CdnowRow[] {
  const rows: CdnowRow[] = [];
  const lines = text.split(/\r?\n/);
  let width: number | undefined;
  for (let li = 0; li < lines.length; li++) {
    const raw = lines[li] as string;
    if (raw.trim() === '') continue;
    const fields = raw.trim().split(/\s+/);
    // The master file starts with a header line of words.
    if (li === 0 && !/^\d+$/.test(fields[0] as string)) continue;
    const line = li + 1;
    if (width === undefined) {
      if (fields.length !== 4 && fields.length !== 5) {
        throw new ClvInputError(
          file,
          line,
          undefined,
          `expected 4 fields (master) or 5 fields (sample), found ${fields.length}`,
        );
      }
      width = fields.length;
    } else if (fields.length !== width) {
      throw new ClvInputError(
        file,
        line,
        undefined,
        `expected ${width} fields like the lines above, found ${fields.length}`,
      );
    }
    const off = width - 4;
    const id = fields[0] as string;
    if (!/^\d+$/.test(id)) throw new ClvInputError(file, line, 1, `customer id ${JSON.stringify(id)} is not a number`);
    const day = parseCompactDay(fields[1 + off] as string);
    if (day === undefined)
      throw new ClvInputError(file, line, 2 + off, `${JSON.stringify(fields[1 + off])} is not a date YYYYMMDD`);
    const quantity = Number(fields[2 + off]);
    if (!Number.isInteger(quantity))
      throw new ClvInputError(file, line, 3 + off, `${JSON.stringify(fields[2 + off])} is not a whole number of CDs`);
    const amount = Number(fields[3 + off]);
    if (!Number.isFinite(amount))
      throw new ClvInputError(file, line, 4 + off, `${JSON.stringify(fields[3 + off])} is not a number`);
    const row: CdnowRow = { customerId: stripZeros(id), day, quantity, amount };
    if (off === 1) {
      const sid = fields[1] as string;
      if (!/^\d+$/.test(sid))
        throw new ClvInputError(file, line, 2, `sample id ${JSON.stringify(sid)} is not a number`);
      row.sampleId = stripZeros(sid);
    }
    rows.push(row);
  }
  return rows;
}

export function readCdnow(path: string): CdnowRow[] {
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
  return parseCdnow(text, path);
}

/** CDNOW rows as plain transactions, identified by the sample id when there is one. */
export function cdnowTransactions(rows: readonly CdnowRow[], id: 'sample' | 'customer' = 'sample'): Transaction[] {
  return rows.map((r) => ({
    customerId: id === 'sample' && r.sampleId !== undefined ? r.sampleId : r.customerId,
    day: r.day,
    amount: r.amount,
  }));
}
