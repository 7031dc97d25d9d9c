import { Option, type Command } from 'commander';
import { readConfig } from '../config/kept-config.ts';
import { eq } from 'drizzle-orm';
import { createApiToken, createUser } from '../accounts/index.ts';
import { users } from '../db/schema.ts';
import { KeptError } from '../errors/kept-error.ts';
import { ROLES } from '../kernel/domain-words.ts';
import { seedDemoCompany } from '../demo/seed-demo-company.ts';
import { createTeam, findTeamByName, listTeams } from '../teams/index.ts';
import { withStore } from './with-store.ts';
import { workspaceIdFor } from './workspace-option.ts';

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('Manage staff accounts');
  user
    .command('add')
    .description('Add an agent, supervisor or admin')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--role <role>', 'agent | supervisor | admin', 'agent')
    .option('--languages <codes>', 'languages spoken, comma-separated (e.g. en,ar)', 'en')
    .option('--capacity <n>', 'open cases this person can own', '20')
    .option('--team <name>', 'the team this person works in (see `kept team list`)')
    .option('--workspace <slug>')
    .action(
      async (o: {
        email: string;
        name: string;
        password: string;
        role: string;
        languages: string;
        capacity: string;
        team?: string;
        workspace?: string;
      }) => {
        if (!(ROLES as readonly string[]).includes(o.role))
          throw new KeptError('request.invalid', `Unknown role "${o.role}"`, { field: 'role' });
        await withStore(async (store) => {
          const workspaceId = await workspaceIdFor(store, o.workspace);
          const teamId = o.team === undefined ? null : await findTeamByName(store.db, workspaceId, o.team);
          const row = await createUser(store.db, {
            workspaceId,
            teamId,
            email: o.email,
            name: o.name,
            password: o.password,
            role: o.role as 'agent',
            languages: o.languages
              .split(',')
              .map((l) => l.trim())
              .filter(Boolean),
            capacity: Number(o.capacity),
          });
          process.stdout.write(
            `Added ${row.role} ${row.name} <${row.email}>${o.team === undefined ? '' : ` to ${o.team}`}\n`,
          );
        });
      },
    );
  user
    .command('list')
    .description('List staff accounts')
    .action(async () => {
      await withStore(async (store) => {
        for (const u of await store.db.select().from(users).orderBy(users.name)) {
          process.stdout.write(
            `${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.name} [${u.languages.join(',')}]${u.active ? '' : ' (inactive)'}\n`,
          );
        }
      });
    });

  const team = program.command('team').description('Teams: who answers which queue, with their own hours and figures');
  team
    .command('add')
    .argument('<name>')
    .option('--workspace <slug>')
    .action(async (name: string, o: { workspace?: string }) => {
      await withStore(async (store) => {
        const created = await createTeam(store.db, await workspaceIdFor(store, o.workspace), name);
        process.stdout.write(`Added team ${created.name}\n`);
      });
    });
  team
    .command('list')
    .option('--workspace <slug>')
    .action(async (o: { workspace?: string }) => {
      await withStore(async (store) => {
        for (const t of await listTeams(store.db, await workspaceIdFor(store, o.workspace))) {
          process.stdout.write(
            `${t.name}  (${t.memberCount} ${t.memberCount === 1 ? 'person' : 'people'}${t.hasCalendar ? ', own hours' : ''})\n`,
          );
        }
      });
    });

  program
    .command('token')
    .description('API tokens for integrations')
    .command('add')
    .requiredOption('--email <email>', 'the admin the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (o: { email: string; name: string }) => {
      await withStore(async (store) => {
        const [row] = await store.db.select().from(users).where(eq(users.email, o.email.toLowerCase()));
        if (!row) throw new KeptError('not_found', `No user ${o.email}`);
        process.stdout.write(
          `${await createApiToken(store.db, { workspaceId: row.workspaceId, userId: row.id, name: o.name })}\n`,
        );
      });
    });

  program
    .command('demo')
    .description(
      'Fill a new workspace with a believable company: multilingual agents, ~200 customers, cases in every state',
    )
    .option('--customers <n>', 'how many customers', '200')
    .option('--password <password>', 'password for every demo account', 'kept-demo-password')
    // The links in the demo's e-mails and the printed portal address point where `kept serve` will
    // listen: give the demo the same port (or public address) as the server.
    .addOption(new Option('--port <port>', 'the HTTP port `kept serve` will use').env('PORT'))
    .addOption(new Option('--public-url <url>', 'the address customers reach Kept at').env('KEPT_PUBLIC_URL'))
    .action(async (o: { customers: string; password: string; port?: string; publicUrl?: string }) => {
      const { publicUrl } = readConfig({
        ...process.env,
        ...(o.port ? { PORT: o.port } : {}),
        ...(o.publicUrl ? { KEPT_PUBLIC_URL: o.publicUrl } : {}),
      });
      await withStore(async (store) => {
        const summary = await seedDemoCompany(store, {
          customers: Number(o.customers),
          password: o.password,
          now: new Date(),
          publicUrl,
        });
        process.stdout.write(`${summary}\n`);
      });
    });
}
