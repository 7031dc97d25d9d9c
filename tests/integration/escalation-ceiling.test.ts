import { and, eq, inArray, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CaseDetailResponse, EscalationView, PortalRequestCreated } from '../../src/contract/api-types.ts';
import { escalations, events, tasks, users } from '../../src/db/schema.ts';
import { ESCALATION_TASK } from '../../src/desk/escalations/escalation-task.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { json } from './support/test-kept.ts';

const ESCALATION_TASK_KINDS = Object.values(ESCALATION_TASK);

// Issue 14, item 10: with a 1-minute deadline a missed escalation climbed one level a minute
// and left a new overdue task per level. Levels stop at the top of the organisation (admins),
// and each escalation keeps one overdue task, handed up and updated.
describeOnEachStore('escalations with a ceiling', (kept, run) => {
  let ws: TestWorkspace;

  async function askForManager(n: number): Promise<string> {
    const email = `angry-${n}-${Math.random().toString(36).slice(2)}@example.com`;
    const response = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/${ws.slug}/requests`,
      payload: { name: `Angry ${n}`, email, body: 'I want to speak to a manager right now.' },
    });
    expect(response.statusCode).toBe(201);
    const { reference } = json<PortalRequestCreated>(response);
    const list = await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases?view=all&q=${reference}` });
    return json(list).cases[0].id as string;
  }

  async function openEscalationTasks(caseIds: string[]) {
    return kept()
      .store.db.select()
      .from(tasks)
      .where(and(inArray(tasks.caseId, caseIds), isNull(tasks.doneAt), inArray(tasks.kind, ESCALATION_TASK_KINDS)));
  }

  async function missDeadlines(minutes: number, step: number): Promise<void> {
    for (let elapsed = 0; elapsed < minutes; elapsed += step) {
      kept().clock.advanceMinutes(step);
      await kept().fireDueTimers();
    }
  }

  const get = async <T>(url: string) => json<T>(await ws.request(ws.supervisor, { method: 'GET', url }));
  const escalationOf = async (caseId: string) =>
    (await kept().store.db.select().from(escalations).where(eq(escalations.caseId, caseId)))[0]!;
  const tickOff = (taskId: string) => ws.request(ws.admin, { method: 'POST', url: `/api/v1/tasks/${taskId}/done` });

  run('refuses the escalations list without a login', async () => {
    ws = await createTestWorkspace(kept());
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/escalations?status=open' })).statusCode).toBe(401);
  });

  run('stops at the top with one task per escalation, reminding its admin at a widening cadence', async () => {
    ws = await createTestWorkspace(kept(), { settings: { escalationDeadlineMinutes: 1 } });
    kept().clock.set(new Date('2026-07-06T09:00:00Z'));
    const caseIds = [await askForManager(1), await askForManager(2), await askForManager(3)];
    // Ten minutes of one-minute deadlines, then a day and a half hour by hour.
    await missDeadlines(10, 0.5);
    await missDeadlines(36 * 60, 60);

    const rows = await kept().store.db.select().from(escalations).where(inArray(escalations.caseId, caseIds));
    expect(rows).toHaveLength(3);
    // Supervisor → admin: the top is level 2, and nobody above the admins gets a task.
    expect(rows.map((e) => e.level)).toEqual([2, 2, 2]);
    const open = await openEscalationTasks(caseIds);
    expect(open).toHaveLength(3);
    expect(new Set(open.map((t) => t.caseId))).toEqual(new Set(caseIds));
    expect(open.every((t) => t.assigneeId === ws.admin.id && t.kind === ESCALATION_TASK.overdueAtTop)).toBe(true);
    const all = await kept().store.db.select().from(tasks).where(inArray(tasks.caseId, caseIds));
    expect(all.filter((t) => t.kind.startsWith('escalation_'))).toHaveLength(3);

    const facts = await kept().store.db.select().from(events).where(inArray(events.caseId, caseIds));
    const ofCase = (type: string) => facts.filter((e) => e.caseId === caseIds[0] && e.type === type);
    expect(ofCase('escalation.deadline_missed').map((e) => e.data.level)).toEqual([2]);
    expect(ofCase('escalation.overdue_at_top')).toHaveLength(1);
    // Reminders widen (1 h, 1 h, 2 h, 4 h, 8 h, 16 h …): a handful in a day and a half, not one a minute.
    const reminders = ofCase('escalation.reminded');
    expect(reminders.length).toBeGreaterThanOrEqual(3);
    expect(reminders.length).toBeLessThanOrEqual(7);
    expect(ofCase('task.created').filter((e) => String(e.data.kind).startsWith('escalation_'))).toHaveLength(1);

    // The screen says the escalation is overdue at the top; its deadline is the one it missed.
    const listed = await get<{ escalations: EscalationView[] }>('/api/v1/escalations?status=open');
    const shown = listed.escalations.find((e) => e.caseId === caseIds[0])!;
    expect(shown.level).toBe(2);
    expect(shown.overdue).toBe(true);
    expect(shown.overdueAtTopSince).not.toBeNull();
    const detail = await get<CaseDetailResponse>(`/api/v1/cases/${caseIds[0]}`);
    expect(detail.timeline.filter((i) => i.eventType === 'escalation.overdue_at_top')).toHaveLength(1);
    const escalationTask = detail.tasks.filter((t) => !t.doneAt && t.kind.startsWith('escalation_'));
    expect(escalationTask.map((t) => [t.kind, t.escalationLevel, t.assignee.id])).toEqual([
      [ESCALATION_TASK.overdueAtTop, 2, ws.admin.id],
    ]);
  });

  run('reopens the same task when its admin ticked it off without answering; the answer closes it', async () => {
    ws = await createTestWorkspace(kept(), { settings: { escalationDeadlineMinutes: 1 } });
    kept().clock.set(new Date('2026-07-07T09:00:00Z'));
    const caseId = await askForManager(1);
    await missDeadlines(5, 1);
    const [task] = await openEscalationTasks([caseId]);
    expect(task).toBeDefined();
    expect((await tickOff(task!.id)).statusCode).toBe(200);
    await missDeadlines(3 * 60, 30);
    expect((await openEscalationTasks([caseId])).map((t) => t.id)).toEqual([task!.id]);

    const answered = await ws.request(ws.supervisor, {
      method: 'POST',
      url: `/api/v1/escalations/${(await escalationOf(caseId)).id}/answer`,
      payload: { body: 'I am sorry; I have taken your case myself.' },
    });
    expect(answered.statusCode).toBe(200);
    expect(await openEscalationTasks([caseId])).toHaveLength(0);
    await missDeadlines(24 * 60, 120);
    expect(await openEscalationTasks([caseId])).toHaveLength(0);
  });

  run('treats the admins as the first and top level where nobody is a supervisor', async () => {
    ws = await createTestWorkspace(kept(), { settings: { escalationDeadlineMinutes: 1 } });
    await kept().store.db.update(users).set({ active: false }).where(eq(users.id, ws.supervisor.id));
    kept().clock.set(new Date('2026-07-08T09:00:00Z'));
    const caseId = await askForManager(1);
    await missDeadlines(20, 1);
    const row = await escalationOf(caseId);
    expect(row.level).toBe(1);
    expect(row.overdueAtTopAt).not.toBeNull();
    const open = await openEscalationTasks([caseId]);
    expect(open.map((t) => [t.assigneeId, t.kind])).toEqual([[ws.admin.id, ESCALATION_TASK.overdueAtTop]]);
  });
});
