import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { receiveCustomerMessage } from '../../src/desk/cases/receive-customer-message.ts';
import { queryRows, type Db } from '../../src/db/open-database.ts';
import { cases } from '../../src/db/schema.ts';
import { TIMER } from '../../src/kernel/job-names.ts';
import { assessCaseHell } from '../../src/desk/service-hell/assess-case-hell.ts';
import { useRealTimers } from './support/real-timers.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// The hell assessment is queued once per case while one is waiting (hell-assessment-timer.ts,
// pg-boss policy "short" keyed by the case), not once per message. These tests check that a
// burst still gets flagged from its facts, with real pg-boss jobs.
describe.each<StoreKind>(['pglite', 'postgres'])('hell assessment of a burst on %s', (kind) => {
  const run = kind === 'postgres' && !postgres ? it.skip : it;
  const desk = useRealTimers(kind, kind === 'pglite' || postgres);

  const waiting = (caseId: string) =>
    queryRows<{ id: string; data: { workspaceId: string; caseId: string } }>(
      desk.kept.store.db,
      sql`select id, data from pgboss.job where name = ${TIMER.caseAssessHell} and singleton_key = ${caseId} and state = 'created'`,
    );
  const open = (body: string) =>
    receiveCustomerMessage(desk.ctx, {
      workspaceId: desk.ws.id,
      customer: { name: 'Burst', email: `burst-${randomUUID()}@example.com` },
      channel: 'web',
      body,
    });

  run('queues one assessment for a burst of messages, and that one flags the case from all of them', async () => {
    const first = await open('My internet is down since this morning.');
    const bodies = ['Hello?', 'Is anyone there? I work from home.', 'This is the fourth message today.'];
    for (const body of bodies)
      await receiveCustomerMessage(desk.ctx, {
        workspaceId: desk.ws.id,
        caseId: first.caseRow.id,
        channel: 'web',
        body,
      });
    const queued = await waiting(first.caseRow.id);
    expect(queued).toHaveLength(1);
    // Four unanswered messages, threshold three: the one waiting assessment sees them all.
    const assessment = await assessCaseHell(desk.ctx, queued[0]!.data);
    expect(assessment?.flagged).toBe(true);
    expect(assessment?.reasons.map((r) => r.metric)).toContain('unansweredMessages');
    const [stored] = await desk.kept.store.db.select().from(cases).where(eq(cases.id, first.caseRow.id));
    expect(stored?.hellFlaggedAt).not.toBeNull();
  });

  run('queues another once the waiting one has started', async () => {
    const first = await open('The washing machine leaks.');
    const [queued] = await waiting(first.caseRow.id);
    // What a worker's fetch does: the job is no longer waiting, and may already have read the facts.
    await desk.kept.store.db.execute(
      sql`update pgboss.job set state = 'active', started_on = now() where id = ${queued!.id}`,
    );
    await receiveCustomerMessage(desk.ctx, {
      workspaceId: desk.ws.id,
      caseId: first.caseRow.id,
      channel: 'web',
      body: 'Now the floor is wet.',
    });
    const again = await waiting(first.caseRow.id);
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(queued!.id);
  });

  // Needs a second connection: defined for PostgreSQL only (the embedded store has one).
  const runPg: typeof run = kind === 'postgres' ? run : ((() => undefined) as unknown as typeof run);
  runPg('an assessment started while a message is being written waits for it and reads it', async () => {
    const first = await open('Order 1 missing.');
    await receiveCustomerMessage(desk.ctx, {
      workspaceId: desk.ws.id,
      caseId: first.caseRow.id,
      channel: 'web',
      body: 'Order 1 still missing.',
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    // The third message is written but not committed; it finds the assessment waiting and queues none.
    const writing = desk.kept.store.db.transaction(async (tx) => {
      await receiveCustomerMessage(
        { ...desk.ctx, db: tx as unknown as Db },
        { workspaceId: desk.ws.id, caseId: first.caseRow.id, channel: 'web', body: 'Third time I ask.' },
      );
      written();
      await held;
    });
    await wrote;
    expect(await waiting(first.caseRow.id)).toHaveLength(1);
    let finished = false;
    const assessing = assessCaseHell(desk.ctx, { workspaceId: desk.ws.id, caseId: first.caseRow.id }).finally(
      () => (finished = true),
    );
    // Release the writer only once the assessment is blocked on the case's lock; an assessment
    // that finishes first did not wait for the message it was queued for.
    for (;;) {
      const [blocked] = await queryRows<{ n: number }>(
        desk.kept.store.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%from "cases"%for update%'`,
      );
      if (blocked!.n > 0 || finished) break;
    }
    expect(finished).toBe(false);
    release();
    await writing;
    const assessment = await assessing;
    expect(assessment?.metrics.unansweredMessages).toBe(3);
    expect(assessment?.flagged).toBe(true);
  });
});
