import { sql } from 'drizzle-orm';
import { runStoredImport } from '../../src/retention/import-job.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AtRiskResponse,
  CohortsResponse,
  ComplaintRateResponse,
  CustomerRiskView,
  ParetoResponse,
  RepeatResponse,
} from '../../src/contract/retention-types.ts';
import { queryRows } from '../../src/db/open-database.ts';
import { promises as promisesTable } from '../../src/db/schema.ts';
import { bulkParts } from '../../src/retention/customer-id-ranges.ts';
import { rebuildRetention } from '../../src/retention/rebuild-retention.ts';
import { refreshScores } from '../../src/retention/refresh-scores.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// Five customers with answers worked out by hand (clock: 2024-12-15).
//   A  2024-01-05 10, 2024-02-07 10, 2024-03-09 40   revenue 60, repeat (2nd after 33 days)
//   B  2024-01-10 5,  2024-03-15 5                   revenue 10, repeat (65 days)
//   C  2024-01-12 10                                  revenue 10
//   D  2024-01-20 10                                  revenue 10
//   E  2024-02-03 4,  2024-02-20 6                   revenue 10, repeat (17 days)
// Revenue 60,10,10,10,10: the top 20% (A) bring 60%; Gini = 2·(10+20+30+40+300)/(5·100) − 6/5 = 0.4.
// Cohort 2024-01 (A,B,C,D): month 0 100%, month 1 25% (A), month 2 50% (A,B); cohort 2024-02 (E): 100%, then 0.
const CSV = [
  'customer_id,date,amount,order_id,channel,product',
  'a@shop.test,2024-01-05,10,1,web,Tea',
  'a@shop.test,2024-02-07,10,2,web,Tea',
  'a@shop.test,2024-03-09,40,3,web,Pot',
  'b@shop.test,2024-01-10,5,4,store,Cups',
  'b@shop.test,2024-03-15,5,5,store,Cups',
  'c@shop.test,2024-01-12,10,6,web,Tea',
  'd@shop.test,2024-01-20,10,7,store,Cups',
  'e@shop.test,2024-02-03,4,8,web,Tea',
  'e@shop.test,2024-02-20,6,9,web,Tea',
].join('\n');

