// Turning one record of a purchase file into a purchase, or saying exactly what is wrong
// with it. Pure: the streaming, the staging and the database live in import-transactions.ts.
// Three formats:
//   csv      a header with customer_id (or email), date, amount and optional order_id,
//            product, channel, name; header names can be mapped (--map amount=Total).
//   cdnow    the whitespace-separated CDNOW files (master: id date cds dollars; sample: id
//            sample_id date cds dollars), as in data/cdnow/.
//   shopify  Shopify's orders export: one row per line item; the first row of an order
//            (by Name) carries Email, Paid at / Created at and Total.

export type ImportFormat = 'csv' | 'cdnow' | 'shopify';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'cdnow', 'shopify'];

/** A purchase ready for staging. The customer is a key: an external id or an e-mail address. */
export interface StagedPurchase {
  line: number;
  keyKind: 'external' | 'email';
  key: string;
  name: string | null;
  orderId: string | null;
  /** ISO-8601 instant (a bare date means midnight UTC) */
  occurredAt: string;
  /** decimal text, exactly as written after trimming */
  amount: string;
  product: string | null;
  channel: string | null;
}

export interface RowProblem {
  line: number;
  reason: string;
  column?: string;
}

export type RowResult =
  { kind: 'purchase'; purchase: StagedPurchase } | { kind: 'problem'; problem: RowProblem } | { kind: 'none' };

