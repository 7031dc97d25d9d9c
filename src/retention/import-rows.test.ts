import { describe, expect, it } from 'vitest';
import {
  cdnowRowReader,
  checkAmount,
  csvRowReader,
  ImportFileError,
  parseColumnMap,
  parseTimestamp,
  shopifyRowReader,
} from './import-rows.ts';

describe('purchase rows', () => {
  it('reads dates with or without a time and an offset, and refuses impossible ones', () => {
    expect(parseTimestamp('2024-03-31')).toBe('2024-03-31T00:00:00Z');
    expect(parseTimestamp('2024-01-15 10:23:45 -0500')).toBe('2024-01-15T10:23:45-05:00');
    expect(parseTimestamp('2024-01-15T10:23:45.120+02:00')).toBe('2024-01-15T10:23:45.120+02:00');
    expect(parseTimestamp('2023-02-29')).toBeUndefined();
    expect(parseTimestamp('31/03/2024')).toBeUndefined();
    expect(parseTimestamp('2024-01-15 25:00')).toBeUndefined();
  });

  it('reads amounts and refuses refunds and words', () => {
    expect(checkAmount(' 12.50 ')).toEqual({ amount: '12.50' });
    expect(checkAmount('-3')).toEqual({ reason: '"-3" is negative (a refund is not a purchase)' });
    expect(checkAmount('1,200.00')).toEqual({ reason: '"1,200.00" is not an amount like 12.50' });
    expect(checkAmount('')).toEqual({ reason: 'the amount is empty' });
  });

  it('maps header names and says which mapping is wrong', () => {
    expect(parseColumnMap(['customer_id=Client,amount=Total'])).toEqual({ customer_id: 'Client', amount: 'Total' });
    expect(() => parseColumnMap(['price=Total'])).toThrow(/unknown field "price"/);
    const reader = csvRowReader({ amount: 'Totl' });
    expect(() => reader.header(['customer_id', 'date', 'Total'])).toThrow(ImportFileError);
  });

  it('matches by e-mail when the id column holds an address, and names the column of a bad value', () => {
    const reader = csvRowReader();
    reader.header(['customer_id', 'date', 'amount']);
    expect(reader.row(['Ann@Example.com', '2024-01-01', '3'], 2)).toMatchObject({
      kind: 'purchase',
      purchase: { keyKind: 'email', key: 'ann@example.com' },
    });
    expect(reader.row(['c1', '2024-13-01', '3'], 3)).toEqual({
      kind: 'problem',
      problem: { line: 3, column: 'date', reason: expect.stringContaining('"2024-13-01" is not a date') },
    });
    expect(reader.row(['', '2024-01-01', '3'], 4)).toMatchObject({
      kind: 'problem',
      problem: { line: 4, column: 'customer_id' },
    });
  });

  it('Shopify: the first line of an order is the purchase, the others are passed over', () => {
    const reader = shopifyRowReader();
    reader.header(['Name', 'Email', 'Paid at', 'Total', 'Created at', 'Lineitem name']);
    expect(
      reader.row(['#1', 'a@b.co', '2024-01-01 10:00:00 +0000', '9.00', '2024-01-01 09:59:00 +0000', 'Tea'], 2),
    ).toMatchObject({ kind: 'purchase', purchase: { orderId: '#1', amount: '9.00', product: 'Tea' } });
    expect(reader.row(['#1', '', '', '', '', 'Cup'], 3)).toEqual({ kind: 'none' });
    expect(reader.row(['#2', '', '', '', '', 'Cup'], 4)).toMatchObject({
      kind: 'problem',
      problem: { line: 4, column: 'Email' },
    });
  });

  it('CDNOW: sample and master lines, customers keyed by the master id', () => {
    const reader = cdnowRowReader();
    expect(reader.row(['00004', '0001', '19970101', '2', '29.33'], 1)).toMatchObject({
      kind: 'purchase',
      purchase: { key: 'cdnow-4', amount: '29.33', occurredAt: '1997-01-01T00:00:00Z' },
    });
    expect(reader.row(['00004', '19970101', '2', '29.33'], 2)).toMatchObject({
      kind: 'problem',
      problem: { reason: 'expected 5 fields like the lines above, found 4' },
    });
  });
});
