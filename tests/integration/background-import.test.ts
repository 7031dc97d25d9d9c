import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportResponse } from '../../src/contract/retention-types.ts';
import type { ImportCreatedResponse } from '../../src/contract/route-response-types.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { runStoredImport, STOPPED_MESSAGE } from '../../src/retention/import-job.ts';
import { importTransactions } from '../../src/retention/import-transactions.ts';
import { getImport } from '../../src/retention/get-import.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

const FILE = (n: number) =>
  'customer_id,date,amount,order_id\n' +
  Array.from({ length: n }, (_, i) => `c${i % 50},2024-01-${String((i % 28) + 1).padStart(2, '0')},9.50,b${i}\n`).join(
    '',
  );

// Issue 17: an upload is stored and answered 202, the import runs as a job, and can be cancelled.
describe.each<StoreKind>(['pglite', 'postgres'])('background imports on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
  });

  const fresh = async () => (ws = await createTestWorkspace(kept));
  const upload = async (body: string) => {
    const r = await ws.request(ws.admin, {
      method: 'POST',
      url: '/api/v1/imports?format=csv',
      payload: body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.statusCode, r.body).toBe(202);
    return json<ImportCreatedResponse>(r).import.id;
  };
  const get = async (id: string) =>
    json<ImportResponse>(await ws.request(ws.admin, { method: 'GET', url: `/api/v1/imports/${id}` })).import;
  const cancel = (as: TestStaff | null, id: string) =>
    ws.request(as, { method: 'POST', url: `/api/v1/imports/${id}/cancel` });
  const counts = async () =>
    (
      await queryRows<{ purchases: number; uploads: number }>(
        kept.store.db,
        sql`select (select count(*)::int from purchases where workspace_id = ${ws.id}) as purchases,
                   (select count(*)::int from import_uploads where workspace_id = ${ws.id}) as uploads`,
      )
    )[0]!;

  run('202 with the id; queued and readable, the server answering meanwhile; the job runs it to done', async () => {
    await fresh();
    const id = await upload(FILE(30));
    expect(await get(id)).toMatchObject({ status: 'queued', rowsRead: 0, bytesTotal: FILE(30).length, report: null });
    expect((await counts()).uploads).toBe(1); // accepted means stored
    expect((await ws.request(null, { method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(kept.timers.scheduled.some((t) => t.name === 'import-run' && t.payload['importId'] === id)).toBe(true);
    await runStoredImport(kept.ctx, ws.id, id);
    expect(await get(id)).toMatchObject({
      status: 'done',
      phase: null,
      rowsRead: 30,
      bytesRead: FILE(30).length,
      report: { imported: 30 },
    });
    expect(await counts()).toEqual({ purchases: 30, uploads: 0 });
    // Run twice (a retried job): the finished import is left alone.
    await runStoredImport(kept.ctx, ws.id, id);
    expect(await get(id)).toMatchObject({ status: 'done', report: { imported: 30 } });
  });

  run('cancel: 401, 400, 404 (random, another workspace’s), then a queued import is cancelled; 409 after', async () => {
    await fresh();
    const id = await upload(FILE(5));
    expect((await cancel(null, id)).statusCode).toBe(401);
    const malformed = await cancel(ws.admin, 'nope');
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed).error.field).toBe('id');
    expect((await cancel(ws.admin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const other = await createTestWorkspace(kept);
    expect((await cancel(other.admin, id)).statusCode).toBe(404);
    expect((await cancel(ws.agentEn, id)).statusCode).toBe(403);
    const cancelled = await cancel(ws.admin, id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<ImportResponse>(cancelled).import.status).toBe('cancelled');
    await runStoredImport(kept.ctx, ws.id, id); // the queued job finds it cancelled
    expect(await get(id)).toMatchObject({ status: 'cancelled' });
    expect(await counts()).toEqual({ purchases: 0, uploads: 0 });
    const again = await cancel(ws.admin, id);
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('import.finished');
  });

  run('cancelling a running import rolls it back: status cancelled, nothing imported', async () => {
    await fresh();
    const id = await upload(FILE(2_000));
    const running = runStoredImport(kept.ctx, ws.id, id);
    const cancelled = await cancel(ws.admin, id);
    await running;
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<ImportResponse>(cancelled).import).toMatchObject({
      status: 'cancelled',
      report: { status: 'cancelled', imported: 0 },
    });
    expect(await counts()).toEqual({ purchases: 0, uploads: 0 });
    const customers = await queryRows<{ n: number }>(
      kept.store.db,
      sql`select count(*)::int as n from customers where workspace_id = ${ws.id}`,
    );
    expect(customers[0]!.n).toBe(0);
  });

  run('the CLI path: an abort mid-file (Ctrl-C) rolls back and marks the import cancelled', async () => {
    await fresh();
    const cancel = new AbortController();
    const report = await importTransactions(kept.store.db, {
      workspaceId: ws.id,
      format: 'csv',
      source: 'big.csv',
      input: Readable.from([FILE(25_000)]),
      now: new Date(),
      onProgress: () => cancel.abort(), // at the first progress, 10,000 rows in
      signal: cancel.signal,
    });
    expect(report).toMatchObject({ status: 'cancelled', imported: 0 });
    expect(await getImport(kept.store.db, ws.id, report.importId)).toMatchObject({ status: 'cancelled' });
    expect((await counts()).purchases).toBe(0);
  });

  run(
    'a stored upload over 1 MB is read in slices: every row in, a letter cut by a slice boundary intact',
    async () => {
      await fresh();
      // ASCII rows (long, so there are few) up to just before 1 MiB, then a name of two-byte letters that
      // the first slice ends inside.
      const LONG = 'n'.repeat(400);
      let head = 'customer_id,date,amount,order_id,name\n';
      for (let i = 0; Buffer.byteLength(head) < (1 << 20) - 600; i++)
        head += `c${i % 100},2024-01-05,1.00,s${i},${LONG}\n`;
      if (((1 << 20) - Buffer.byteLength(head) - 'z1,2024-01-05,1.00,z1,'.length) % 2 === 0)
        head += `c0,2024-01-05,1.00,pad,n\n`;
      const name = 'Ж'.repeat(400);
      const content = Buffer.from(`${head}z1,2024-01-05,1.00,z1,${name}\n`);
      const cut = content.subarray(0, 1 << 20).toString('utf8');
      expect(cut.endsWith('\ufffd')).toBe(true); // the boundary falls inside a letter
      const rows = content.toString('utf8').trim().split('\n').length - 1;
      const report = await importTransactions(kept.store.db, {
        workspaceId: ws.id,
        format: 'csv',
        source: 'stored.csv',
        input: Readable.from([content]),
        now: new Date(),
      });
      expect(report).toMatchObject({ status: 'done', imported: rows, rowsRead: rows });
      const [customer] = await queryRows<{ name: string }>(
        kept.store.db,
        sql`select name from customers where workspace_id = ${ws.id} and external_id = 'z1'`,
      );
      expect(customer!.name).toBe(name);
    },
  );

  run('a job retried after its process stopped finds its import running and fails it, saying so', async () => {
    await fresh();
    const id = await upload(FILE(3));
    await kept.store.db.execute(sql`update imports set status = 'running' where id = ${id}`);
    await runStoredImport(kept.ctx, ws.id, id);
    expect(await get(id)).toMatchObject({ status: 'failed', report: { message: STOPPED_MESSAGE } });
    expect(await counts()).toEqual({ purchases: 0, uploads: 0 });
  });
});
