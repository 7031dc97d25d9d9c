import { and, asc, inArray, lt, sql } from 'drizzle-orm';
import { inboundEmails } from '../../db/schema-email.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import {
  markInboundFailed,
  processInboundEmail,
  processInboundEmails,
  type KnownInbound,
  type ProcessOptions,
} from './process-inbound-email.ts';

const MAX_ATTEMPTS = 8;
/**
 * When mail arrives faster than it is processed, a worker takes up to this many queued
 * messages into one transaction (one commit instead of one each). Small, because a failure
 * makes the whole batch go again one message at a time.
 */
const BATCH_SIZE = 8;
/**
 * Bytes of queued messages kept in memory (handed over by the SMTP listener) so that
 * processing does not read them back; past this, a message is read from its row instead.
 */
const MAX_KNOWN_BYTES = 64 * 1024 * 1024;

/**
 * Processes stored inbound e-mail right after the 250, a few at a time, in this process.
 * Nothing depends on the in-memory queue: a row stays 'received' until its transaction
 * commits, and sweep() (at start and every interval) picks up whatever a crash, a failure or
 * another instance left behind. Two instances may both try a row: the row lock (SKIP LOCKED)
 * and the status check make the effect happen once. Under load, messages are taken in small
 * batches, each batch one transaction.
 */
export class InboundProcessor {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly known = new Map<string, KnownInbound>();
  private knownBytes = 0;
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: DeskContext,
    private readonly options: ProcessOptions & {
      concurrency?: number;
      batchSize?: number;
      sweepIntervalMs?: number;
      onError?: (id: string, error: unknown) => void;
    } = {},
  ) {}

  /** `known`: what the caller holds of the stored message (a hint; the row stays the truth). */
  enqueue(id: string, known?: KnownInbound): void {
    if (this.stopped || this.queued.has(id)) return;
    this.queued.add(id);
    if (known && this.knownBytes + known.raw.length <= MAX_KNOWN_BYTES) {
      this.known.set(id, known);
      this.knownBytes += known.raw.length;
    }
    this.queue.push(id);
    this.pump();
  }

  /** Queues every stored message not yet processed (and failures worth another try). */
  async sweep(limit = 1_000): Promise<number> {
    const rows = await this.ctx.db
      .select({ id: inboundEmails.id })
      .from(inboundEmails)
      .where(
        and(inArray(inboundEmails.status, ['received', 'failed']), lt(inboundEmails.attempts, MAX_ATTEMPTS), sql`true`),
      )
      .orderBy(asc(inboundEmails.receivedAt))
      .limit(limit);
    for (const r of rows) this.enqueue(r.id);
    return rows.length;
  }

  start(): void {
    const interval = this.options.sweepIntervalMs ?? 30_000;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), interval);
    this.timer.unref();
  }

  /** Resolves when nothing is queued or running (tests, the benchmark). */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.queue.length = 0;
    this.known.clear();
    this.knownBytes = 0;
    await this.idle();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    const batchSize = this.options.batchSize ?? BATCH_SIZE;
    while (this.running < limit && this.queue.length > 0) {
      // Another worker starts only for a full batch: while one is busy, what arrives waits for
      // it (or for a batch's worth), so under load batches grow instead of workers. Each batch
      // has a fixed cost (a transaction, its lookups, its outcomes), and on a small machine
      // more transactions at once only compete with each other for the same cores.
      if (this.running > 0 && this.queue.length < batchSize) break;
      const ids = this.queue.splice(0, batchSize);
      const known = new Map<string, KnownInbound>();
      for (const id of ids) {
        const k = this.known.get(id);
        if (!k) continue;
        known.set(id, k);
        this.known.delete(id);
        this.knownBytes -= k.raw.length;
      }
      this.running++;
      void this.runBatch(ids, known).finally(() => {
        this.running--;
        for (const id of ids) this.queued.delete(id);
        if (this.queue.length > 0) this.pump();
        else if (this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
      });
    }
  }

  private async runBatch(ids: string[], known: ReadonlyMap<string, KnownInbound>): Promise<void> {
    if (ids.length > 1) {
      try {
        await processInboundEmails(this.ctx, ids, this.options, known);
        return;
      } catch {
        // Nothing of the batch was kept: each message again on its own, so that only the
        // failing one is marked failed.
      }
    }
    for (const id of ids) await this.run(id, known.get(id));
  }

  private async run(id: string, known: KnownInbound | undefined): Promise<void> {
    try {
      await processInboundEmail(this.ctx, id, this.options, known);
    } catch (error) {
      this.options.onError?.(id, error);
      await markInboundFailed(this.ctx.db, id, error).catch(() => undefined);
    }
  }
}
