import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { assertPasswordStrength } from '../accounts/index.ts';
import { caseReference } from '../kernel/case-reference.ts';
import { readConfig } from '../config/kept-config.ts';
import type { Db, Store } from '../db/open-database.ts';
import { cases, customers, escalations, events, messages, promises, workspaces } from '../db/schema.ts';
import { KeptError } from '../errors/kept-error.ts';
import type { Channel } from '../events/event-types.ts';
import type { TimerRequest } from '../kernel/desk-context.ts';
import { startJobs } from '../jobs/start-jobs.ts';
import { createWorkspace, updateSettings } from '../workspaces/index.ts';
import { seedDemoCannedReplies } from './demo-canned-replies.ts';
import { seedDemoSavedViews } from './demo-saved-views.ts';
import { labelDemoCases } from './demo-labels.ts';
import { DemoClock } from './demo-clock.ts';
import { makeDemoCustomers } from './demo-customers.ts';
import { DAY, DemoDesk, HOUR } from './demo-desk.ts';
import { importDemoPurchases } from './demo-purchases.ts';
import { DemoRandom } from './demo-random.ts';
import { loadSeedSentences } from './demo-seed-sentences.ts';
import { DEMO_ADMIN_EMAIL, DEMO_STAFF, createDemoStaff } from './demo-staff.ts';
import { SCENARIO_ROTATION, SCENARIOS, type CasePlan, type Scenario } from './demo-scenarios.ts';
import { playCase } from './demo-stories.ts';
import { HELL_CUSTOMER, playServiceHell, type ServiceHellResult } from './demo-story-of-service-hell.ts';
import { configureDemoSurveys, demoSurveyAnswers, seedDemoPerception } from './demo-surveys.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_COMPANY_NAME = 'Meridian Home Electronics';
const DEFAULT_SEED = 20_240_601;
const HISTORY_DAYS = 90;

export interface SeedDemoOptions {
  customers: number;
  password: string;
  /** The end of the replayed history: everything happens in the 90 days before it. */
  now: Date;
  seed?: number;
  /** Where the customers' letters are (default `src/demo/customer-letters`). */
  seedsDir?: string;
  publicUrl?: string;
  /** Hand timers still in the future to pg-boss, so `kept serve` fires them (default true). */
  queueFutureTimers?: boolean;
}

/**
 * Fills a new workspace with a believable company: ten staff, `customers` customers writing
 * in English, Arabic, Hebrew and Russian, ~90 days of cases in every state, and one customer
 * in service hell. Everything goes through the real operations on a simulated clock (see
 * DemoClock), inside one transaction: a failure leaves no half-made demo behind.
 */
