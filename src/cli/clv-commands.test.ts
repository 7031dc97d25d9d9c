// Runs the real commands in-process (summarize → fit → score) on the CDNOW sample.
// stdout/stderr are captured by wrapping process.*.write for the duration of a command.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerClvCommands, type ClvFitJson } from './clv-commands.ts';
import { CDNOW_SAMPLE, cdnowTransactions, formatIsoDay, readCdnow } from '../clv/index.ts';

async function run(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const program = new Command();
  program.exitOverride();
  registerClvCommands(program);
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'kept', 'clv', ...args]);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { stdout, stderr, exitCode };
}

const dir = mkdtempSync(join(tmpdir(), 'kept-clv-'));

afterEach(() => {
  process.exitCode = 0;
});

describe('kept clv on the CDNOW sample', () => {
  const transactions = join(dir, 'transactions.csv');
  const summary = join(dir, 'summary.csv');
  writeFileSync(
    transactions,
    'customer_id,date,amount\n' +
      cdnowTransactions(readCdnow(CDNOW_SAMPLE))
        .map((t) => `${t.customerId},${formatIsoDay(t.day)},${t.amount}`)
        .join('\n') +
      '\n',
  );

  it('summarize → fit → score reproduces the published models', async () => {
    const s = await run([
      'summarize',
      '--input',
      transactions,
      '--end',
      '1997-09-30',
      '--unit',
      'weeks',
      '--output',
      summary,
    ]);
    expect(s.exitCode).toBe(0);
    const lines = readFileSync(summary, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2358);
    expect(lines[0]).toBe('customer_id,x,t_x,T,monetary');
    expect(lines[1]).toBe('1,2,30.428571,38.857143,22.345');

    const fits: ClvFitJson[] = [];
    for (const model of ['bgnbd', 'pareto-nbd', 'gamma-gamma']) {
      const r = await run(['fit', '--model', model, '--input', summary, '--json']);
      expect(r.exitCode).toBe(0);
      // exactly one JSON object on stdout
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      const json = JSON.parse(r.stdout) as ClvFitJson;
      expect(Object.keys(json).sort()).toEqual([
        'customers',
        'logLikelihood',
        'model',
        'params',
        'seconds',
        'standardErrors',
      ]);
      expect(json.model).toBe(model);
      fits.push(json);
    }
    const [bg, pn, gg] = fits as [ClvFitJson, ClvFitJson, ClvFitJson];
    expect(bg.params['r']).toBeCloseTo(0.2426, 3);
    expect(bg.params['alpha']).toBeCloseTo(4.4135, 2);
    expect(bg.params['a']).toBeCloseTo(0.7929, 3);
    expect(bg.params['b']).toBeCloseTo(2.4258, 2);
    expect(bg.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(bg.customers).toBe(2357);
    expect(bg.standardErrors['r']).toBeGreaterThan(0);
    expect(pn.params['r']).toBeCloseTo(0.5534, 3);
    expect(pn.params['s']).toBeCloseTo(0.6061, 3);
    expect(pn.logLikelihood).toBeCloseTo(-9594.98, 1);
    expect(gg.params['p']).toBeCloseTo(6.25, 1);
    expect(gg.params['q']).toBeCloseTo(3.74, 1);
    expect(gg.customers).toBe(946);

    const paramsFile = join(dir, 'params.json');
    writeFileSync(paramsFile, JSON.stringify([bg, gg]));
    const scores = join(dir, 'scores.csv');
    const sc = await run(['score', '--input', summary, '--horizon', '39', '--params', paramsFile, '--output', scores]);
    expect(sc.exitCode).toBe(0);
    const rows = readFileSync(scores, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('customer_id,expected_purchases,p_alive,expected_spend,clv');
    expect(rows).toHaveLength(2358);
    const first = rows[1]!.split(',').map(Number);
    expect(first[0]).toBe(1);
    // the published 1.226 is for x=2, t_x=30.43, T=38.86 over 39 weeks: customer 1
    expect(first[1]).toBeCloseTo(1.226, 2);
    expect(first[4]).toBeCloseTo(first[1]! * first[3]!, 4);

    // Fitting inside score (no --params), with discounting, gives smaller CLV than without.
    const discounted = join(dir, 'discounted.csv');
    const sd = await run([
      'score',
      '--input',
      summary,
      '--horizon',
      '39',
      '--discount',
      '0.01',
      '--output',
      discounted,
    ]);
    expect(sd.exitCode).toBe(0);
    const d1 = readFileSync(discounted, 'utf8').trim().split('\n')[1]!.split(',').map(Number);
    expect(d1[1]).toBeCloseTo(first[1]!, 3);
    expect(d1[4]).toBeLessThan(first[4]!);
    expect(d1[4]).toBeGreaterThan(first[4]! * Math.pow(1.01, -39));
  });

  it('reports bad input with file, line and column and exit code 2', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'customer_id,date,amount\n1,1997-01-01,3\n2,1997-01-02,twelve\n');
    const r = await run(['summarize', '--input', bad, '--end', '1997-09-30', '--output', join(dir, 'never.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`kept clv: ${bad}, line 3, column 3 (amount): "twelve" is not a number\n`);
    expect(r.stderr).not.toContain('at ');

    const badSummary = join(dir, 'bad-summary.csv');
    writeFileSync(badSummary, 'customer_id,x,t_x,T\n1,2,40,39\n');
    const f = await run(['fit', '--model', 'bgnbd', '--input', badSummary, '--json']);
    expect(f.exitCode).toBe(2);
    expect(f.stdout).toBe('');
    expect(f.stderr).toContain(`${badSummary}, line 2, column 3 (t_x)`);

    const m = await run(['fit', '--model', 'bg', '--input', badSummary]);
    expect(m.exitCode).toBe(2);
    expect(m.stderr).toContain('--model');

    const e = await run(['summarize', '--input', bad, '--end', '1997-02-30', '--output', join(dir, 'never.csv')]);
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toContain('--end');

    const missing = await run(['fit', '--model', 'bgnbd', '--input', join(dir, 'nope.csv')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });
});
