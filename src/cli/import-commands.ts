// `kept import transactions FILE --format csv|cdnow|shopify [--map field=Column,…] [--skip-bad-rows] [--workspace slug]`
// Streams the file into the workspace's purchases (see src/retention/import-transactions.ts),
// shows a progress bar on a terminal (stderr), prints the report, and then refreshes CLV and
// churn risk. Exit code 2 when the file was refused (nothing imported).
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { KeptError } from '../errors/kept-error.ts';
import {
  IMPORT_FORMATS,
  ImportFileError,
  type ImportFormat,
  type ImportReport,
  importTransactions,
  parseColumnMap,
  refreshScores,
} from '../retention/index.ts';
import { workspaceIdFor } from './workspace-option.ts';
import { withStore } from './with-store.ts';

export function formatImportReport(report: ImportReport): string {
  const lines = [
    `${{ done: 'Imported', failed: 'REFUSED', cancelled: 'CANCELLED' }[report.status]}: ${report.source} (${report.format})`,
    `  rows read          ${report.rowsRead}`,
    `  purchases in file  ${report.purchasesInFile}`,
    `  imported           ${report.imported}`,
    `  already there      ${report.duplicates}`,
    `  skipped            ${report.skipped}`,
    `  customers created  ${report.customersCreated}, matched ${report.customersMatched}`,
    `  time               ${report.seconds} s`,
  ];
  if (report.problems.length > 0) {
    lines.push(report.status === 'done' ? '  skipped rows:' : '  problems:');
    for (const p of report.problems.slice(0, 50))
      lines.push(`    line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.reason}`);
    if (report.skipped > 50)
      lines.push(`    … and ${report.skipped - 50} more (the API's report lists the first 1,000)`);
  }
  lines.push(report.message);
  return lines.join('\n');
}

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('Import data into Kept')
    .command('transactions')
    .description('Import purchases (one transaction: a bad file imports nothing; re-importing adds nothing twice)')
    .argument('<file>', 'the file to import')
    .requiredOption('--format <format>', `one of ${IMPORT_FORMATS.join(', ')}`)
    .option(
      '--map <mapping...>',
      'csv header names: customer_id=Client,date=Day,amount=Total (fields: customer_id, email, date, amount, order_id, product, channel, name)',
    )
    .option('--skip-bad-rows', 'import the good rows and report the bad ones, instead of importing nothing')
    .option('--workspace <slug>')
    .option('--no-score', 'do not refresh CLV and churn risk afterwards')
    .option('--json', 'print the report as JSON on stdout')
    .action(
      async (
        file: string,
        o: {
          format: string;
          map?: string[];
          skipBadRows?: boolean;
          workspace?: string;
          score: boolean;
          json?: boolean;
        },
      ) => {
        if (!(IMPORT_FORMATS as readonly string[]).includes(o.format)) {
          throw new KeptError('request.invalid', `Unknown format "${o.format}" (use ${IMPORT_FORMATS.join(', ')})`, {
            field: 'format',
          });
        }
        let map;
        try {
          map = parseColumnMap(o.map ?? []);
        } catch (error) {
          if (error instanceof ImportFileError) throw new KeptError('request.invalid', error.message, { field: 'map' });
          throw error;
        }
        let size: number;
        try {
          size = fs.statSync(file).size;
        } catch (error) {
          throw new KeptError(
            'request.invalid',
            `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
            { field: 'file' },
          );
        }
        await withStore(async (store) => {
          const workspaceId = await workspaceIdFor(store, o.workspace);
          const bar = process.stderr.isTTY
            ? new cliProgress.SingleBar(
                {
                  stream: process.stderr,
                  format: 'importing {bar} {percentage}% | {rows} rows | {eta_formatted} left',
                  etaBuffer: 50,
                },
                cliProgress.Presets.shades_classic,
              )
            : null;
          bar?.start(size, 0, { rows: 0 });
          // Ctrl-C cancels between records and steps: rolled back, the import marked cancelled.
          const cancel = new AbortController();
          const onInterrupt = () => {
            process.stderr.write('\nCancelling the import…\n');
            cancel.abort();
          };
          process.once('SIGINT', onInterrupt);
          const report = await importTransactions(store.db, {
            workspaceId,
            format: o.format as ImportFormat,
            source: path.basename(file),
            input: fs.createReadStream(file),
            map,
            skipBadRows: Boolean(o.skipBadRows),
            now: new Date(),
            onProgress: ({ rows, bytes }) => bar?.update(bytes, { rows }),
            sizeBytes: size,
            signal: cancel.signal,
          }).finally(() => process.off('SIGINT', onInterrupt));
          bar?.update(size);
          bar?.stop();
          if (o.json) process.stdout.write(`${JSON.stringify(report)}\n`);
          else process.stdout.write(`${formatImportReport(report)}\n`);
          if (report.status !== 'done') {
            process.exitCode = report.status === 'cancelled' ? 130 : 2;
            return;
          }
          if (o.score && report.imported > 0) {
            process.stderr.write('Refreshing CLV and churn risk…\n');
            const fit = await refreshScores(store.db, workspaceId, new Date());
            process.stderr.write(`Scored ${fit.customers} customers in ${fit.seconds.total} s (${fit.model}).\n`);
          }
        });
      },
    );
}