export async function seedDemoCompany(store: Store, options: SeedDemoOptions): Promise<string> {
  const began = performance.now();
  if (!Number.isInteger(options.customers) || options.customers < 1 || options.customers > 5_000) {
    throw new KeptError('request.invalid', 'The demo needs between 1 and 5000 customers', { field: 'customers' });
  }
  assertPasswordStrength(options.password);
  const existing = await store.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, DEMO_SLUG));
  if (existing.length > 0) {
    throw new KeptError(
      'setup.already_done',
      `The demo company already exists in this store (workspace "${DEMO_SLUG}"). To seed it again, point KEPT_DATA_DIR (or DATABASE_URL) at an empty store.`,
    );
  }

  const seed = options.seed ?? DEFAULT_SEED;
  const end = options.now.getTime();
  const historyStart = end - HISTORY_DAYS * DAY;
  const publicUrl = options.publicUrl ?? readConfig().publicUrl;
  const sentences = loadSeedSentences(options.seedsDir);

  const seeded = await store.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const { workspace, admin } = await createWorkspace(tx, {
      workspaceName: DEMO_COMPANY_NAME,
      adminName: DEMO_STAFF[0]!.name,
      adminEmail: DEMO_ADMIN_EMAIL,
      password: options.password,
      language: 'en',
      slug: DEMO_SLUG,
    });
    const settings = await updateSettings(tx, workspace.id, {
      supportPhone: '+1 505 555 0100',
      supportEmail: 'help@meridian.example.com',
      supportHours: 'Sunday–Friday 08:00–20:00 UTC · English, العربية, עברית, Русский',
    });
    const team = await createDemoStaff(tx, workspace.id, admin.id, options.password);
    await configureDemoSurveys(tx, workspace.id, new Date(historyStart));
    await seedDemoCannedReplies(tx, workspace.id, team, new Date(historyStart));
    await seedDemoSavedViews(tx, workspace.id, team, new Date(historyStart));
    const clock = new DemoClock(tx, new Date(historyStart), publicUrl);
    const desk = new DemoDesk(clock, workspace.id, team, settings, seed);

    const plans = planCases(seed, options.customers - 1, historyStart, end);
    for (const plan of plans) clock.later(new Date(plan.start), () => playCase(desk, plan, sentences));
    const hell: ServiceHellResult = { caseId: null };
    clock.spawn(playServiceHell(desk, end, DemoRandom.derive(seed, 'service-hell'), hell));
    const surveyed = { workspace, seed, from: historyStart + 86_400_000, to: end };
    clock.spawn(demoSurveyAnswers(clock.ctx, (at) => clock.sleepUntil(at), surveyed));

    const futureTimers = await clock.run(new Date(end));
    const lead = team.people.find((p) => p.member.role === 'supervisor') ?? team.people[0]!;
    await labelDemoCases(tx, workspace.id, lead.id, new Date(end));
    await seedDemoPerception(tx, workspace.id, admin.id, new Date(end));
    return { workspace, team, plans, hell, futureTimers, stats: clock.stats, watcherAnswers: desk.watcherAnswers };
  });

  let queued = 0;
  let queueNote = '';
  if (seeded.futureTimers.length > 0 && options.queueFutureTimers !== false) {
    try {
      queued = await queueTimers(store, seeded.futureTimers);
    } catch (error) {
      queueNote = ` — not queued (${(error as Error).message}); they will not fire`;
    }
  } else if (seeded.futureTimers.length > 0) {
    queueNote = ' — not queued (queueFutureTimers: false); they will not fire';
  }

  // After the desk's transaction: the import is one transaction of its own, like an admin's upload.
  // Whoever's first case was a broken call-back never bought: a prospect the desk let down,
  // so the at-risk list has customers at risk through service alone from the first start.
  const firstCase = new Map<string, Scenario>();
  for (const plan of [...seeded.plans].sort((a, b) => a.start - b.start)) {
    if (plan.customer.email && !firstCase.has(plan.customer.email)) firstCase.set(plan.customer.email, plan.scenario);
  }
  const prospects = new Set([...firstCase].flatMap(([email, s]) => (s === 'callback_broken' ? [email] : [])));
  const purchases = await importDemoPurchases(store, seeded.workspace.id, seed, options.now, prospects);
  const counts = await countDemo(store.db, seeded.workspace.id, seeded.hell.caseId);
  const seconds = (performance.now() - began) / 1000;
  const staffLines = seeded.team.people.map(
    (p) =>
      `  ${p.member.role.padEnd(10)} ${p.member.email.padEnd(32)} ${p.member.name} [${p.member.languages.join(', ')}]`,
  );
  return [
    `Demo company "${seeded.workspace.name}" is ready: workspace "${seeded.workspace.slug}", ${HISTORY_DAYS} days of history up to ${options.now.toISOString()}.`,
    `Staff (every password: ${options.password}):`,
    ...staffLines,
    `Customer portal: ${publicUrl.replace(/\/$/, '')}/portal/${seeded.workspace.slug}  (the links in the demo's e-mails point there too: serve on the same address, e.g. PORT=${new URL(publicUrl).port || '80'} kept serve)`,
    `Customers: ${counts.customers} — ${formatCounts(counts.customersByLanguage)}`,
    `Cases: ${counts.cases} — ${formatCounts(counts.casesByStatus)}; ${counts.reopened} reopened at least once`,
    `Messages: ${counts.inbound} from customers, ${counts.outbound} answers, ${counts.notes} internal notes; ${counts.unanswered} waiting for an answer`,
    `Promises: ${formatCounts(counts.promisesByStatus)}`,
    `Escalations: ${formatCounts(counts.escalationsByStatus)}`,
    `Service hell: ${counts.flagged} flagged case(s) on the dashboard${counts.flaggedClosed ? ` (and ${counts.flaggedClosed} flagged, since closed)` : ''}${counts.hell ? `; ${HELL_CUSTOMER.name}'s case ${counts.hell}` : ''}`,
    `${purchases}.`,
    `Customer messages from ${sentences.source}.`,
    `Timers: ${seeded.stats.timersFired} fired during the replay; ${seeded.futureTimers.length} still ahead${queueNote || ` — queued in pg-boss (${queued})`}.`,
    `Took ${seconds.toFixed(1)} s.`,
  ].join('\n');
}

