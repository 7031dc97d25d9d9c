// `kept retention rebuild [--workspace slug] [--json]`: recompute everything derived from
// purchases (summary, rollups, CLV and risk) from the purchases themselves.
import type { Command } from 'commander';
import { bulkParts, rebuildRetention } from '../retention/index.ts';
import { withStore } from './with-store.ts';
import { workspaceIdFor } from './workspace-option.ts';

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description('Retention data: purchases summary, rollups, CLV and risk');
  retention
    .command('rebuild')
    .description('Rebuild the per-customer summary and the rollups from every purchase, then CLV and risk')
    .option('--workspace <slug>')
    .option('--json', 'one JSON object on stdout')
    .action(async (o: { workspace?: string; json?: boolean }) => {
      await withStore(async (store) => {
        const workspaceId = await workspaceIdFor(store, o.workspace);
        // On PostgreSQL the summary is rebuilt in two parts at once (two connections, two cores).
        const report = await rebuildRetention(store.db, workspaceId, new Date(), { parts: bulkParts(store.db) });
        const s = report.seconds;
        process.stdout.write(
          o.json
            ? `${JSON.stringify(report)}\n`
            : `Rebuilt ${report.scores.customers} customers: summary ${s.summary} s, rollups ${s.rollups} s, CLV and risk ${s.scores} s (${report.scores.model}).\n`,
        );
      });
    });
}
