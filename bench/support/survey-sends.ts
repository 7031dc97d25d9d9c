/**
 * The send half of bench/surveys.ts: surveys through the outbox against the outbox's own rate for
 * plain messages, in alternating windows of the same run, to one local SMTP sink that accepts and
 * discards. Plain: 100,000 replies waiting in the outbox, sent by `deliverOutbox` as the
 * `outbox-send` job does. Surveys: 100,000 scheduled surveys, each decided and written to the
 * outbox by `sendSurvey` (one at a time, as the `survey-send` job's worker takes them), while
 * `deliverOutbox` sends what they wrote. Both count what the sink received in the window.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openPostgres, type Store } from '../../src/db/open-database.ts';
import { deliverOutbox } from '../../src/email/outbound/deliver-outbox.ts';
import { saveEmailSettings } from '../../src/email/outbound/email-settings.ts';
import { closeMailTransports } from '../../src/email/outbound/mail-transports.ts';
import { RecordingTimers, type DeskContext } from '../../src/kernel/desk-context.ts';
import { sendSurvey } from '../../src/surveys/index.ts';
import { fmt } from './bench-kit.ts';

export interface SendWindow {
  kind: 'plain' | 'survey';
  sent: number;
  seconds: number;
  perSecond: number;
  skipped: number;
}

async function startDiscardSink(): Promise<{ port: number; count: () => number; close(): Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    count: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `deliverOutbox` until the window ends (or `stopWhenIdle` and nothing is due). */
async function deliverLoop(ctx: DeskContext, workspaceId: string, until: () => boolean, stopWhenIdle: () => boolean) {
  while (!until()) {
    const counts = await deliverOutbox(ctx, { workspaceId });
    if (counts.sent + counts.retrying + counts.failed === 0) {
      if (stopWhenIdle()) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

export async function measureSends(options: {
  databaseUrl: string;
  workspaceId: string;
  /** Window length per phase; 0: until that phase's backlog is empty. */
  seconds: number;
  rounds: number;
}): Promise<SendWindow[]> {
  const sink = await startDiscardSink();
  const store: Store = await openPostgres(options.databaseUrl);
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  const { workspaceId } = options;
  const ctx: DeskContext = {
    db: store.db,
    timers: new RecordingTimers(),
    now: () => new Date(),
    publicUrl: 'http://bench.test',
  };
  await saveEmailSettings(
    store.db,
    workspaceId,
    {
      smtpHost: '127.0.0.1',
      smtpPort: sink.port,
      smtpSecure: false,
      fromAddress: 'support@bench.test',
      fromName: 'Bench',
    },
    new Date(),
  );
  const { rows } = await admin.query<{ id: string }>(
    `select id from survey_requests where workspace_id = $1 and status = 'scheduled' order by id`,
    [workspaceId],
  );
  const queue = rows.map((r) => r.id);
  let nextSurvey = 0;
  const windows: SendWindow[] = [];
  // Held rows wait as 'failed' so that only one kind is due at a time.
  // Plain messages are released a thousand at a time, as the surveys reach the outbox a batch at a
  // time: the claim sorts every pending row (outbox_status_idx, BitmapOr), so 100,000 pending at
  // once would make the baseline pay ~100,000 rows per batch of 20 (BENCH_PLAIN_CHUNK=0: all at once).
  const chunk = Number(process.env.BENCH_PLAIN_CHUNK ?? 1000);
  const release = (kind: string) =>
    admin.query(
      `update outbox set status = 'pending', next_attempt_at = null where id in (
         select id from outbox where status = 'failed' and kind = $1 order by created_at limit $2)`,
      [kind, kind === 'reply' && chunk > 0 ? chunk : 1_000_000],
    );
  // Surveys decided but not sent in their window are set aside for good: the next window starts empty.
  const hold = (kind: string) =>
    admin.query(`update outbox set status = $2 where status in ('pending', 'sending') and kind = $1`, [
      kind,
      kind === 'reply' ? 'failed' : 'bounced',
    ]);
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const kind of ['plain', 'survey'] as const) {
        await admin.query('checkpoint');
        const outboxKind = kind === 'plain' ? 'reply' : 'message';
        await release(outboxKind);
        const before = sink.count();
        const started = performance.now();
        const deadline = options.seconds > 0 ? started + options.seconds * 1000 : Infinity;
        const over = () => performance.now() >= deadline;
        let skipped = 0;
        let deciding = kind === 'survey';
        const decide = async () => {
          while (!over() && nextSurvey < queue.length) {
            const surveyId = queue[nextSurvey++]!;
            const { outcome } = await sendSurvey(ctx, { workspaceId, surveyId });
            if (outcome === 'skipped') skipped++;
          }
          deciding = false;
        };
        let releasing = kind === 'plain';
        const feed = async () => {
          // The next thousand once the outbox has sent the last.
          while (!over()) {
            const { rows: pending } = await admin.query<{ n: number }>(
              `select count(*)::int as n from outbox where status in ('pending', 'sending') and kind = 'reply'`,
            );
            if (pending[0]!.n === 0 && (await release('reply')).rowCount === 0) break;
            await new Promise((r) => setTimeout(r, 20));
          }
          releasing = false;
        };
        await Promise.all([
          kind === 'survey' ? decide() : chunk > 0 ? feed() : Promise.resolve((releasing = false)),
          deliverLoop(ctx, workspaceId, over, () => !deciding && !releasing),
        ]);
        const seconds = (performance.now() - started) / 1000;
        const sent = sink.count() - before;
        await hold(outboxKind);
        windows.push({ kind, sent, seconds, perSecond: sent / seconds, skipped });
        process.stderr.write(
          `  round ${round + 1} ${kind}: ${fmt(sent)} sent in ${fmt(seconds, 1)} s = ${fmt(sent / seconds, 1)}/s` +
            (kind === 'survey' ? ` (${skipped} skipped)` : '') +
            '\n',
        );
      }
    }
  } finally {
    closeMailTransports();
    await admin.end();
    await store.close();
    await sink.close();
  }
  return windows;
}