describe.each<StoreKind>(['pglite', 'postgres'])('retention analytics on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  const ids: Record<string, string> = {};

  afterAll(() => kept?.clock.reset());
  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    kept.clock.set(new Date('2024-12-15T12:00:00Z'));
    ws = await createTestWorkspace(kept);
    const r = await ws.request(ws.admin, {
      method: 'POST',
      url: '/api/v1/imports?format=csv',
      payload: CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.statusCode).toBe(202);
    await runStoredImport(kept.ctx, ws.id, r.json().import.id); // the job the upload queued
    for (const row of await queryRows<{ id: string; email: string }>(
      kept.store.db,
      sql`select id, email from customers where workspace_id = ${ws.id}`,
    )) {
      ids[row.email[0]!] = row.id;
    }
    // Complaints in December: A (with a service-hell flag and two broken promises), C, and G who never bought.
    for (const [who, email] of [
      ['a', 'a@shop.test'],
      ['c', 'c@shop.test'],
      ['g', 'g@shop.test'],
    ] as const) {
      const c = await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: who.toUpperCase(), email },
          channel: 'email',
          subject: 'Broken',
          body: 'The pot arrived broken.',
        },
      });
      expect(c.statusCode).toBe(201);
      ids[`case-${who}`] = json(c).case?.id ?? json(c).id;
      ids[who] ??= json(c).customer?.id;
    }
    await kept.store.db.execute(sql`update cases set is_complaint = true where workspace_id = ${ws.id}`);
    await kept.store.db.execute(
      sql`update cases set hell_flagged_at = ${kept.clock.now().toISOString()} where id = ${ids['case-a']!}`,
    );
    const due = new Date('2024-12-01T00:00:00Z');
    for (let i = 0; i < 2; i++) {
      await kept.store.db.insert(promisesTable).values({
        workspaceId: ws.id,
        caseId: ids['case-a']!,
        customerId: ids['a']!,
        ownerId: ws.agentEn.id,
        kind: 'callback',
        channel: 'phone',
        description: 'Call back',
        dueAt: due,
        status: 'broken',
        resolvedAt: due,
      });
    }
    await refreshScores(kept.store.db, ws.id, kept.clock.now());
  });

  const get = <T>(url: string) =>
    ws.request(ws.supervisor, { method: 'GET', url }).then((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return json<T>(r);
    });

  run('refuses the anonymous (401) and bad parameters (400)', async () => {
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/retention/cohorts' })).statusCode).toBe(401);
    const bad = await ws.request(ws.supervisor, { method: 'GET', url: '/api/v1/retention/cohorts?definition=vibes' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe('definition');
    expect(
      (await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/retention/scores/refresh', payload: {} }))
        .statusCode,
    ).toBe(403);
  });

  run('repeat: conversion by cohort and days to the second purchase', async () => {
    const r = await get<RepeatResponse>('/api/v1/retention/repeat');
    expect(r).toMatchObject({ customers: 5, repeatCustomers: 3, repeatRate: 0.6 });
    expect(r.byCohort).toEqual([
      { cohort: '2024-01', customers: 4, repeat: 2, rate: 0.5 },
      { cohort: '2024-02', customers: 1, repeat: 1, rate: 1 },
    ]);
    expect(r.daysToSecond.median).toBe(33);
    expect(r.daysToSecond.buckets.map((b) => b.customers)).toEqual([0, 1, 1, 1, 0, 0, 0]);
    const loyal = await get<{ total: number; customers: Array<{ name: string; revenue: number }> }>(
      '/api/v1/retention/loyal',
    );
    expect(loyal.total).toBe(3);
    expect(loyal.customers[0]).toMatchObject({ revenue: 60 });
  });

  run('cohorts: the retention matrix and early churn', async () => {
    const r = await get<CohortsResponse>('/api/v1/retention/cohorts?definition=gap');
    const jan = r.cohorts.find((c) => c.cohort === '2024-01')!;
    expect(jan.customers).toBe(4);
    expect(jan.retention.slice(0, 4)).toEqual([1, 0.25, 0.5, 0]);
    expect(jan.retention).toHaveLength(12);
    expect(r.cohorts.find((c) => c.cohort === '2024-02')!.retention.slice(0, 2)).toEqual([1, 0]);
    // Everyone is older than 90 days and silent for far longer than 2× their gap; all last bought within 90 days of the first.
    expect(r.earlyChurn.all).toMatchObject({ eligible90: 5, lost90: 1 });
    expect(r.earlyChurn.all.eligible365).toBe(0);
    expect(r.earlyChurn.byChannel.map((c) => c.key).sort()).toEqual(['store', 'web']);
    const model = await get<CohortsResponse>('/api/v1/retention/cohorts?definition=model');
    expect(model.earlyChurn.modelAvailable).toBe(true);
  });

  run('Pareto: top 20% share and Gini of revenue, and of complaints among complainers', async () => {
    const r = await get<ParetoResponse>('/api/v1/retention/pareto');
    expect(r.revenue.population).toBe(5);
    expect(r.revenue.top20Share).toBeCloseTo(0.6, 10);
    expect(r.revenue.gini).toBeCloseTo(0.4, 10);
    expect(r.revenue.points.at(-1)).toEqual({ p: 1, share: 1 });
    expect(r.complaints.population).toBe(3);
    expect(r.complaints.gini).toBeCloseTo(0, 10);
  });

  run('complaint rate: per 1,000 active customers, the case-only customer counted as active', async () => {
    const r = await get<ComplaintRateResponse>('/api/v1/retention/complaint-rate?months=12');
    expect(r.months).toHaveLength(12);
    expect(r.months.at(-1)).toEqual({ month: '2024-12', complaints: 3, active: 6, per1000: 500 });
    expect(r.months.at(-2)).toEqual({ month: '2024-11', complaints: 0, active: 5, per1000: 0 });
    expect(r.months[0]).toEqual({ month: '2024-01', complaints: 0, active: 4, per1000: 0 });
    expect(r.overall).toEqual({ complaints: 3, active: 6, per1000: 500 });
    expect(r.breakdowns.acquisitionChannel.find((b) => b.key === 'web')).toEqual({
      key: 'web',
      complaints: 2,
      active: 3,
      per1000: 2000 / 3,
    });
    expect(r.breakdowns.caseChannel).toEqual([{ key: 'email', complaints: 3, active: 6, per1000: 500 }]);
  });

  run('complaint rate: the breakdowns counted in SQL give the figures the per-case walk gave', async () => {
    const r = await get<ComplaintRateResponse>('/api/v1/retention/complaint-rate?months=12');
    // Captured from the per-case walk in Node before the counts moved into SQL (issue 15).
    const seg = (key: string, complaints: number, active: number) => ({
      key,
      complaints,
      active,
      per1000: (1000 * complaints) / active,
    });
    expect(r.breakdowns).toEqual({
      acquisitionChannel: [seg('', 1, 1), seg('web', 2, 3), seg('store', 0, 2)],
      product: [seg('', 1, 1), seg('Tea', 2, 3), seg('Cups', 0, 2)],
      caseChannel: [seg('email', 3, 6)],
    });
    expect(r.overall).toEqual({ complaints: 3, active: 6, per1000: 500 });
  });

  run('risk: reasons in words, the at-risk list by value at risk, and acting on it', async () => {
    const a = await get<CustomerRiskView>(`/api/v1/retention/customers/${ids['a']}/risk`);
    const codes = a.reasons.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['overdue', 'open_complaint', 'broken_promises', 'service_hell']));
    expect(a.reasons.find((x) => x.code === 'broken_promises')).toMatchObject({ count: 2, points: 15 });
    expect(a.reasons.find((x) => x.code === 'overdue')).toMatchObject({ points: 35, gapDays: 32, days: 281 });
    expect(a.explanation).toEqual(
      expect.arrayContaining([
        '2 broken promises in the last year',
        'No purchase for 281 days, 8.8× their usual 32-day gap',
      ]),
    );
    expect(a.risk).toBeGreaterThanOrEqual(75);
    const g = await get<CustomerRiskView>(`/api/v1/retention/customers/${ids['g']}/risk`);
    expect(g.reasons.map((x) => x.code)).toEqual(['open_complaint']);
    expect(g.clv).toBeNull();

    const list = await get<AtRiskResponse>('/api/v1/retention/at-risk?minRisk=0');
    // The five buyers and G, at risk through service alone (issue 17: G was missing).
    expect(list.total).toBe(6);
    expect(list.serviceOnly).toBe(1);
    const values = list.customers.map((c) => c.valueAtRisk ?? 0);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    expect(list.customers.map((c) => c.serviceOnly)).toEqual([false, false, false, false, false, true]);
    // Pages cut the same order, each with the whole list's total.
    const pages = [
      await get<AtRiskResponse>('/api/v1/retention/at-risk?minRisk=0&limit=2&offset=0'),
      await get<AtRiskResponse>('/api/v1/retention/at-risk?minRisk=0&limit=2&offset=2'),
    ];
    expect(pages.map((p) => p.total)).toEqual([6, 6]);
    expect(pages.flatMap((p) => p.customers.map((c) => c.customerId))).toEqual(
      list.customers.slice(0, 4).map((c) => c.customerId),
    );
    expect((await get<AtRiskResponse>('/api/v1/retention/at-risk?minRisk=0&limit=2&offset=10')).customers).toEqual([]);
    // The list words the stored figures the same way the live view does.
    const aInList = list.customers.find((c) => c.customerId === ids['a'])!;
    expect(aInList.reasons).toEqual(a.reasons);
    expect(aInList.risk).toBe(a.risk);
    expect(aInList.serviceOnly).toBe(false);
    // G scores above the screen's threshold through service alone: listed with that score,
    // labelled, without a CLV or a value at risk; alone under the service-only scope.
    expect(g.risk).toBeGreaterThan(0);
    expect(g.serviceOnly).toBe(true);
    const gInList = list.customers.find((c) => c.customerId === ids['g'])!;
    expect(gInList).toMatchObject({ serviceOnly: true, risk: g.risk, clv: null, valueAtRisk: null, pAlive: null });
    expect(gInList.reasons).toEqual(g.reasons);
    expect(gInList.lastPurchase).toBeNull();
    const atThreshold = await get<AtRiskResponse>(`/api/v1/retention/at-risk?minRisk=${g.risk}`);
    expect(atThreshold.customers.map((c) => c.customerId)).toContain(ids['g']);
    const above = await get<AtRiskResponse>(`/api/v1/retention/at-risk?minRisk=${g.risk + 1}`);
    expect(above.customers.map((c) => c.customerId)).not.toContain(ids['g']);
    const serviceOnly = await get<AtRiskResponse>('/api/v1/retention/at-risk?minRisk=0&scope=service-only');
    expect(serviceOnly).toMatchObject({ total: 1, serviceOnly: 1 });
    expect(serviceOnly.customers.map((c) => c.customerId)).toEqual([ids['g']]);
    // Pages come from the head the scoring saved; without it (or when the scores changed since)
    // the list scans the scores and answers the same.
    await kept.store.db.execute(
      sql`delete from retention_rollups where workspace_id = ${ws.id} and name = 'at-risk-head'`,
    );
    expect(await get<AtRiskResponse>('/api/v1/retention/at-risk?minRisk=0')).toEqual(list);
    const badScope = await ws.request(ws.supervisor, {
      method: 'GET',
      url: '/api/v1/retention/at-risk?scope=everyone',
    });
    expect(badScope.statusCode).toBe(400);
    expect(json(badScope).error.field).toBe('scope');

    const call = await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/retention/customers/${ids['c']}/call`,
      payload: { dueAt: '2024-12-16T10:00:00Z' },
    });
    expect(call.statusCode).toBe(201);
    const tasks = json(await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/tasks?mine=true' })).tasks as Array<{
      id: string;
      title: string;
    }>;
    expect(tasks.find((t) => t.id === json(call).taskId)?.title).toMatch(/^Call c@shop\.test/);
    const opened = await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/retention/customers/${ids['d']}/case`,
      payload: {},
    });
    expect(opened.statusCode).toBe(201);
    expect(json(opened).reference).toMatch(/^K-\d+$/);
  });

  run('CLV: fitted on the workspace, good against bad service, against acquisition cost', async () => {
    const put = await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/retention/settings',
      payload: { acquisitionCosts: [{ channel: 'web', costPerCustomer: 2 }], riskWeights: { overdue: 30 } },
    });
    expect(put.statusCode).toBe(200);
    expect(json(put).riskWeights.overdue).toBe(30);
    const r = await get<any>('/api/v1/retention/clv');
    expect(r.fit.customers).toBe(5);
    expect(r.service.bad.customers).toBe(1);
    // The risk test above opened a case for d, so d now counts as served well.
    expect(r.service.good.customers).toBe(2);
    expect(r.service.noContact.customers).toBe(2);
    const web = r.byChannel.find((c: { channel: string }) => c.channel === 'web');
    expect(web.costPerCustomer).toBe(2);
    expect(web.ratio).toBeCloseTo(web.meanClv / 2, 10);
  });

  run(
    'the full rebuild (kept retention rebuild) gives what the import maintained, and one score row per customer',
    async () => {
      const summary = () =>
        queryRows<Record<string, unknown>>(
          kept.store.db,
          sql`
        select customer_id, first_day::text, second_day::text, last_day::text, purchase_days, orders, revenue::text, repeat_revenue::text,
          acquisition_channel, acquisition_product, months::text[] as months
        from customer_value v where workspace_id = ${ws.id} order by customer_id`,
        );
      const before = await summary();
      const cohorts = await get<CohortsResponse>('/api/v1/retention/cohorts');
      const report = await rebuildRetention(kept.store.db, ws.id, kept.clock.now());
      expect(report.scores.customers).toBe(5);
      // Too few customers to fit: no model ran.
      expect(Object.values(report.scores.fits).map((f) => f.evaluations)).toEqual([null, null, null]);
      expect(await summary()).toEqual(before);
      // In parts side by side (as on PostgreSQL), from an emptied summary: the same rows.
      await kept.store.db.execute(sql`delete from customer_value where workspace_id = ${ws.id}`);
      await rebuildRetention(kept.store.db, ws.id, kept.clock.now(), { parts: 3 });
      expect(await summary()).toEqual(before);
      expect(await get<CohortsResponse>('/api/v1/retention/cohorts')).toEqual(cohorts);
      // A summary left behind by a customer without purchases is removed, in one part or several.
      for (const parts of [1, 3]) {
        await kept.store.db.execute(sql`
        insert into customer_value (workspace_id, customer_id, first_day, last_day, purchase_days, orders, revenue, repeat_revenue)
        values (${ws.id}, gen_random_uuid(), '2024-01-01', '2024-01-01', 1, 1, 10, 0)`);
        await rebuildRetention(kept.store.db, ws.id, kept.clock.now(), { parts });
        expect(await summary()).toEqual(before);
      }
      // Twice at the same instant, then later: still one row per customer (on PostgreSQL the
      // scores are written in two id ranges side by side).
      expect(bulkParts(kept.store.db)).toBe(kind === 'postgres' ? 2 : 1);
      await refreshScores(kept.store.db, ws.id, kept.clock.now());
      await refreshScores(kept.store.db, ws.id, new Date(kept.clock.now().getTime() + 60_000));
      const [rows] = await queryRows<{ n: number; customers: number }>(
        kept.store.db,
        sql`
      select count(*)::int as n, count(distinct customer_id)::int as customers from customer_scores where workspace_id = ${ws.id}`,
      );
      // The five buyers and G, at risk through service alone.
      expect(rows).toEqual({ n: 6, customers: 6 });
    },
  );
});
