// Purchase rows from a CSV with a header: customer_id, date, amount (extra columns such as
// order_id, product or channel are allowed and ignored here). Every problem is reported
// with the file, line and column, because a CLI user has to find it in a large file.
import { readFileSync } from 'node:fs';
import { ClvInputError } from './clv-input-error.ts';
import { mapHeader, parseCsv } from './csv-parse.ts';
import { parseIsoDay } from './dates.ts';

export interface Transaction {
  customerId: string;
  /** purchase day as days since 1970-01-01 (UTC calendar day) */
  day: number;
  amount: number;
}

export interface TransactionColumnNames {
  customerId?: string;
  date?: string;
  amount?: string;
}

export function parseTransactionsCsv(text: string, file: string, names: TransactionColumnNames = {}): Transaction[] {
  const records = parseCsv(text, file);
  const first = records.next();
  if (first.done)
    throw new ClvInputError(file, 1, undefined, 'the file is empty; expected a header line customer_id,date,amount');
  const header = first.value;
  const cols = mapHeader(header, file, {
    customerId: [names.customerId ?? 'customer_id'],
    date: [names.date ?? 'date'],
    amount: [names.amount ?? 'amount'],
  });
  const ci = cols['customerId'] as number;
  const di = cols['date'] as number;
  const ai = cols['amount'] as number;
  const headerNames = header.fields.map((f) => f.trim());
  const out: Transaction[] = [];
  for (const rec of records) {
    if (rec.fields.length !== header.fields.length) {
      throw new ClvInputError(
        file,
        rec.line,
        undefined,
        `expected ${header.fields.length} fields like the header, found ${rec.fields.length}`,
      );
    }
    const customerId = (rec.fields[ci] as string).trim();
    if (customerId === '') throw new ClvInputError(file, rec.line, ci + 1, 'customer id is empty', headerNames[ci]);
    const dateText = rec.fields[di] as string;
    const day = parseIsoDay(dateText);
    if (day === undefined) {
      throw new ClvInputError(
        file,
        rec.line,
        di + 1,
        `${JSON.stringify(dateText)} is not a date in the form YYYY-MM-DD`,
        headerNames[di],
      );
    }
    const amountText = (rec.fields[ai] as string).trim();
    const amount = amountText === '' ? NaN : Number(amountText);
    if (!Number.isFinite(amount)) {
      throw new ClvInputError(file, rec.line, ai + 1, `${JSON.stringify(amountText)} is not a number`, headerNames[ai]);
    }
    out.push({ customerId, day, amount });
  }
  return out;
}

export function readTransactionsCsv(path: string, names: TransactionColumnNames = {}): Transaction[] {
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
  return parseTransactionsCsv(text, path, names);
}
