/**
 * End-to-end inbound e-mail on PostgreSQL: SMTP in → stored → parsed → threaded → customer
 * message → acknowledgement queued (outbox), beside a bare smtp-server + mailparser pipeline
 * that stores nothing, in the same run, with the same client and concurrency.
 *
 *   npx tsx bench/email-inbound.ts        (BENCH_MESSAGES=2000 BENCH_CONCURRENCY=16)
 *
 * Mix: 1,000 customers; a third of the messages open a case, the rest reply with In-Reply-To.
 * The rate is measured until the last message is processed (not only 250'd). On a shared
 * machine the rates move with the load, so the Kept phase also reports what it costs per
 * message, which moves much less: SQL statements (counted at pg.Client#query), and CPU time
 * of this process and of the PostgreSQL backends serving it (from /proc, when local).
 */
import { count, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import pg from 'pg';
import { migrateStore, openPostgres } from '../src/db/open-database.ts';
import { users } from '../src/db/schema.ts';
import { outbox } from '../src/db/schema-email.ts';
import { InboundProcessor } from '../src/email/inbound/inbound-processor.ts';
import { startSmtpListener } from '../src/email/inbound/smtp-listener.ts';
import { addSupportAddress } from '../src/email/inbound/support-addresses.ts';
import { RecordingTimers, type DeskContext } from '../src/kernel/desk-context.ts';
import { createWorkspace } from '../src/workspaces/create-workspace.ts';

const N = Number(process.env.BENCH_MESSAGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ADMIN = process.env.KEPT_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'kept_bench_email_inbound';

// Statements sent to PostgreSQL, counted for the Kept phase only.
let statements = 0;
// BENCH_STATEMENTS=1: also a count of each statement's opening words, to see what they are.
const shapes = process.env.BENCH_STATEMENTS ? new Map<string, number>() : null;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  if (shapes) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').slice(0, 70);
    shapes.set(text, (shapes.get(text) ?? 0) + 1);
  }
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** CPU milliseconds used so far by the backends connected to the bench database, or null. */
async function backendCpuMs(admin: pg.Client): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [DB]);
  try {
    let ticks = 0;
    for (const { pid } of rows) {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (clock ticks of 10 ms)
    }
    return ticks * 10;
  } catch {
    return null; // PostgreSQL on another machine (or no /proc): not measured
  }
}

