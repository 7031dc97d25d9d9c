import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { rebuildCaseTally } from '../../src/retention/case-tally.ts';
import { lorenzCurve } from '../../src/retention/lorenz.ts';
import { complaintRateReport, complaintYearOverall } from '../../src/retention/report-complaint-rate.ts';
import { paretoReport } from '../../src/retention/report-pareto.ts';
import { formerComplaintRate } from './support/complaint-rate-reference.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();
const DAY = 86_400_000;

describe.each<StoreKind>(['pglite', 'postgres'])('the case tally (issue 15) on %s', (kind) => {
  let kept: TestKept;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    a = await createTestWorkspace(kept);
    b = await createTestWorkspace(kept);
  });

  const snapshot = async (ws: TestWorkspace) => ({
    customers: await queryRows(
      kept.store.db,
      sql`select customer_id, month::text, cases, complaints from case_tally where workspace_id = ${ws.id}
          order by 1, 2`,
    ),
    months: await queryRows(
      kept.store.db,
      sql`select month::text, complaints, customers from case_tally_months where workspace_id = ${ws.id} order by 1`,
    ),
    days: await queryRows(
      kept.store.db,
      sql`select day::text, latest from case_tally_days where workspace_id = ${ws.id} and latest <> 0 order by 1`,
    ),
  });
  const newCustomers = async (ws: TestWorkspace, n: number) =>
    (
      await queryRows<{ id: string }>(
        kept.store.db,
        sql`insert into customers (workspace_id, name) select ${ws.id}, 'Tally ' || i from generate_series(1, ${n}) i
            returning id`,
      )
    ).map((r) => r.id);
  /** One statement, as a bulk writer would: (customer, days before now, complaint?, channel). */
  const insertCases = async (ws: TestWorkspace, rows: Array<[string, number, boolean, string]>, now: Date) => {
    const values = rows.map(
      ([customer, daysAgo, complaint, channel]) =>
        sql`(${ws.id}::uuid, ${customer}::uuid, 'Tally case', 'resolved', ${channel}, ${complaint},
          ${new Date(now.getTime() - daysAgo * DAY).toISOString()}::timestamptz)`,
    );
    await kept.store.db.execute(
      sql`insert into cases (workspace_id, customer_id, subject, status, channel, is_complaint, created_at)
          values ${sql.join(values, sql`, `)}`,
    );
  };
  const openCase = async (ws: TestWorkspace, body: string) =>
    json<CaseDetailResponse>(
      await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: 'Tally Walk-in', email: `t-${Math.random().toString(36).slice(2)}@example.com` },
          channel: 'web',
          body,
        },
      }),
    );
  const mark = (ws: TestWorkspace, caseId: string, payload: object, unmark = false) =>
    ws.request(ws.agentAr, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/complaint${unmark ? '/unmark' : ''}`,
      payload,
    });

  run('equals its recomputation after intake, bulk inserts, marks, unmarks, kind changes and a rebuild', async () => {
    const now = new Date();
    const yearAgo = 365;
    const [c1, c2, c3, c4, c5, c6, c7, c8] = await newCustomers(a, 8);
    // Buyers: c4 bought this month (active), c5 lapsed 20 months ago, c6 bought only 13 months ago
    // with no acquisition recorded, c7 bought in the month of its cases 200 days ago. The others never bought.
    const month = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 7) + '-01';
    const buyer = (id: string, daysAgo: number, channel: string | null, product: string | null) =>
      sql`(${a.id}::uuid, ${id}::uuid, ${month(daysAgo)}::date, ${month(daysAgo)}::date, 1, 1, 10, 0, ${channel},
        ${product}, array[${month(daysAgo)}::date])`;
    await kept.store.db.execute(
      sql`insert into customer_value (workspace_id, customer_id, first_day, last_day, purchase_days, orders, revenue,
            repeat_revenue, acquisition_channel, acquisition_product, months)
          values ${sql.join([buyer(c4!, 0, 'ads', 'mug'), buyer(c5!, 600, 'shop', 'cap'), buyer(c6!, 400, null, null), buyer(c7!, 200, 'ads', 'cap')], sql`, `)}`,
    );
    // Out of time order, several months and customers in one statement; the year's edge on both sides.
    await insertCases(
      a,
      [
        [c1!, 3, false, 'email'],
        [c1!, 700, true, 'email'],
        [c1!, 40, true, 'phone'],
        [c2!, yearAgo - 0.01, true, 'chat'],
        [c2!, 500, false, 'email'],
        [c3!, yearAgo + 0.01, true, 'email'],
        [c4!, 10, true, 'portal'],
        [c4!, 11, false, 'portal'],
        [c5!, 100, true, 'email'],
        [c5!, 101, false, 'email'],
        [c6!, 300, false, 'phone'],
        [c7!, 200, true, 'email'],
        [c8!, 30, false, 'web'],
      ],
      now,
    );
    // One at a time: an older case (the latest stays), a newer one (it moves), the same day again.
    await insertCases(a, [[c8!, 400, true, 'web']], now);
    await insertCases(a, [[c3!, 2, false, 'email']], now);
    await insertCases(a, [[c3!, 2, true, 'chat']], now);
    await insertCases(b, [[(await newCustomers(b, 1))[0]!, 5, true, 'email']], now);

    // Through intake and the complaint routes: the customer's words, then marks, a kind change, unmarks.
    const words = await openCase(a, 'I want to file a complaint: you charged me twice.');
    const plain = await openCase(a, 'Where is my parcel?');
    expect((await mark(a, plain.case.id, { kind: 'delivery', reason: 'Late twice' })).statusCode).toBe(200);
    expect((await mark(a, plain.case.id, { kind: 'billing', reason: 'It was the bill' })).statusCode).toBe(200);
    expect((await mark(a, words.case.id, { reason: 'Not a complaint after all' }, true)).statusCode).toBe(200);
    expect((await mark(a, plain.case.id, { reason: 'Resolved as a question' }, true)).statusCode).toBe(200);
    expect((await mark(a, plain.case.id, { kind: 'product', reason: 'Raised again' })).statusCode).toBe(200);
    await kept.store.db.execute(sql`update cases set is_complaint = not is_complaint where customer_id = ${c5!}`);

    const kept1 = await snapshot(a);
    const otherBefore = await snapshot(b);
    expect(kept1.customers.length).toBeGreaterThan(10);
    await rebuildCaseTally(kept.store.db, a.id);
    expect(await snapshot(a)).toEqual(kept1);
    expect(await snapshot(b)).toEqual(otherBefore);

    const former = await formerComplaintRate(kept.store.db, a.id, now);
    const report = await complaintRateReport(kept.store.db, a.id, now);
    expect(report).toEqual(former);
    expect(await complaintYearOverall(kept.store.db, a.id, now)).toEqual(former.overall);
    const perCustomer = await queryRows<{ n: number }>(
      kept.store.db,
      sql`select count(*)::int as n from cases where workspace_id = ${a.id} and is_complaint group by customer_id`,
    );
    expect((await paretoReport(kept.store.db, a.id)).complaints).toEqual(lorenzCurve(perCustomer.map((r) => r.n)));
    // The figures are not all zero: buyers and walk-ins, inside and outside the year.
    expect(report.overall.complaints).toBeGreaterThan(3);
    expect(report.breakdowns.acquisitionChannel.map((r) => r.key)).toContain('ads');
    expect(report.months.filter((m) => m.active > 0).length).toBeGreaterThan(5);
  });

  run('refuses to move a case to another customer or time (the tally counts by them)', async () => {
    const [c] = await newCustomers(a, 1);
    await insertCases(a, [[c!, 1, false, 'email']], new Date());
    const refused = await kept.store.db
      .execute(sql`update cases set created_at = created_at - interval '40 days' where customer_id = ${c!}`)
      .then(
        () => null,
        (e: { cause?: Error }) => e.cause?.message ?? String(e),
      );
    expect(refused).toMatch(/fixed: the case tally counts by them/);
  });
});
