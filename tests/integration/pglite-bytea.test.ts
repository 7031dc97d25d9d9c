// Bytes through the embedded store (issue 14): written as a binary parameter and read back with
// Node's hex codec (src/db/pglite-bytea.ts), exactly, and without holding the event loop.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/open-database.ts';
import { sharedStore } from './support/test-stores.ts';

describe('bytea on PGlite', () => {
  it('stores and reads every byte value, and none, through drizzle and the raw client', async () => {
    const store = await sharedStore('pglite');
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const [row] = await queryRows<{ b: Buffer; e: Buffer }>(
      store.db,
      sql`select ${every}::bytea as b, ${Buffer.alloc(0)}::bytea as e`,
    );
    expect(Buffer.from(row!.b).equals(every)).toBe(true);
    expect(row!.e.length).toBe(0);
    const { rows } = await store.pglite!.query<{ n: number; b: Buffer }>(
      'select octet_length($1::bytea) as n, $1::bytea as b',
      [every.subarray(10, 20)],
    );
    expect(rows[0]).toMatchObject({ n: 10 });
    expect(Buffer.from(rows[0]!.b).equals(every.subarray(10, 20))).toBe(true);
  });

  it('takes four megabytes there and back in well under a second of CPU (PGlite’s own codec: ~2 s)', async () => {
    const store = await sharedStore('pglite');
    const bytes = Buffer.alloc(4 * 1024 * 1024, '> quoted\r\n');
    await store.pglite!.query('select 1'); // warm
    const start = process.cpuUsage();
    const { rows } = await store.pglite!.query<{ b: Buffer }>('select $1::bytea as b', [bytes]);
    const used = process.cpuUsage(start);
    expect(Buffer.from(rows[0]!.b).equals(bytes)).toBe(true);
    expect((used.user + used.system) / 1000).toBeLessThan(1_000);
  });
});
