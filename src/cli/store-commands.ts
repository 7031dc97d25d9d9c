// `kept serve` and `kept migrate`, and every command that opens the store, registered together:
// kept.ts loads this module only when the command is not `kept clv …` (plain files, no store).
import { Option, type Command } from 'commander';
import { readConfig } from '../config/kept-config.ts';
import { openStore } from '../db/open-database.ts';
import { startKept } from '../http/start-server.ts';
import { portalAddresses } from '../workspaces/index.ts';
import { registerAdminCommands } from './admin-commands.ts';
import { registerImportCommands } from './import-commands.ts';
import { registerReportCommands } from './report-commands.ts';
import { registerRetentionCommands } from './retention-commands.ts';
import { registerSurveyCommands } from './survey-commands.ts';

export function registerStoreCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'Start Kept (web app, API, background timers) on the embedded database, or PostgreSQL when DATABASE_URL is set',
    )
    .addOption(new Option('--port <port>', 'HTTP port').env('PORT'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST'))
    .addOption(new Option('--data-dir <dir>', 'embedded database directory').env('KEPT_DATA_DIR'))
    .action(async (options: { port?: string; host?: string; dataDir?: string }) => {
      const config = readConfig({
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.host ? { HOST: options.host } : {}),
        ...(options.dataDir ? { KEPT_DATA_DIR: options.dataDir } : {}),
      });
      const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
      process.stderr.write(`Kept is starting on ${store}…\n`);
      const kept = await startKept(config);
      process.stdout.write(`Kept is running at ${kept.url}  (API docs: ${kept.url}/api/docs)\n`);
      const portals = await portalAddresses(kept.store.db, kept.ctx.publicUrl);
      for (const p of portals.addresses) process.stdout.write(`Customer portal of "${p.name}": ${p.url}\n`);
      if (portals.more > 0) process.stdout.write(`…and ${portals.more} more workspace(s)\n`);
      const shutdown = async (signal: string) => {
        process.stderr.write(`\n${signal}: stopping Kept…\n`);
        await kept.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Apply database migrations and exit')
    .action(async () => {
      const config = readConfig();
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await store.close();
      process.stdout.write('The database is up to date.\n');
    });

  registerAdminCommands(program);
  registerImportCommands(program);
  registerReportCommands(program);
  registerRetentionCommands(program);
  registerSurveyCommands(program);
}
