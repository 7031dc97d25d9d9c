// The store's notifications, on both stores. PostgreSQL: one connection of this instance's own
// LISTENs (a pooled connection would lose its LISTEN when returned), reconnecting after a drop;
// whatever was notified meanwhile is lost, so a reconnect is reported and every browser refetches.
// PGlite: one process owns the database, and its `listen` delivers the same NOTIFYs in-process.
import pg from 'pg';
import type { Store } from '../db/open-database.ts';

export interface StoreNoticeLink {
  /** NOTIFY on a channel (delivered after the surrounding transaction commits, to every listener). */
  publish(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreNoticeHandlers {
  onNotice(channel: string, payload: string): void;
  /** The link was lost and is back: notices in between are gone. */
  onResync(): void;
}

export async function linkStoreNotices(
  store: Store,
  channels: readonly string[],
  handlers: StoreNoticeHandlers,
): Promise<StoreNoticeLink> {
  if (store.pglite) {
    const pglite = store.pglite;
    const stops = await Promise.all(
      channels.map((channel) => pglite.listen(channel, (payload) => handlers.onNotice(channel, payload))),
    );
    return {
      publish: async (channel, payload) => {
        await pglite.query('select pg_notify($1, $2)', [channel, payload]);
      },
      close: async () => {
        await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
      },
    };
  }
  const pool = store.pool!;
  const listener = new PostgresListener(store.connectionString!, channels, handlers);
  await listener.connect();
  return {
    publish: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => listener.close(),
  };
}

const RETRY_MS = [250, 1_000, 2_000, 5_000];

class PostgresListener {
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly handlers: StoreNoticeHandlers,
  ) {}

  async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.payload !== undefined) this.handlers.onNotice(message.channel, message.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          this.failures = 0;
          this.handlers.onResync();
        },
        () => {
          this.failures++;
          if (!this.closed) this.retry();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
