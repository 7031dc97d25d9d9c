import { Command } from 'commander';
import { KeptError } from '../errors/kept-error.ts';
import { registerClvCommands } from './clv-commands.ts';

const program = new Command();
program.name('kept').description('Kept: customer service that never drops a customer').showHelpAfterError();

// `kept clv …` reads and writes plain files: loading the server and the database drivers with it
// took longer than fitting a million customers (3.7 s of CPU before the first line was read).
if (process.argv[2] !== 'clv') {
  const { registerStoreCommands } = await import('./store-commands.ts');
  registerStoreCommands(program);
}
registerClvCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof KeptError) {
    process.stderr.write(`kept: ${error.message}${error.location.field ? ` (${error.location.field})` : ''}\n`);
    process.exit(2);
  }
  throw error;
}
