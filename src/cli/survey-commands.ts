// `kept surveys rebuild [--workspace slug]`: recount the survey reports' tally (a derived index,
// src/surveys/survey-tally.ts) from the survey events and rows, should it ever be doubted.
import type { Command } from 'commander';
import { rebuildSurveyTallies } from '../surveys/index.ts';
import { withStore } from './with-store.ts';
import { workspaceIdFor } from './workspace-option.ts';

export function registerSurveyCommands(program: Command): void {
  const surveys = program.command('surveys').description("Surveys: the reports' tally");
  surveys
    .command('rebuild')
    .description("Recount the survey reports' daily and monthly tally from the survey events and rows")
    .option('--workspace <slug>')
    .action(async (o: { workspace?: string }) => {
      await withStore(async (store) => {
        const workspaceId = await workspaceIdFor(store, o.workspace);
        const t0 = Date.now();
        await rebuildSurveyTallies(store.db, workspaceId);
        process.stdout.write(`Rebuilt the survey tally in ${((Date.now() - t0) / 1000).toFixed(1)} s.\n`);
      });
    });
}