/** A problem with the whole file (its header): nothing can be imported, even with --skip-bad-rows. */
export class ImportFileError extends Error {
  readonly line: number;
  readonly column: string | undefined;
  constructor(line: number, message: string, column?: string) {
    super(message);
    this.name = 'ImportFileError';
    this.line = line;
    this.column = column;
  }
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

// Files repeat their dates (a shop sells many times a day): a bounded cache of the last
// answers saves the regular expression and the calendar check for most rows.
const recentTimestamps = new Map<string, string | undefined>();

/** YYYY-MM-DD, optionally with a time and an offset (ISO or Shopify's "2024-01-15 10:23:45 -0500"). */
export function parseTimestamp(text: string): string | undefined {
  const known = recentTimestamps.get(text);
  if (known !== undefined) return known;
  const parsed = parseTimestampUncached(text);
  if (parsed !== undefined) {
    if (recentTimestamps.size >= 4_096) recentTimestamps.clear();
    recentTimestamps.set(text, parsed);
  }
  return parsed;
}

function parseTimestampUncached(text: string): string | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  const hh = m[4] ?? '00';
  const mi = m[5] ?? '00';
  const ss = m[6] ?? '00';
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return undefined;
  let offset = m[8] ?? 'Z';
  if (offset !== 'Z' && !offset.includes(':')) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${hh}:${mi}:${ss}${m[7] ?? ''}${offset}`;
}

/** YYYYMMDD (CDNOW). */
export function parseCompactDate(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  return m ? parseTimestamp(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}

const AMOUNT = /^\d{1,12}(?:\.\d+)?$/;

/** A non-negative decimal; refunds (negative amounts) are not purchases. */
export function checkAmount(text: string): { amount: string } | { reason: string } {
  const t = text.trim();
  if (t === '') return { reason: 'the amount is empty' };
  if (t.startsWith('-') && AMOUNT.test(t.slice(1)))
    return { reason: `${JSON.stringify(t)} is negative (a refund is not a purchase)` };
  if (!AMOUNT.test(t)) return { reason: `${JSON.stringify(t)} is not an amount like 12.50` };
  return { amount: t };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const CSV_FIELDS = ['customer_id', 'email', 'date', 'amount', 'order_id', 'product', 'channel', 'name'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Parses `--map customer_id=Client,amount=Total` (also accepts several --map flags joined). */
export function parseColumnMap(specs: readonly string[]): Partial<Record<CsvField, string>> {
  const out: Partial<Record<CsvField, string>> = {};
  for (const spec of specs.flatMap((s) => s.split(','))) {
    if (spec.trim() === '') continue;
    const eq = spec.indexOf('=');
    const field = spec.slice(0, eq).trim() as CsvField;
    const column = spec.slice(eq + 1).trim();
    if (eq < 0 || !column) throw new ImportFileError(0, `--map expects field=Column, got ${JSON.stringify(spec)}`);
    if (!CSV_FIELDS.includes(field))
      throw new ImportFileError(0, `--map: unknown field "${field}" (fields: ${CSV_FIELDS.join(', ')})`);
    out[field] = column;
  }
  return out;
}

export interface RowReader {
  /** Called with the header record (line 1); throws ImportFileError when it cannot work. */
  header(fields: readonly string[]): void;
  /** Called with every data record after the header. */
  row(fields: readonly string[], line: number): RowResult;
}

function columnIndex(header: readonly string[], name: string): number {
  const wanted = name.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === wanted);
}

function problem(line: number, reason: string, column?: string): RowResult {
  return { kind: 'problem', problem: column === undefined ? { line, reason } : { line, reason, column } };
}

/** The trimmed text of column `at` (−1: no such column), at most 500 characters; null when empty. */
function optionalText(fields: readonly string[], at: number): string | null {
  const t = at < 0 ? undefined : fields[at]?.trim();
  return t ? t.slice(0, 500) : null;
}

/** The generic CSV: customer_id or email, date, amount, and optional columns. */
export function csvRowReader(map: Partial<Record<CsvField, string>> = {}): RowReader {
  const idx: Partial<Record<CsvField, number>> = {};
  let header: readonly string[] = [];
  // The columns' positions, -1 when absent. Rows are read without a closure per row: tsx keeps
  // function names (esbuild keepNames), so each closure made per row also set its name: with
  // the objects around them, 8 of the 14 s that 1,000,000 rows took to validate (CPU profile).
  let cid = -1;
  let mail = -1;
  let date = -1;
  let amountAt = -1;
  let orderAt = -1;
  let productAt = -1;
  let channelAt = -1;
  let nameAt = -1;
  return {
    header(fields) {
      header = fields.map((f) => f.trim());
      for (const field of CSV_FIELDS) {
        const name = map[field] ?? field;
        const i = columnIndex(header, name);
        if (i >= 0) idx[field] = i;
        else if (map[field] !== undefined) {
          throw new ImportFileError(
            1,
            `--map ${field}=${name}: the header has no column "${name}" (found: ${header.join(', ')})`,
            name,
          );
        }
      }
      for (const required of ['date', 'amount'] as const) {
        if (idx[required] === undefined) {
          throw new ImportFileError(
            1,
            `missing column "${map[required] ?? required}" in the header (found: ${header.join(', ')}); map yours with --map ${required}=YourColumn`,
            required,
          );
        }
      }
      if (idx.customer_id === undefined && idx.email === undefined) {
        throw new ImportFileError(
          1,
          `missing column "customer_id" or "email" in the header (found: ${header.join(', ')}); map yours with --map customer_id=YourColumn`,
          'customer_id',
        );
      }
      [cid, mail, date, amountAt] = [idx.customer_id ?? -1, idx.email ?? -1, idx.date!, idx.amount!];
      [orderAt, productAt, channelAt, nameAt] = [
        idx.order_id ?? -1,
        idx.product ?? -1,
        idx.channel ?? -1,
        idx.name ?? -1,
      ];
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return problem(line, `expected ${header.length} fields like the header, found ${fields.length}`);
      const id = cid < 0 ? '' : fields[cid]!.trim();
      let keyKind: 'external' | 'email';
      let key: string;
      if (id !== '') {
        // An e-mail address in the id column matches customers by e-mail.
        keyKind = id.includes('@') && EMAIL.test(id) ? 'email' : 'external';
        key = keyKind === 'email' ? id.toLowerCase() : id;
      } else {
        const email = mail < 0 ? '' : fields[mail]!.trim().toLowerCase();
        if (email === '')
          return problem(line, 'no customer: the customer id (and e-mail) is empty', header[cid < 0 ? mail : cid]);
        if (!EMAIL.test(email)) return problem(line, `${JSON.stringify(email)} is not an e-mail address`, header[mail]);
        keyKind = 'email';
        key = email;
      }
      const dateText = fields[date]!;
      const occurredAt = parseTimestamp(dateText);
      if (!occurredAt)
        return problem(
          line,
          `${JSON.stringify(dateText.trim())} is not a date like 2024-03-31 (or 2024-03-31T14:05:00Z)`,
          header[date],
        );
      const amount = checkAmount(fields[amountAt]!);
      if ('reason' in amount) return problem(line, amount.reason, header[amountAt]);
      return {
        kind: 'purchase',
        purchase: {
          line,
          keyKind,
          key,
          name: optionalText(fields, nameAt),
          orderId: optionalText(fields, orderAt),
          occurredAt,
          amount: amount.amount,
          product: optionalText(fields, productAt),
          channel: optionalText(fields, channelAt),
        },
      };
    },
  };
}

/** The trimmed text of the named column ('' when the file has no such column). */
function cell(fields: readonly string[], idx: Record<string, number>, name: string): string {
  const at = idx[name];
  return at === undefined ? '' : (fields[at] ?? '').trim();
}

/**
 * Shopify's orders export. Rows of one order are consecutive and only the first carries the
 * order's e-mail, dates and total; the others are further line items and are passed over.
 */
export function shopifyRowReader(): RowReader {
  const idx: Record<string, number> = {};
  let header: readonly string[] = [];
  let currentOrder: string | null = null;
  const needed = ['Name', 'Email', 'Total', 'Created at'];
  const optional = ['Paid at', 'Lineitem name', 'Source', 'Billing Name', 'Financial Status'];
  return {
    header(fields) {
      header = fields.map((f) => f.trim());
      for (const name of [...needed, ...optional]) {
        const i = columnIndex(header, name);
        if (i >= 0) idx[name] = i;
        else if (needed.includes(name)) {
          throw new ImportFileError(
            1,
            `missing column "${name}": this does not look like a Shopify orders export (found: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`,
            name,
          );
        }
      }
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return problem(line, `expected ${header.length} fields like the header, found ${fields.length}`);
      const order = cell(fields, idx, 'Name');
      if (order === '') return problem(line, 'the order Name is empty', 'Name');
      if (order === currentOrder) return { kind: 'none' };
      currentOrder = order;
      const email = cell(fields, idx, 'Email').toLowerCase();
      if (email === '')
        return problem(line, `order ${order} has no Email (the first line of an order carries it)`, 'Email');
      if (!EMAIL.test(email)) return problem(line, `${JSON.stringify(email)} is not an e-mail address`, 'Email');
      const dateText = cell(fields, idx, 'Paid at') || cell(fields, idx, 'Created at');
      const occurredAt = parseTimestamp(dateText);
      if (!occurredAt)
        return problem(
          line,
          `${JSON.stringify(dateText)} is not a date and time like 2024-01-15 10:23:45 -0500`,
          cell(fields, idx, 'Paid at') ? 'Paid at' : 'Created at',
        );
      const amount = checkAmount(cell(fields, idx, 'Total'));
      if ('reason' in amount) return problem(line, `order ${order}: ${amount.reason}`, 'Total');
      return {
        kind: 'purchase',
        purchase: {
          line,
          keyKind: 'email',
          key: email,
          name: optionalText(fields, idx['Billing Name'] ?? -1),
          orderId: order,
          occurredAt,
          amount: amount.amount,
          product: optionalText(fields, idx['Lineitem name'] ?? -1),
          channel: optionalText(fields, idx['Source'] ?? -1),
        },
      };
    },
  };
}

/**
 * CDNOW: whitespace-separated, master (4 fields, header line) or sample (5 fields). Customers
 * are keyed "cdnow-<master id>"; the line has no order id, so the row hash identifies it.
 */
export function cdnowRowReader(): RowReader {
  let width: number | undefined;
  return {
    header() {
      // CDNOW has no header we need: the master file's first line of words is skipped by the caller.
    },
    row(fields, line) {
      if (width === undefined) {
        if (fields.length !== 4 && fields.length !== 5)
          return problem(line, `expected 4 fields (master) or 5 fields (sample), found ${fields.length}`);
        width = fields.length;
      } else if (fields.length !== width)
        return problem(line, `expected ${width} fields like the lines above, found ${fields.length}`);
      const off = width - 4;
      const id = fields[0]!;
      if (!/^\d+$/.test(id)) return problem(line, `customer id ${JSON.stringify(id)} is not a number`, 'customer_id');
      const occurredAt = parseCompactDate(fields[1 + off]!);
      if (!occurredAt) return problem(line, `${JSON.stringify(fields[1 + off])} is not a date YYYYMMDD`, 'date');
      const amount = checkAmount(fields[3 + off]!);
      if ('reason' in amount) return problem(line, amount.reason, 'dollar_value');
      return {
        kind: 'purchase',
        purchase: {
          line,
          keyKind: 'external',
          key: `cdnow-${id.replace(/^0+(?=\d)/, '')}`,
          name: null,
          orderId: null,
          occurredAt,
          amount: amount.amount,
          product: null,
          channel: null,
        },
      };
    },
  };
}

export function rowReaderFor(format: ImportFormat, map: Partial<Record<CsvField, string>> = {}): RowReader {
  if (format === 'shopify') return shopifyRowReader();
  if (format === 'cdnow') return cdnowRowReader();
  return csvRowReader(map);
}
