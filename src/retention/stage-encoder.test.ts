import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-rows.ts';
import { StageEncoder, type StagePart, type StageSettings } from './stage-encoder.ts';

const CSV: StageSettings = { format: 'csv', skipBadRows: true, pieceBytes: 64 };

/** The whole file through one encoder, fed `size` bytes at a time (so records and letters straddle pieces). */
function encode(text: string, size: number, settings: StageSettings = CSV) {
  const stage = new StageEncoder(settings);
  const bytes = Buffer.from(text, 'utf8');
  const parts: StagePart[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(stage.push(bytes.subarray(at, at + size)));
  parts.push(stage.end());
  const last = parts.at(-1)!;
  return {
    copy: parts.flatMap((p) => p.copy.map((c) => Buffer.from(c).toString('utf8'))).join(''),
    pieces: parts.flatMap((p) => p.copy.map((c) => Buffer.from(c).toString('utf8'))),
    problems: parts.flatMap((p) => p.problems),
    counts: { rowsRead: last.rowsRead, purchasesInFile: last.purchasesInFile, skipped: last.skipped },
  };
}

describe('StageEncoder', () => {
  const FILE =
    '\uFEFFcustomer_id,date,amount,order_id,name\r\n' +
    'c1,2024-01-05,12.50,o1,Ann\r\n' +
    '\r\n' +
    'c2,2024-13-01,3,o2,Bob\r\n' +
    '"c3","2024-01-06T10:00:00Z","4","o3","Line\none, ""quoted"""\n' +
    'c4,2024-01-07,-2,o4,Dee\n' +
    'c5,2024-01-08,7,o5,Zoë\ttab\n';

  it('writes COPY lines of the valid rows with the line each starts on, whatever the pieces', () => {
    const expected = [
      '2\texternal\tc1\tAnn\to1\t2024-01-05T00:00:00Z\t12.50\t\\N\t\\N\n',
      '5\texternal\tc3\tLine\\none, "quoted"\to3\t2024-01-06T10:00:00Z\t4\t\\N\t\\N\n',
      '8\texternal\tc5\tZoë\\ttab\to5\t2024-01-08T00:00:00Z\t7\t\\N\t\\N\n',
    ].join('');
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      const out = encode(FILE, size);
      expect(out.copy).toBe(expected);
      expect(out.counts).toEqual({ rowsRead: 5, purchasesInFile: 3, skipped: 2 });
      // Each piece of COPY text is whole lines.
      for (const piece of out.pieces) expect(piece.endsWith('\n')).toBe(true);
    }
  });

  it('reports each problem with its line and column, the line a quoted multi-line record starts on', () => {
    const { problems } = encode(FILE + 'c6,"two\nlines",1,o6,Eve\n', 5);
    expect(problems).toEqual([
      { line: 4, column: 'date', reason: expect.stringContaining('"2024-13-01" is not a date') },
      { line: 7, column: 'amount', reason: '"-2" is negative (a refund is not a purchase)' },
      { line: 9, column: 'date', reason: expect.stringContaining('"two\\nlines" is not a date') },
    ]);
  });

  it('stops writing rows after the first problem of a file that will be refused, and keeps counting', () => {
    const out = encode(FILE, 4, { ...CSV, skipBadRows: false });
    expect(
      out.copy
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['2']);
    expect(out.counts).toEqual({ rowsRead: 5, purchasesInFile: 3, skipped: 2 });
  });

  it('refuses an empty file, a bad header and broken quotes, with the line', () => {
    expect(() => encode('', 4)).toThrow(/the file is empty/);
    expect(() => encode('\n\n', 4)).toThrow(ImportFileError);
    expect(() => encode('id,when\n1,2\n', 4)).toThrow(/missing column "date"/);
    try {
      encode('customer_id,date,amount\nc1,2024-01-01,1\nc2,"2024-01-01,1\n', 3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).line).toBe(3);
    }
  });

  it('reads CDNOW lines (the header of words skipped, empty lines counted, CRLF or a lone CR)', () => {
    const text = 'ID DATE CDS DOLLARS\r\n00004 19970101 2 29.33\r\n\r\n00004 19970118 2 29.73\r00005 1997x 1 1\n';
    const out = encode(text, 3, { format: 'cdnow', skipBadRows: true, pieceBytes: 1 << 16 });
    expect(out.copy).toBe(
      '2\texternal\tcdnow-4\t\\N\t\\N\t1997-01-01T00:00:00Z\t29.33\t\\N\t\\N\n' +
        '4\texternal\tcdnow-4\t\\N\t\\N\t1997-01-18T00:00:00Z\t29.73\t\\N\t\\N\n',
    );
    expect(out.problems).toEqual([{ line: 5, column: 'date', reason: '"1997x" is not a date YYYYMMDD' }]);
  });
});