/** Who writes when, about what: decided up front from the seed, so the company is always the same. */
export function planCases(seed: number, count: number, historyStart: number, end: number): CasePlan[] {
  const customers = makeDemoCustomers(DemoRandom.derive(seed, 'customers'), count, new Set([HELL_CUSTOMER.email]));
  const entries = (Object.entries(SCENARIOS) as Array<[Scenario, (typeof SCENARIOS)[Scenario]]>).map(
    ([s, spec]) => [s, spec.weight] as const,
  );
  const plans: CasePlan[] = [];
  for (const customer of customers) {
    const r = DemoRandom.derive(seed, `customer-${customer.index}`);
    const scenario =
      customer.index < SCENARIO_ROTATION.length ? SCENARIO_ROTATION[customer.index]! : r.weighted(entries);
    const spec = SCENARIOS[scenario];
    let channel: Channel = customer.channel;
    if (spec.channel === 'logged' || (scenario === 'new_unanswered' && r.chance(0.3)))
      channel = r.pick(['voicemail', 'letter', 'fax'] as const);
    else if (spec.channel) channel = spec.channel;
    const [latest, earliest] = spec.hoursAgo;
    const start = daytime(end - r.between(latest, earliest) * HOUR, r, latest >= 24);
    plans.push({
      customer,
      scenario,
      channel,
      start,
      end,
      random: DemoRandom.derive(seed, `case-${customer.index}-0`),
    });
    // Some customers came before: earlier cases, solved, on the same channel (phone-only
    // customers and logged letters are one-off contacts).
    const earlier =
      channel === 'phone' || channel === 'voicemail' || channel === 'letter' || channel === 'fax'
        ? 0
        : r.weighted([
            [0, 65],
            [1, 27],
            [2, 8],
          ] as const);
    let previous = start;
    for (let k = 1; k <= earlier; k++) {
      const at = daytime(previous - r.between(12, 35) * DAY, r, true);
      if (at < historyStart + DAY) break;
      plans.push({
        customer,
        scenario: 'solved',
        channel,
        start: at,
        end,
        random: DemoRandom.derive(seed, `case-${customer.index}-${k}`),
      });
      previous = at;
    }
  }
  return plans;
}

/** Customers write in the day (07:00–22:00 UTC), unless the story needs an exact recent time. */
function daytime(ms: number, r: DemoRandom, adjust: boolean): number {
  const d = new Date(ms);
  if (!adjust || (d.getUTCHours() >= 7 && d.getUTCHours() < 22)) return ms;
  d.setUTCHours(r.int(8, 20), r.int(0, 59), 0, 0);
  return d.getTime();
}

async function queueTimers(store: Store, timers: TimerRequest[]): Promise<number> {
  const jobs = await startJobs(store);
  try {
    for (const timer of timers) await jobs.timers.schedule(store.db, timer);
    return timers.length;
  } finally {
    await jobs.stop();
  }
}

function formatCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

async function groupCount(query: Promise<Array<{ key: string | null; n: number }>>): Promise<Record<string, number>> {
  const rows = await query;
  return Object.fromEntries(
    rows.sort((a, b) => String(a.key).localeCompare(String(b.key))).map((r) => [r.key ?? 'unknown', Number(r.n)]),
  );
}

export async function countDemo(db: Db, workspaceId: string, hellCaseId: string | null) {
  const n = sql<number>`count(*)::int`;
  const customersByLanguage = await groupCount(
    db
      .select({ key: customers.language, n })
      .from(customers)
      .where(eq(customers.workspaceId, workspaceId))
      .groupBy(customers.language),
  );
  const casesByStatus = await groupCount(
    db.select({ key: cases.status, n }).from(cases).where(eq(cases.workspaceId, workspaceId)).groupBy(cases.status),
  );
  const promisesByStatus = await groupCount(
    db
      .select({ key: promises.status, n })
      .from(promises)
      .where(eq(promises.workspaceId, workspaceId))
      .groupBy(promises.status),
  );
  const escalationsByStatus = await groupCount(
    db
      .select({ key: escalations.status, n })
      .from(escalations)
      .where(eq(escalations.workspaceId, workspaceId))
      .groupBy(escalations.status),
  );
  const [reopened] = await db
    .select({ n: sql<number>`count(distinct ${events.caseId})::int` })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.type, 'case.status_changed'),
        inArray(sql`${events.data}->>'from'`, ['resolved', 'closed']),
        eq(sql`${events.data}->>'to'`, 'open'),
      ),
    );
  const [messageCounts] = await db
    .select({
      inbound: sql<number>`count(*) filter (where ${messages.direction} = 'inbound')::int`,
      outbound: sql<number>`count(*) filter (where ${messages.direction} = 'outbound' and not ${messages.internal})::int`,
      notes: sql<number>`count(*) filter (where ${messages.internal})::int`,
    })
    .from(messages)
    .where(eq(messages.workspaceId, workspaceId));
  const [unanswered] = await db
    .select({ n })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.direction, 'inbound'),
        eq(messages.internal, false),
        isNull(messages.answeredAt),
      ),
    );
  // The same count as the dashboard and the flagged queue (src/metrics/service-metrics.ts): flagged and
  // not closed. Cases flagged once and closed since are told apart, not added in.
  const [flagged] = await db
    .select({
      open: sql<number>`count(*) filter (where ${cases.status} <> 'closed')::int`,
      closed: sql<number>`count(*) filter (where ${cases.status} = 'closed')::int`,
    })
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), isNotNull(cases.hellFlaggedAt)));
  let hell: string | null = null;
  if (hellCaseId) {
    const [row] = await db.select().from(cases).where(eq(cases.id, hellCaseId));
    if (row) {
      const reasons = (row.hellReasons ?? []).map((r) => `${r.metric} ${r.value}`).join(', ');
      hell = `${caseReference(row.number)} (${row.status}) ${row.hellFlaggedAt ? `flagged ${row.hellFlaggedAt.toISOString().slice(0, 10)}: ${reasons}` : 'NOT flagged'}`;
    }
  }
  return {
    customers: Object.values(customersByLanguage).reduce((a, b) => a + b, 0),
    customersByLanguage,
    cases: Object.values(casesByStatus).reduce((a, b) => a + b, 0),
    casesByStatus,
    reopened: reopened?.n ?? 0,
    inbound: messageCounts?.inbound ?? 0,
    outbound: messageCounts?.outbound ?? 0,
    notes: messageCounts?.notes ?? 0,
    unanswered: unanswered?.n ?? 0,
    promisesByStatus,
    escalationsByStatus,
    flagged: flagged?.open ?? 0,
    flaggedClosed: flagged?.closed ?? 0,
    hell,
  };
}