const message = (i: number) => {
  const customer = i % 1000;
  const first = i < 1000;
  return (
    `From: Customer ${customer} <c${customer}@bench.test>\r\nTo: support@bench-desk.test\r\nSubject: Order ${customer} question\r\n` +
    `Message-ID: <bench-${i}@bench.test>\r\n${first ? '' : `In-Reply-To: <bench-${customer}@bench.test>\r\n`}MIME-Version: 1.0\r\n` +
    `Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
    `Hello, my order ${customer} has not arrived yet and the tracking page has not changed for five days.\r\n\r\nOn Mon, Kept wrote:\r\n> We are on it.\r\n` +
    `--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello, my order ${customer} has not arrived yet.</p><img src="https://t.test/p.gif">\r\n--b--\r\n`
  );
};

async function drive(port: number, indexes: number[]): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONCURRENCY,
    maxMessages: Infinity,
  });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < indexes.length) {
        const i = indexes[next++]!;
        await transport.sendMail({
          envelope: { from: `c${i % 1000}@bench.test`, to: ['support@bench-desk.test'] },
          raw: message(i),
        });
      }
    }),
  );
  transport.close();
  return performance.now() - started;
}

async function bare(indexes: number[]): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream).then(() => callback(), callback);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  const ms = await drive(port, indexes);
  await new Promise<void>((r) => server.close(() => r()));
  return ms;
}

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  const store = await openPostgres(ADMIN.replace(/\/[^/]*$/, `/${DB}`), 20);
  await migrateStore(store);
  const { workspace, admin: adminUser } = await createWorkspace(store.db, {
    workspaceName: 'Bench',
    adminName: 'Ada',
    adminEmail: 'ada@bench.test',
    password: 'correct-horse-battery',
    language: 'en',
  });
  for (let k = 0; k < 5; k++) {
    await store.db.insert(users).values({
      workspaceId: workspace.id,
      name: `Agent ${k}`,
      email: `a${k}@bench.test`,
      role: 'agent',
      languages: ['en'],
      passwordHash: adminUser.passwordHash,
      capacity: 100_000,
    });
  }
  await addSupportAddress(store.db, workspace.id, 'support@bench-desk.test');
  const ctx: DeskContext = {
    db: store.db,
    timers: new RecordingTimers(),
    now: () => new Date(),
    publicUrl: 'http://bench.test',
  };
  // BENCH_BATCH: messages per processing transaction (1 = one transaction per message, as before).
  const batchSize = Number(process.env.BENCH_BATCH ?? 8);
  // BENCH_WORKERS: processing transactions at once; 8 as kept serve on PostgreSQL (start-server.ts).
  const workers = Number(process.env.BENCH_WORKERS ?? 8);
  const processor = new InboundProcessor(ctx, {
    concurrency: workers,
    batchSize,
    onError: (id, e) => console.error(id, (e as Error).message),
  });
  // Every bench client connects from one address: let all of them in (the default is 20 per address).
  const perAddress = Math.max(CONCURRENCY, 20);
  const smtp = await startSmtpListener({
    db: store.db,
    processor,
    host: '127.0.0.1',
    port: 0,
    maxConnectionsPerAddress: perAddress,
  });

  // Warm-up (JIT, connections), then the opening third and the replies, each beside bare.
  await bare(Array.from({ length: 100 }, (_, i) => 50_000 + i));
  const all = Array.from({ length: N }, (_, i) => i);
  const bareMs = await bare(all);
  const pgCpuBefore = await backendCpuMs(admin);
  const cpuBefore = process.cpuUsage();
  statements = 0;
  shapes?.clear();
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of this process during the Kept phase only.
  const profiler = process.env.BENCH_PROFILE ? new (await import('node:inspector/promises')).Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const started = performance.now();
  await drive(smtp.port, all);
  const acceptedMs = performance.now() - started;
  await processor.idle();
  const keptMs = performance.now() - started;
  const keptStatements = statements;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    (await import('node:fs')).writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const cpu = process.cpuUsage(cpuBefore);
  const pgCpuAfter = await backendCpuMs(admin);
  const bareCpuBefore = process.cpuUsage();
  const bareAgainMs = await bare(all);
  const bareCpu = process.cpuUsage(bareCpuBefore);

  const [queued] = await store.db.select({ n: count() }).from(outbox).where(eq(outbox.workspaceId, workspace.id));
  const bareRate = (2 * N) / ((bareMs + bareAgainMs) / 1000);
  const keptRate = N / (keptMs / 1000);
  console.log(
    `messages ${N}, concurrency ${CONCURRENCY}, workers ${workers}, batch ${batchSize}, cores ${(await import('node:os')).cpus().length}`,
  );
  console.log(
    `bare smtp-server + mailparser: ${bareRate.toFixed(0)} msg/s (runs: ${(N / (bareMs / 1000)).toFixed(0)}, ${(N / (bareAgainMs / 1000)).toFixed(0)})`,
  );
  console.log(
    `Kept end to end (processed):   ${keptRate.toFixed(0)} msg/s   (250s answered at ${(N / (acceptedMs / 1000)).toFixed(0)} msg/s)`,
  );
  console.log(`ratio ${(keptRate / bareRate).toFixed(2)}; acknowledgements queued in outbox: ${queued!.n}`);
  const perMessage = (micros: { user: number; system: number }) =>
    ((micros.user + micros.system) / 1000 / N).toFixed(2);
  const pgCpu =
    pgCpuBefore !== null && pgCpuAfter !== null ? `, PostgreSQL ${((pgCpuAfter - pgCpuBefore) / N).toFixed(2)} ms` : '';
  console.log(
    `per message: Kept ${(keptStatements / N).toFixed(2)} SQL statements, CPU ms: this process ${perMessage(cpu)}${pgCpu}; bare CPU ms: ${perMessage(bareCpu)}`,
  );
  if (shapes)
    for (const [text, n] of [...shapes].sort((a, b) => b[1] - a[1])) console.log(`${(n / N).toFixed(3)}  ${text}`);
  await smtp.close();
  await processor.stop();
  await store.close();
  // BENCH_KEEP=1 leaves the database for a look at its plans (EXPLAIN) after the run.
  if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
}

await main();
