import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-rows.ts';
import { readCsvRecords, type SourceRecord } from './read-records.ts';

/** The records of `text`, fed in chunks of `size` characters so records straddle chunk ends. */
async function records(text: string, size = 3): Promise<SourceRecord[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: SourceRecord[] = [];
  for await (const r of readCsvRecords(Readable.from(chunks))) out.push(r);
  return out;
}

describe('readCsvRecords', () => {
  it('splits plain lines, skips empty ones, drops a BOM and CRs, and numbers lines from 1', async () => {
    for (const size of [1, 2, 5, 1000]) {
      expect(await records('\uFEFFa,b\r\n1,2\r\n\r\n3,\n', size)).toEqual([
        { fields: ['a', 'b'], line: 1 },
        { fields: ['1', '2'], line: 2 },
        { fields: ['3', ''], line: 4 },
      ]);
    }
  });

  it('reads quotes, doubled quotes and line breaks inside quotes, giving the line a record starts on', async () => {
    for (const size of [1, 4, 1000]) {
      expect(await records('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,"é"', size)).toEqual([
        { fields: ['a', 'b'], line: 1 },
        { fields: ['x, y', 'say "hi"'], line: 2 },
        { fields: ['two\nlines', 'z'], line: 3 },
        { fields: ['last', 'é'], line: 5 },
      ]);
    }
  });

  it('refuses an unclosed quote and text after a closing quote, with the line', async () => {
    await expect(records('a,b\n1,"open\n2,3\n')).rejects.toMatchObject({ line: 2 });
    await expect(records('a,b\n1,2\n"x"y,3\n')).rejects.toBeInstanceOf(ImportFileError);
    await expect(records('a,b\n1,2\n"x"y,3\n')).rejects.toMatchObject({ line: 3 });
  });
});
