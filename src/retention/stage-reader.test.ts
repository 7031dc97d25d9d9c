import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-rows.ts';
import type { StagePart, StageSettings } from './stage-encoder.ts';
import type { ReadOn } from './import-types.ts';
import { chooseReader, openStageReader, WORKER_ABOVE_BYTES } from './stage-reader.ts';

const SETTINGS: StageSettings = { format: 'csv', skipBadRows: true, pieceBytes: 1 << 12 };

function file(rows: number): Buffer {
  let text = 'customer_id,date,amount,order_id\n';
  for (let i = 0; i < rows; i++)
    text += i % 1000 === 7 ? `c${i},someday,1,o${i}\n` : `c${i % 97},2024-02-03,${i % 50}.25,o${i}\n`;
  return Buffer.from(text);
}

async function read(on: ReadOn, content: Buffer) {
  const reader = openStageReader(SETTINGS, on);
  try {
    const parts: Promise<StagePart>[] = [];
    for (let at = 0; at < content.length; at += 5000) parts.push(reader.push(content.subarray(at, at + 5000).slice()));
    parts.push(reader.end());
    const done = await Promise.all(parts);
    return {
      on: reader.on,
      copy: Buffer.concat(done.flatMap((p) => p.copy)).toString('utf8'),
      problems: done.flatMap((p) => p.problems),
      last: done.at(-1)!,
    };
  } finally {
    reader.close();
  }
}

describe('stage reader', () => {
  it('reads on a worker thread what this thread reads: the same COPY text, problems and counts', async () => {
    const content = file(20_000);
    const [worker, thread] = await Promise.all([read('worker', content), read('thread', content)]);
    expect(worker.on).toBe('worker');
    expect(thread.on).toBe('thread');
    expect(worker.copy).toBe(thread.copy);
    expect(worker.copy.split('\n').length - 1).toBe(19_980);
    expect(worker.problems).toEqual(thread.problems);
    expect(worker.problems[0]).toMatchObject({ line: 9, column: 'date' });
    expect(worker.last).toMatchObject({ rowsRead: 20_000, purchasesInFile: 19_980, skipped: 20 });
  });

  it("hands a file's error back from the worker with its line and column", async () => {
    const reader = openStageReader(SETTINGS, 'worker');
    try {
      const header = reader.push(Buffer.from('customer_id,when,amount\nc1,2024-01-01,1\n'));
      await expect(header).rejects.toBeInstanceOf(ImportFileError);
      await expect(header).rejects.toMatchObject({ line: 1, column: 'date' });
    } finally {
      reader.close();
    }
  });

  it('refuses what is waiting, and what comes after, once the worker is gone (it failed or was closed)', async () => {
    const reader = openStageReader(SETTINGS, 'worker');
    const waiting = reader.push(file(50_000));
    reader.close();
    await expect(waiting).rejects.toThrow(/reader was closed/);
    await expect(reader.push(Buffer.from('c1,2024-01-01,1\n'))).rejects.toThrow(/reader was closed/);
    await expect(reader.end()).rejects.toThrow(/reader/);
  });

  it('refuses what is not bytes rather than stalling', async () => {
    const reader = openStageReader(SETTINGS, 'worker');
    try {
      // Not bytes.
      await expect(reader.push(42 as unknown as Uint8Array)).rejects.toThrow(/reading the file failed/);
    } finally {
      reader.close();
    }
  });

  it('copies a view before posting it (not its whole buffer), and moves bytes that are a buffer of their own', async () => {
    const whole = file(2000);
    const reader = openStageReader(SETTINGS, 'worker');
    try {
      const view = whole.subarray(0, 1000);
      const own = new Uint8Array(whole.subarray(1000));
      await Promise.all([reader.push(view), reader.push(own), reader.end()]);
      expect(whole.byteLength).toBeGreaterThan(0); // the view's buffer is still usable here
      expect(own.byteLength).toBe(0); // moved to the worker
    } finally {
      reader.close();
    }
  });

  it('reads a small file in this thread and a large or unsized one on a worker', () => {
    expect(chooseReader(1000)).toBe('thread');
    expect(chooseReader(WORKER_ABOVE_BYTES)).toBe('worker');
    expect(chooseReader(undefined)).toBe('worker');
  });
});
