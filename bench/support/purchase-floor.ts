// The floor of the purchases schema for the import bench: the file's purchases with everything
// resolved (customer ids, row_hash), written into empty tables shaped and indexed like
// `purchases` (LIKE … INCLUDING ALL: logged, its primary key, unique (workspace_id, row_hash) and
// (workspace_id, customer_id, occurred_at) indexes; no triggers). What no import into this schema
// can beat on this machine, whatever its own steps cost. Reads `bench_copy`, the \copy baseline's
// table (customer_id, date, amount, order_id, channel).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';

export interface FloorFigure {
  name: string;
  seconds: number;
  /** the load average (1, 5, 15 min) when it ended */
  load: string;
}

const RESOLVED = `select $1::uuid as workspace_id, md5(customer_id)::uuid as customer_id, order_id,
  date::timestamptz as occurred_at, amount::numeric(14,2) as amount, null::text as product, channel,
  'o:' || order_id as row_hash, null::uuid as import_id from bench_copy`;
const COLUMNS = 'workspace_id, customer_id, order_id, occurred_at, amount, product, channel, row_hash, import_id';

export async function measureFloor(pool: pg.Pool, url: string, workspaceId: string): Promise<FloorFigure[]> {
  const file = path.join(os.tmpdir(), `kept_bench_floor_${process.pid}.tsv`);
  const out: FloorFigure[] = [];
  const timed = async (name: string, run: () => Promise<unknown> | unknown) => {
    await pool.query('checkpoint');
    const t0 = performance.now();
    await run();
    out.push({
      name,
      seconds: (performance.now() - t0) / 1000,
      load: os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
    });
  };
  const client = await pool.connect();
  try {
    await client.query(`create unlogged table floor_source as ${RESOLVED}`, [workspaceId]);
    await client.query('analyze floor_source');
    execFileSync('psql', [url, '-q', '-c', `\\copy floor_source to '${file}'`]);
    for (const t of ['floor_copy', 'floor_insert', 'floor_sorted']) {
      await client.query(`create table ${t} (like purchases including all)`);
    }
    await timed('COPY of the resolved purchases (file order)', () =>
      execFileSync('psql', [url, '-q', '-c', `\\copy floor_copy (${COLUMNS}) from '${file}'`]),
    );
    await timed('INSERT … SELECT from a table (file order)', () =>
      client.query(`insert into floor_insert (${COLUMNS}) select * from floor_source`),
    );
    await timed('INSERT … SELECT sorted by (customer, time)', () =>
      client.query(
        `insert into floor_sorted (${COLUMNS}) select * from floor_source order by customer_id, occurred_at`,
      ),
    );
  } finally {
    await client.query('drop table if exists floor_source, floor_copy, floor_insert, floor_sorted');
    client.release();
    fs.rmSync(file, { force: true });
  }
  return out;
}
