import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportResponse, ImportView } from '../../src/contract/retention-types.ts';
import type { ImportCreatedResponse } from '../../src/contract/route-response-types.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { runStoredImport, STOPPED_MESSAGE } from '../../src/retention/import-job.ts';
import { rebuildSummary } from '../../src/retention/rebuild-retention.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

/** `rows` purchases of rows / 10 customers, each with an order id. */
const FILE = (rows: number) => {
  const lines = ['customer_id,date,amount,order_id'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `c${i % Math.max(1, rows / 10)},2024-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')},9.50,o${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Issue 17: on the embedded store a background import is applied in committed chunks, so the
// server keeps answering while it runs, its progress moves, and nothing of it shows until it is whole.
describe('background import on the embedded store, in committed chunks', () => {
  let kept: TestKept;
  let ws: TestWorkspace;

  beforeAll(async () => {
    kept = await testKept('pglite');
  });

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
  const counts = async () =>
    (
      await queryRows<{ purchases: number; customers: number; summaries: number; uploads: number }>(
        kept.store.db,
        sql`select (select count(*)::int from purchases where workspace_id = ${ws.id}) as purchases,
                   (select count(*)::int from customers where workspace_id = ${ws.id}) as customers,
                   (select count(*)::int from customer_value where workspace_id = ${ws.id}) as summaries,
                   (select count(*)::int from import_uploads where workspace_id = ${ws.id}) as uploads`,
      )
    )[0]!;

  it('the server answers while 60,000 rows import; progress moves; no half import shows', async () => {
    ws = await createTestWorkspace(kept);
    const rows = 60_000;
    const id = await upload(FILE(rows));
    let finished = false;
    const running = runStoredImport(kept.ctx, ws.id, id).finally(() => (finished = true));
    const seen: ImportView[] = [];
    let halfSeen = false;
    while (!finished) {
      const health = await ws.request(null, { method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const view = await get(id);
      seen.push(view);
      const now = await counts();
      if (view.status === 'running' && now.purchases > 0 && now.purchases < rows && !halfSeen) {
        // Half applied: a summary rebuilt now (another import's, `kept retention rebuild`) leaves it out.
        halfSeen = true;
        await rebuildSummary(kept.store.db, ws.id);
        const after = await counts();
        expect(after.summaries).toBe(0);
      }
      expect(now.summaries === 0 || now.summaries === rows / 10).toBe(true);
      await sleep(20);
    }
    await running;
    expect(await get(id)).toMatchObject({ status: 'done', rowsRead: rows, report: { imported: rows } });
    expect(await counts()).toEqual({ purchases: rows, customers: rows / 10, summaries: rows / 10, uploads: 0 });
    expect(halfSeen).toBe(true);
    // Progress between 0 and 100: part of the file read, and later phases while running.
    expect(seen.some((v) => v.status === 'running' && v.bytesRead > 0 && v.bytesRead < v.bytesTotal!)).toBe(true);
    expect(seen.some((v) => v.status === 'running' && v.phase === 'purchases')).toBe(true);
    // Requests ran throughout (not only before and after: the next test counts the chunks between them).
    expect(seen.length).toBeGreaterThan(10);
  }, 180_000);

  it('requests are answered between the chunks, throughout the import, not only before and after', async () => {
    ws = await createTestWorkspace(kept);
    const rows = 30_000;
    const id = await upload(FILE(rows));
    let finished = false;
    const running = runStoredImport(kept.ctx, ws.id, id).finally(() => (finished = true));
    // Each answer notes how many purchases were committed when it came: answers at many distinct
    // points strictly between none and all mean the desk ran between chunks all along.
    const midway = new Set<number>();
    while (!finished) {
      const health = await ws.request(null, { method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const { purchases } = await counts();
      if (!finished && purchases > 0 && purchases < rows) midway.add(purchases);
      // In-process requests need no I/O: without a turn of the event loop they would starve the import.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await running;
    expect(await get(id)).toMatchObject({ status: 'done', report: { imported: rows } });
    // 30,000 rows go in about 20 chunks; answered between at least 5 of them.
    expect(midway.size).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it('a cancel after some chunks were committed undoes them by the import id; re-importing is whole', async () => {
    ws = await createTestWorkspace(kept);
    const rows = 40_000;
    const id = await upload(FILE(rows));
    const running = runStoredImport(kept.ctx, ws.id, id);
    while ((await counts()).purchases === 0) await sleep(10);
    const cancelled = await ws.request(ws.admin, { method: 'POST', url: `/api/v1/imports/${id}/cancel` });
    await running;
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<ImportResponse>(cancelled).import).toMatchObject({ status: 'cancelled', report: { imported: 0 } });
    expect(await counts()).toEqual({ purchases: 0, customers: 0, summaries: 0, uploads: 0 });
    const created = await queryRows<{ n: number }>(
      kept.store.db,
      sql`select count(*)::int as n from import_created_customers where import_id = ${id}`,
    );
    expect(created[0]!.n).toBe(0);
    const again = await upload(FILE(rows));
    await runStoredImport(kept.ctx, ws.id, again);
    expect(await get(again)).toMatchObject({ status: 'done', report: { imported: rows, duplicates: 0 } });
    const twice = await upload(FILE(rows));
    await runStoredImport(kept.ctx, ws.id, twice);
    expect(await get(twice)).toMatchObject({ status: 'done', report: { imported: 0, duplicates: rows } });
    expect(await counts()).toEqual({ purchases: rows, customers: rows / 10, summaries: rows / 10, uploads: 0 });
  }, 180_000);
});

describe.each<StoreKind>(['pglite', 'postgres'])('an import stopped half-applied on %s', (kind) => {
  it.skipIf(kind === 'postgres' && !postgres)(
    'is undone by its id when its job is retried at start-up: purchases and created customers',
    async () => {
      const kept = await testKept(kind);
      const ws = await createTestWorkspace(kept);
      const db = kept.store.db;
      const r = await ws.request(ws.admin, {
        method: 'POST',
        url: '/api/v1/imports?format=csv',
        payload: FILE(3),
        headers: { 'content-type': 'text/csv' },
      });
      const id = json<ImportCreatedResponse>(r).import.id;
      // What a process stopped after its first chunk leaves: a created customer and its purchase,
      // a matched customer (kept) with another, and the mark on the upload.
      const [kept1, made] = await queryRows<{ id: string }>(
        db,
        sql`insert into customers (workspace_id, name, external_id) values (${ws.id}, 'Kept', 'k1'), (${ws.id}, 'Made', 'm1')
          returning id`,
      );
      await db.execute(sql`update imports set status = 'running' where id = ${id}`);
      await db.execute(sql`update import_uploads set purchases_after = (select coalesce(max(id), 0) from purchases)
        where import_id = ${id}`);
      await db.execute(sql`insert into import_created_customers (import_id, customer_id) values (${id}, ${made!.id})`);
      await db.execute(sql`
        insert into purchases (workspace_id, customer_id, order_id, occurred_at, amount, row_hash, import_id)
        values (${ws.id}, ${made!.id}, 'x1', now(), 1, 'o:x1', ${id}), (${ws.id}, ${kept1!.id}, 'x2', now(), 1, 'o:x2', ${id})`);
      await runStoredImport(kept.ctx, ws.id, id);
      expect(
        json<ImportResponse>(await ws.request(ws.admin, { method: 'GET', url: `/api/v1/imports/${id}` })).import,
      ).toMatchObject({ status: 'failed', report: { message: STOPPED_MESSAGE } });
      const [left] = await queryRows<{ purchases: number; customers: string[]; uploads: number }>(
        db,
        sql`select (select count(*)::int from purchases where workspace_id = ${ws.id}) as purchases,
                   (select array_agg(name) from customers where workspace_id = ${ws.id}) as customers,
                   (select count(*)::int from import_uploads where import_id = ${id}) as uploads`,
      );
      expect(left).toEqual({ purchases: 0, customers: ['Kept'], uploads: 0 });
    },
  );
});
