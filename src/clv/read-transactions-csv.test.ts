import { describe, expect, it } from 'vitest';
import { parseTransactionsCsv } from './read-transactions-csv.ts';
import { parseSummaryCsv } from './summary-csv.ts';
import { parseCdnow } from './read-cdnow.ts';
import { ClvInputError } from './clv-input-error.ts';
import { formatIsoDay } from './dates.ts';

function errorOf(fn: () => unknown): ClvInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClvInputError) return e;
    throw e;
  }
  throw new Error('expected a ClvInputError');
}

describe('parseTransactionsCsv', () => {
  it('reads rows, quoted fields, extra columns and CRLF line ends', () => {
    const text =
      'order_id,customer_id,date,amount,product\r\n1,"c,1",2024-01-02,10.5,"CD ""live"""\r\n2,c2,2024-01-03T10:00:00Z,3,x\r\n';
    const rows = parseTransactionsCsv(text, 't.csv');
    expect(rows.map((r) => [r.customerId, formatIsoDay(r.day), r.amount])).toEqual([
      ['c,1', '2024-01-02', 10.5],
      ['c2', '2024-01-03', 3],
    ]);
  });

  it('maps header names', () => {
    const rows = parseTransactionsCsv('Email,Paid at,Total\na@x,2024-02-29,1\n', 's.csv', {
      customerId: 'email',
      date: 'paid at',
      amount: 'total',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.customerId).toBe('a@x');
  });

  it('names the line and column of a bad amount', () => {
    const e = errorOf(() =>
      parseTransactionsCsv('customer_id,date,amount\na,2024-01-01,1\nb,2024-01-02,abc\n', 'tx.csv'),
    );
    expect([e.file, e.line, e.column]).toEqual(['tx.csv', 3, 3]);
    expect(e.message).toBe('tx.csv, line 3, column 3 (amount): "abc" is not a number');
  });

  it('rejects impossible dates and wrong field counts with their line', () => {
    const e1 = errorOf(() => parseTransactionsCsv('customer_id,date,amount\na,2023-02-30,1\n', 'tx.csv'));
    expect([e1.line, e1.column]).toEqual([2, 2]);
    const e2 = errorOf(() => parseTransactionsCsv('customer_id,date,amount\n\na,2023-02-03,1,9\n', 'tx.csv'));
    expect(e2.line).toBe(3);
    expect(e2.message).toContain('expected 3 fields');
  });

  it('counts lines inside quoted fields and reports a missing header column', () => {
    const e = errorOf(() =>
      parseTransactionsCsv('customer_id,date,amount,note\na,2024-01-01,1,"two\nlines"\nb,,1,x\n', 'tx.csv'),
    );
    expect([e.line, e.column]).toEqual([4, 2]);
    const h = errorOf(() => parseTransactionsCsv('customer,date,amount\n', 'tx.csv'));
    expect(h.line).toBe(1);
    expect(h.message).toContain('missing column "customer_id"');
  });

  it('reports an unterminated quote', () => {
    const e = errorOf(() => parseTransactionsCsv('customer_id,date,amount\n"a,2024-01-01,1\n', 'tx.csv'));
    expect(e.line).toBe(2);
    expect(e.message).toContain('unterminated');
  });
});

describe('parseSummaryCsv', () => {
  it('validates x, t_x and T with line and column', () => {
    const ok = parseSummaryCsv('customer_id,x,t_x,T,monetary\n1,2,3.5,10,4\n2,0,0,7,0\n', 's.csv');
    expect(Array.from(ok.x)).toEqual([2, 0]);
    expect(Array.from(ok.monetary!)).toEqual([4, 0]);
    const e1 = errorOf(() => parseSummaryCsv('customer_id,x,t_x,T\n1,2,11,10\n', 's.csv'));
    expect([e1.line, e1.column]).toEqual([2, 3]);
    const e2 = errorOf(() => parseSummaryCsv('customer_id,x,t_x,T\n1,2,1,10\n2,1.5,1,10\n', 's.csv'));
    expect(e2.message).toBe('s.csv, line 3, column 2 (x): x must be a whole number ≥ 0, got 1.5');
  });

  // Files without quotes take a faster reader; both readers must agree on every row and every problem.
  const withQuotes = (text: string) => text.replace(/^(\d+),/gm, '"$1",');
  it.each([
    ['plain', (t: string) => t],
    ['quoted', withQuotes],
  ])('reads a %s file: ids, blank lines, CRLF, and names each problem by line and column', (_, shape) => {
    const ok = parseSummaryCsv(shape('customer_id,x,t_x,T\r\n7,1,2.5,9\r\n\r\n 8 ,0,0,4\r\n9,3, 1.25 ,6'), 's.csv');
    expect(ok.customerId).toEqual(['7', '8', '9']);
    expect(Array.from(ok.tx)).toEqual([2.5, 0, 1.25]);
    expect(Array.from(ok.T)).toEqual([9, 4, 6]);
    expect(ok.monetary).toBeUndefined();
    const problem = (text: string) => errorOf(() => parseSummaryCsv(shape(text), 's.csv'));
    const head = 'customer_id,x,t_x,T\n1,0,0,5\n';
    expect(problem(`${head}2,1,1\n`).message).toBe('s.csv, line 3: expected 4 fields like the header, found 3');
    expect(problem(`${head}2,1,1,5,9\n`).message).toBe('s.csv, line 3: expected 4 fields like the header, found 5');
    expect(problem(`${head}2,,1,5\n`).message).toBe('s.csv, line 3, column 2 (x): "" is not a number');
    expect(problem(`${head}2,1,abc,5\n`).message).toBe('s.csv, line 3, column 3 (t_x): "abc" is not a number');
    expect(problem(`${head}\n\n2,1,2,1\n`).message).toBe('s.csv, line 5, column 3 (t_x): t_x (2) is larger than T (1)');
  });

  it('refuses a blank customer id', () => {
    const e = errorOf(() => parseSummaryCsv('customer_id,x,t_x,T\n1,0,0,5\n  ,1,1,5\n', 's.csv'));
    expect(e.message).toBe('s.csv, line 3, column 1 (customer_id): customer id is empty');
  });
});

describe('parseCdnow', () => {
  it('reads both layouts and reports bad lines', () => {
    const master = parseCdnow(' customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n', 'm.txt');
    expect(master).toEqual([{ customerId: '1', day: 9862, quantity: 1, amount: 11.77 }]);
    const sample = parseCdnow(' 00004 0001 19970101  2   29.33\n', 's.txt');
    expect(sample[0]!.sampleId).toBe('1');
    const e = errorOf(() => parseCdnow(' 00004 0001 19970101  2   29.33\n 00004 0001 19971301  2   1\n', 's.txt'));
    expect([e.line, e.column]).toEqual([2, 3]);
  });
});
