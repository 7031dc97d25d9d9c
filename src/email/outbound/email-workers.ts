import type { DeskContext } from '../../kernel/desk-context.ts';
import { EMAIL_JOB } from '../../kernel/job-names.ts';
import { closeMailTransports } from './mail-transports.ts';
import { errorReason } from '../../db/pg-error.ts';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * The periodic sweep, on start and every minute: one send job for any pending outbox row (one
 * whose job was lost, or inserted by code that did not schedule one) and one IMAP poll. pg-boss's
 * own cron is off on the embedded store, so a timer queues them; the jobs themselves are
 * idempotent, so several Kept instances sweeping at once is harmless.
 */
export function startEmailWorkers(ctx: DeskContext, options: { intervalMs?: number } = {}): { stop(): void } {
  const sweep = async () => {
    try {
      const now = ctx.now();
      await ctx.timers.schedule(ctx.db, { name: EMAIL_JOB.outboxSend, payload: {}, startAfter: now });
      await ctx.timers.schedule(ctx.db, { name: EMAIL_JOB.imapPoll, payload: {}, startAfter: now });
    } catch (error) {
      console.error(`[kept] e-mail sweep: ${errorReason(error)}`);
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), options.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      closeMailTransports();
    },
  };
}
