import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, queryRows, type Store } from '../db/open-database.ts';
import { emailSinkMessages } from '../db/schema-email.ts';
import { computeServiceMetrics } from '../metrics/index.ts';
import { cohortsReport, complaintsReport, listAtRisk } from '../retention/index.ts';
import { listTeams } from '../teams/index.ts';
import { cases, customers, escalations, events, messages, promises, users, workspaces } from '../db/schema.ts';
import { detectSupervisorRequest } from '../desk/index.ts';
import { detectLanguage } from '../language/index.ts';
import { perceptionGap, quarterOf, surveyReport } from '../surveys/index.ts';
import {
  cannedRepliesForCase,
  caseListQuery,
  listCannedReplies,
  listSavedViews,
  listUnanswered,
} from '../views/index.ts';
import { CLOSINGS, CUSTOMER_LINES, ENGLISH_DETAILS, LOGGED_CONTACTS, TOPICS } from './demo-messages.ts';
import { BUILT_IN_SENTENCES, loadSeedSentences } from './demo-seed-sentences.ts';
import { HELL_CUSTOMER } from './demo-story-of-service-hell.ts';
import { planCases, seedDemoCompany } from './seed-demo-company.ts';

const NOW = new Date('2025-06-15T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const LANGUAGES = ['en', 'ar', 'he', 'ru'] as const;

describe('kept demo: the demo company', () => {
  let dir: string;
  let store: Store;
  let summary: string;
  let workspaceId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-demo-test-'));
    store = await openStore({ databaseUrl: null, dataDir: dir });
    summary = await seedDemoCompany(store, {
      customers: 40,
      password: 'demo-password-123',
      now: NOW,
      publicUrl: 'http://localhost:3000',
    });
    const [ws] = await store.db.select().from(workspaces).where(eq(workspaces.slug, 'demo'));
    workspaceId = ws!.id;
  }, 300_000); // the replay, then the shop history through the import and the CLV fit; on a busy shared machine

  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the workspace, the logins, the portal path and the counts', () => {
    expect(summary).toContain('workspace "demo"');
    expect(summary).toContain('admin@demo.kept.test');
    expect(summary).toContain('/portal/demo');
    expect(summary).toMatch(/Customers: 40 /);
    expect(summary).toMatch(/queued in pg-boss \(\d+\)/);
  });

  it('has ten staff speaking the four languages, two supervisors and one admin', async () => {
    const staff = await store.db.select().from(users).where(eq(users.workspaceId, workspaceId));
    expect(staff).toHaveLength(10);
    // Three teams by language; everyone but the admin is in one.
    const byTeam = await listTeams(store.db, workspaceId);
    expect(byTeam.map((t) => [t.name, t.memberCount])).toEqual([
      ['Arabic & Hebrew desk', 4],
      ['English desk', 1],
      ['Russian desk', 4],
    ]);
    expect(staff.filter((u) => u.teamId === null).map((u) => u.role)).toEqual(['admin']);
    expect(staff.filter((u) => u.role === 'admin').map((u) => u.email)).toEqual(['admin@demo.kept.test']);
    expect(staff.filter((u) => u.role === 'supervisor')).toHaveLength(2);
    const agents = staff.filter((u) => u.role === 'agent');
    for (const language of LANGUAGES)
      expect(agents.filter((a) => a.languages.includes(language)).length).toBeGreaterThanOrEqual(2);
    // Different combinations, not everyone speaking everything.
    expect(new Set(agents.map((a) => [...a.languages].sort().join(','))).size).toBeGreaterThanOrEqual(5);
  });

  it('offers shared canned replies in the four languages, and one agent its own', async () => {
    const [hell] = await store.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.workspaceId, workspaceId))
      .limit(1);
    const agent = (await store.db.select().from(users).where(eq(users.workspaceId, workspaceId))).find(
      (u) => u.role === 'agent',
    )!;
    const author = { workspaceId, userId: agent.id, role: agent.role };
    const replies = await listCannedReplies(store.db, author);
    expect(new Set(replies.filter((r) => r.shared).map((r) => r.language))).toEqual(new Set(LANGUAGES));
    const filled = await cannedRepliesForCase(store.db, author, hell!.id);
    expect(filled.replies.every((r) => !r.text.includes('{{'))).toBe(true);
  });

  it('lists shared saved views with cases in them, and one agent its own', async () => {
    const staff = await store.db.select().from(users).where(eq(users.workspaceId, workspaceId));
    const agent = staff.find((u) => u.role === 'agent')!;
    const views = await listSavedViews(store.db, { workspaceId, userId: agent.id, role: agent.role }, NOW);
    expect(views.filter((v) => v.shared).length).toBe(4);
    expect(views.filter((v) => !v.shared).map((v) => v.name)).toEqual(['My e-mail']);
    // Written past the route: each must still be a query the case list accepts.
    for (const view of views) expect(caseListQuery.safeParse(view.filters).success, view.name).toBe(true);
    expect(views.some((v) => v.shared && v.count > 0)).toBe(true);
  });

  it('labels cases with priorities and tags, each with its fact, so the filters show cases at first start', async () => {
    const rows = await store.db
      .select({ id: cases.id, priority: cases.priority, tags: cases.tags })
      .from(cases)
      .where(eq(cases.workspaceId, workspaceId));
    const priorities = new Set(rows.map((c) => c.priority));
    for (const p of ['urgent', 'high', 'normal', 'low'] as const) expect(priorities.has(p), p).toBe(true);
    const tags = new Set(rows.flatMap((c) => c.tags));
    for (const tag of ['refund', 'call-back', 'supervisor']) expect(tags.has(tag), tag).toBe(true);
    const labelled = rows.filter((c) => c.priority !== 'normal' || c.tags.length > 0);
    const [facts] = await store.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'case.labelled')));
    expect(facts!.n).toBe(labelled.length);
    // The shared view of urgent and high open cases is not empty at first start.
    const staff = await store.db.select().from(users).where(eq(users.workspaceId, workspaceId));
    const agent = staff.find((u) => u.role === 'agent')!;
    const views = await listSavedViews(store.db, { workspaceId, userId: agent.id, role: agent.role }, NOW);
    expect(views.find((v) => v.name === 'Urgent and high, still open')?.count).toBeGreaterThan(0);
  });

  it('has customers in all four languages, named in their own script', async () => {
    const rows = await store.db.select().from(customers).where(eq(customers.workspaceId, workspaceId));
    expect(rows).toHaveLength(40);
    const byLanguage = (l: string) => rows.filter((c) => c.language === l);
    for (const language of LANGUAGES) expect(byLanguage(language).length).toBeGreaterThan(0);
    expect(byLanguage('ar').every((c) => /\p{Script=Arabic}/u.test(c.name))).toBe(true);
    expect(byLanguage('he').every((c) => /\p{Script=Hebrew}/u.test(c.name))).toBe(true);
    expect(byLanguage('ru').every((c) => /\p{Script=Cyrillic}/u.test(c.name))).toBe(true);
    expect(rows.every((c) => /@example\.(com|org|net)$/.test(c.email ?? ''))).toBe(true);
  });

  it('has cases in every status, reopened ones, and contacts on every kind of channel', async () => {
    const statuses = await store.db
      .selectDistinct({ status: cases.status })
      .from(cases)
      .where(eq(cases.workspaceId, workspaceId));
    expect(statuses.map((s) => s.status).sort()).toEqual(['closed', 'new', 'open', 'resolved', 'waiting_on_customer']);
    const reopenings = await store.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(
        and(
          eq(events.workspaceId, workspaceId),
          eq(events.type, 'case.status_changed'),
          sql`${events.data}->>'from' in ('resolved', 'closed')`,
          sql`${events.data}->>'to' = 'open'`,
        ),
      );
    expect(reopenings[0]!.n).toBeGreaterThan(0);
    const channels = await store.db
      .selectDistinct({ channel: messages.channel })
      .from(messages)
      .where(eq(messages.workspaceId, workspaceId));
    expect(channels.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['email', 'portal', 'phone', 'fax', 'letter']),
    );
    const kinds = await store.db
      .selectDistinct({ type: events.type })
      .from(events)
      .where(eq(events.workspaceId, workspaceId));
    expect(kinds.map((k) => k.type)).toEqual(
      expect.arrayContaining([
        'case.handed_off',
        'note.added',
        'acknowledgement.sent',
        'promise.renegotiated',
        'hell.flagged',
      ]),
    );
  });

  it('spreads the history over the past 90 days, every fact stored through the operations', async () => {
    const [span] = await store.db
      .select({ first: sql<string>`min(${events.occurredAt})`, last: sql<string>`max(${events.occurredAt})` })
      .from(events)
      .where(eq(events.workspaceId, workspaceId));
    expect(new Date(span!.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY);
    expect(new Date(span!.first).getTime()).toBeLessThan(NOW.getTime() - 80 * DAY);
    expect(new Date(span!.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
    // One message.received event per customer message: nothing was written behind the operations' back.
    const [inbound] = await store.db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.direction, 'inbound')));
    const [received] = await store.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'message.received')));
    expect(received!.n).toBe(inbound!.n);
  });

  it('leaves some customer messages unanswered, oldest first', async () => {
    const unanswered = await listUnanswered(store.db, { workspaceId });
    expect(unanswered.total).toBeGreaterThan(0);
    const times = unanswered.items.map((i) => i.receivedAt);
    expect(times).toEqual([...times].sort());
  });

  it('has escalations open, answered and closed, and promises kept, broken, renegotiated and open', async () => {
    const esc = await store.db
      .selectDistinct({ status: escalations.status, via: escalations.via })
      .from(escalations)
      .where(eq(escalations.workspaceId, workspaceId));
    expect(new Set(esc.map((e) => e.status))).toEqual(new Set(['open', 'answered', 'closed']));
    expect(esc.map((e) => e.via)).toEqual(expect.arrayContaining(['portal', 'message', 'promise_breach']));
    const prom = await store.db
      .selectDistinct({ status: promises.status })
      .from(promises)
      .where(eq(promises.workspaceId, workspaceId));
    expect(new Set(prom.map((p) => p.status))).toEqual(new Set(['open', 'kept', 'broken', 'renegotiated']));
  });

  it('flags the customer in service hell early in her ordeal', async () => {
    const [row] = await store.db
      .select({ flaggedAt: cases.hellFlaggedAt, createdAt: cases.createdAt, reasons: cases.hellReasons })
      .from(cases)
      .innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(eq(cases.workspaceId, workspaceId), eq(customers.email, HELL_CUSTOMER.email)));
    expect(row?.flaggedAt).not.toBeNull();
    expect(row!.flaggedAt!.getTime() - row!.createdAt.getTime()).toBeLessThan(15 * DAY);
    expect(row!.reasons!.map((r) => r.metric)).toEqual(
      expect.arrayContaining(['contacts', 'people', 'brokenPromises']),
    );
    // She is not the only name on the flags screen, but the screen is not full of noise either.
    const flagged = await store.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.workspaceId, workspaceId), isNotNull(cases.hellFlaggedAt)));
    expect(flagged.length).toBeLessThanOrEqual(8);
  });

  it('gives the company a shop history, so the retention screens start full', async () => {
    const [bought] = await queryRows<{ orders: number; buyers: number; scored: number; months: number }>(
      store.db,
      sql`select count(*)::int as orders, count(distinct customer_id)::int as buyers,
            (select count(*)::int from customer_scores where workspace_id = ${workspaceId} and has_purchases) as scored,
            count(distinct date_trunc('month', occurred_at))::int as months
          from purchases where workspace_id = ${workspaceId}`,
    );
    expect(bought!.buyers).toBeGreaterThan(20);
    expect(bought!.orders).toBeGreaterThan(bought!.buyers);
    expect(bought!.months).toBeGreaterThanOrEqual(12);
    expect(bought!.scored).toBe(bought!.buyers);
    expect(summary).toMatch(new RegExp(`Purchases: ${bought!.orders} orders from ${bought!.buyers} customers`));
    const cohorts = await cohortsReport(store.db, workspaceId, 'gap', NOW);
    expect(cohorts.cohorts.length).toBeGreaterThanOrEqual(12);
  });

  it('has complaints from the stories — found in the words, asked for a supervisor, classified by kind — so K12 reads real figures', async () => {
    const report = await complaintsReport(store.db, workspaceId, NOW);
    expect(report.complaints).toBeGreaterThan(0);
    expect(report.per1000).toBeGreaterThan(0);
    expect(report.complainers).toBeGreaterThan(0);
    const found = new Map(report.bySource.map((s) => [s.key, s.complaints]));
    expect(found.get('customer_words')).toBeGreaterThan(0);
    expect(found.get('supervisor_request')).toBeGreaterThan(0);
    // Owners classified the ones they found in first messages: more than one kind shows.
    expect(report.byKind.filter((k) => k.key !== 'unspecified' && k.complaints > 0).length).toBeGreaterThan(1);
  });

  it('prints the portal at the address it was given, and the flagged count the dashboard shows', async () => {
    expect(summary).toContain('Customer portal: http://localhost:3000/portal/demo');
    const metrics = await computeServiceMetrics(store.db, workspaceId, new Date(NOW.getTime() - 30 * DAY), NOW, NOW);
    expect(summary).toContain(`Service hell: ${metrics.hellFlaggedCases} flagged case(s) on the dashboard`);
  });

  it("keeps the mail sink's messages at the times they were sent in the story, not all at one instant", async () => {
    const sent = await store.db
      .select({ at: emailSinkMessages.createdAt, raw: emailSinkMessages.raw })
      .from(emailSinkMessages)
      .where(eq(emailSinkMessages.workspaceId, workspaceId));
    expect(sent.length).toBeGreaterThan(10);
    const days = new Set(sent.map((m) => m.at.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(10);
    for (const m of sent) expect(m.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    // The Date header says the same instant.
    const first = sent[0]!;
    const header = /^Date: (.+)$/m.exec(first.raw)?.[1];
    expect(new Date(header!).getTime()).toBe(Math.floor(first.at.getTime() / 1000) * 1000);
  });

  it('lists customers at risk through service alone from the first start: the prospects let down', async () => {
    const list = await listAtRisk(store.db, workspaceId, { limit: 50, offset: 0, minRisk: 0, scope: 'service-only' });
    expect(list.total).toBeGreaterThan(0);
    expect(list.customers.every((c) => c.serviceOnly && c.clv === null)).toBe(true);
    for (const c of list.customers) expect(c.reasons.map((r) => r.code)).toContain('broken_promises');
    const all = await listAtRisk(store.db, workspaceId, { limit: 100, offset: 0, minRisk: 0 });
    expect(all.serviceOnly).toBe(list.total);
    const hell = all.customers.find((c) => c.email === HELL_CUSTOMER.email);
    expect(hell?.reasons.map((r) => r.code)).toContain('service_hell');
  });

  it('refuses a second run with a clear error', async () => {
    await expect(
      seedDemoCompany(store, { customers: 5, password: 'demo-password-123', now: NOW }),
    ).rejects.toMatchObject({
      code: 'setup.already_done',
      message: expect.stringContaining('already exists'),
    });
  });

  it('shows what customers say on the survey screens from the first start (issue 15)', async () => {
    const from = new Date(NOW.getTime() - 90 * DAY);
    const report = await surveyReport(store.db, { workspaceId, from, to: NOW, now: NOW });
    expect(report.overall.sent).toBeGreaterThan(5);
    expect(report.overall.answered).toBeGreaterThan(0);
    expect(report.overall.answered).toBeLessThan(report.overall.sent);
    expect(report.byOwner.length).toBeGreaterThan(1);
    // Kinds of case and the intake expectation beside the scores, not empty on the demo.
    expect(report.byCaseKind.filter((g) => g.key !== '' && g.key !== 'other').length).toBeGreaterThan(2);
    expect(report.expectation.customers).toBeGreaterThan(3);
    expect(report.expectation.met).toBeGreaterThan(0);
    expect(report.expectation.met + report.expectation.missed).toBe(report.expectation.customers);
    const gap = await perceptionGap(store.db, { workspaceId, period: quarterOf(NOW) });
    expect(gap.areas.length).toBeGreaterThan(3);
    expect(gap.headline.managerShareSuperior).toBeGreaterThan(0.5);
    expect(gap.trend).toHaveLength(4);
  });
});

describe('kept demo: its texts and plan', () => {
  it('plans the same company from the same seed', () => {
    const plan = () =>
      planCases(7, 60, NOW.getTime() - 90 * DAY, NOW.getTime()).map((p) => [
        p.customer.name,
        p.customer.email,
        p.scenario,
        p.channel,
        p.start,
      ]);
    expect(plan()).toEqual(plan());
    expect(new Set(plan().map((p) => p[2])).size).toBeGreaterThanOrEqual(15);
  });

  it('writes customer texts that are detected as their language and ask for a supervisor only on purpose', () => {
    for (const language of LANGUAGES) {
      const texts = [
        ...TOPICS.map((t) => t.opening[language]),
        ...CLOSINGS[language],
        ...Object.entries(CUSTOMER_LINES)
          .filter(([k]) => k !== 'supervisor' && k !== 'maybe_supervisor')
          .map(([, t]) => t[language]),
        ...Object.values(LOGGED_CONTACTS).map((t) => t[language]),
        ...(language === 'en' ? ENGLISH_DETAILS : BUILT_IN_SENTENCES[language]),
      ];
      for (const text of texts) {
        expect(detectLanguage(text).language, text).toBe(language);
        expect(detectSupervisorRequest(text).requested, text).toBe(false);
      }
      expect(detectSupervisorRequest(CUSTOMER_LINES.supervisor[language]).certain).toBe(true);
      // Issue 18: the demo's likely request is a suspicion on its case, not an escalation.
      expect(detectSupervisorRequest(CUSTOMER_LINES.maybe_supervisor[language])).toMatchObject({
        requested: true,
        certain: false,
      });
    }
  });

  it('reads sentences from its customer letters, and falls back to its own when they are missing', () => {
    const fromEssays = loadSeedSentences();
    expect(fromEssays.source).toContain('customer-letters');
    for (const language of ['ar', 'he', 'ru'] as const) {
      expect(fromEssays.byLanguage[language].length).toBeGreaterThan(10);
      for (const text of fromEssays.byLanguage[language]) expect(detectLanguage(text).language, text).toBe(language);
    }
    const fallback = loadSeedSentences(path.join(os.tmpdir(), 'no-such-seeds-folder'));
    expect(fallback.source).toContain('built-in');
    expect(fallback.byLanguage.he).toEqual(BUILT_IN_SENTENCES.he);
  });
});
