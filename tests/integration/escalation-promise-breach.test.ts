import { and, eq, inArray, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import type {
  CaseDetailResponse,
  EscalationView,
  PortalRequestCreated,
  PromiseView,
} from '../../src/contract/api-types.ts';
import { escalations, tasks } from '../../src/db/schema.ts';
import { ESCALATION_TASK } from '../../src/desk/escalations/escalation-task.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { json } from './support/test-kept.ts';

// Issue 14, item 11, the Dell story of seed 000: twice someone promised to "call you RIGHT
// BACK" on a case whose escalation was already open, and nobody did. Both promises broke, but
// the open escalation recorded nothing. Each breach is now recorded on it, shown to the
// supervisor, and makes it more urgent, as a new escalation would.
describeOnEachStore('a promise broken under an open escalation', (kept, run) => {
  let ws: TestWorkspace;

  async function deniseAsksForASupervisor(): Promise<string> {
    const email = `denise-${Math.random().toString(36).slice(2)}@example.com`;
    const body = 'My laptop still crashes every day. I want to talk to your supervisor.';
    const response = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/${ws.slug}/requests`,
      payload: { name: 'Denise Romero', email, body },
    });
    expect(response.statusCode).toBe(201);
    const { reference } = json<PortalRequestCreated>(response);
    const list = await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases?view=all&q=${reference}` });
    return json(list).cases[0].id as string;
  }

  async function promiseToCallRightBack(caseId: string, owner: TestStaff, dueAt: string, description: string) {
    const response = await ws.request(owner, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/promises`,
      payload: { kind: 'callback', channel: 'phone', dueAt, description, ownerId: owner.id },
    });
    expect(response.statusCode).toBe(201);
    return json<PromiseView>(response);
  }

  const get = async <T>(url: string) => json<T>(await ws.request(ws.supervisor, { method: 'GET', url }));
  const detailOf = (caseId: string) => get<CaseDetailResponse>(`/api/v1/cases/${caseId}`);
  const escalationOf = async (caseId: string) =>
    (await kept().store.db.select().from(escalations).where(eq(escalations.caseId, caseId)))[0]!;
  const escalationTasks = (caseId: string) =>
    kept()
      .store.db.select()
      .from(tasks)
      .where(and(eq(tasks.caseId, caseId), isNull(tasks.doneAt), inArray(tasks.kind, Object.values(ESCALATION_TASK))));
  const breachOf = (promise: PromiseView, owner: TestStaff, brokenAt: string) => ({
    promiseId: promise.id,
    kind: 'callback',
    description: promise.description,
    owner: { id: owner.id, name: owner.name },
    dueAt: promise.dueAt,
    brokenAt,
  });

  run('refuses another workspace and a missing login before anything else', async () => {
    ws = await createTestWorkspace(kept());
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/escalations' })).statusCode).toBe(401);
    const other = await createTestWorkspace(kept());
    const caseId = await deniseAsksForASupervisor();
    const url = `/api/v1/cases/${caseId}`;
    expect((await other.request(other.supervisor, { method: 'GET', url })).statusCode).toBe(404);
  });

  run('records both broken RIGHT BACK callbacks on the open escalation and tells a supervisor', async () => {
    ws = await createTestWorkspace(kept());
    kept().clock.set(new Date('2026-08-03T09:00:00Z'));
    const caseId = await deniseAsksForASupervisor();
    const [opened] = (await detailOf(caseId)).escalations;
    expect(opened?.status).toBe('open');
    expect(opened?.breaches).toEqual([]);
    const firstWords = 'Call Denise RIGHT BACK about the blue screens';
    const first = await promiseToCallRightBack(caseId, ws.agentEn, '2026-08-03T10:00:00.000Z', firstWords);
    const second = await promiseToCallRightBack(caseId, ws.agentAr, '2026-08-03T10:30:00.000Z', 'اتصل بدنيز فورًا');

    kept().clock.set(new Date('2026-08-03T10:01:00Z'));
    await kept().fireDueTimers();
    // After the first breach a supervisor has a task naming it, due by the escalation's deadline.
    const [notified] = await escalationTasks(caseId);
    expect(notified).toMatchObject({
      kind: ESCALATION_TASK.promiseBroken,
      assigneeId: ws.supervisor.id,
      title: firstWords,
    });
    kept().clock.set(new Date('2026-08-03T10:31:00Z'));
    await kept().fireDueTimers();
    await kept().fireDueTimers(); // a timer delivered twice records nothing twice

    const detail = await detailOf(caseId);
    const broken = detail.promises.filter((p) => p.status === 'broken').map((p) => p.id);
    expect(broken.sort()).toEqual([first.id, second.id].sort());
    expect(detail.escalations).toHaveLength(1);
    const escalation = detail.escalations[0]!;
    expect(escalation.id).toBe(opened!.id);
    expect(escalation.breaches).toEqual([
      breachOf(first, ws.agentEn, '2026-08-03T10:01:00.000Z'),
      breachOf(second, ws.agentAr, '2026-08-03T10:31:00.000Z'),
    ]);
    const recorded = detail.timeline.filter((i) => i.eventType === 'escalation.promise_broken').map((i) => i.data!);
    expect(recorded.map((d) => [d.promiseId, d.ownerName, d.dueAt, d.description])).toEqual([
      [first.id, ws.agentEn.name, first.dueAt, first.description],
      [second.id, ws.agentAr.name, second.dueAt, second.description],
    ]);
    // Urgency: never later than a new escalation opened by the breach would be, and one task,
    // now naming the second promise.
    expect(new Date(escalation.deadlineAt).getTime()).toBeLessThanOrEqual(new Date(opened!.deadlineAt).getTime());
    const open = await escalationTasks(caseId);
    expect(open.map((t) => [t.id, t.kind, t.assigneeId, t.title])).toEqual([
      [notified!.id, ESCALATION_TASK.promiseBroken, ws.supervisor.id, second.description],
    ]);
    expect(open[0]!.dueAt.getTime()).toBeLessThanOrEqual(new Date(escalation.deadlineAt).getTime());

    const listed = await get<{ escalations: EscalationView[] }>('/api/v1/escalations?status=open');
    const shown = listed.escalations.find((e) => e.id === escalation.id);
    expect(shown?.breaches.map((b) => b.promiseId)).toEqual([first.id, second.id]);
  });

  run('pulls in a deadline later than a new escalation would get', async () => {
    ws = await createTestWorkspace(kept());
    kept().clock.set(new Date('2026-08-04T09:00:00Z'));
    const caseId = await deniseAsksForASupervisor();
    // The escalation was opened while the workspace allowed a day; it now allows four hours.
    await kept()
      .store.db.update(escalations)
      .set({ deadlineAt: new Date('2026-08-05T09:00:00Z') })
      .where(eq(escalations.caseId, caseId));
    await promiseToCallRightBack(caseId, ws.agentEn, '2026-08-04T10:00:00.000Z', 'Call Denise RIGHT BACK');
    kept().clock.set(new Date('2026-08-04T10:05:00Z'));
    await kept().fireDueTimers();
    const [escalation] = (await detailOf(caseId)).escalations;
    expect(escalation?.deadlineAt).toBe('2026-08-04T14:05:00.000Z');
    // The new deadline has its own timer: missed, it goes up to the admins.
    kept().clock.set(new Date('2026-08-04T14:06:00Z'));
    await kept().fireDueTimers();
    const [after] = (await detailOf(caseId)).escalations;
    expect(after?.level).toBe(2);
  });

  run('brings the next reminder forward and reopens the task of an escalation overdue at the top', async () => {
    ws = await createTestWorkspace(kept());
    kept().clock.set(new Date('2026-08-05T09:00:00Z'));
    const caseId = await deniseAsksForASupervisor();
    for (let hour = 0; hour < 30; hour++) {
      kept().clock.advanceMinutes(60);
      await kept().fireDueTimers();
    }
    const before = await escalationOf(caseId);
    expect(before.overdueAtTopAt).not.toBeNull();
    const [task] = await escalationTasks(caseId);
    const tickedOff = await ws.request(ws.admin, { method: 'POST', url: `/api/v1/tasks/${task!.id}/done` });
    expect(tickedOff.statusCode).toBe(200);

    const due = new Date(kept().clock.now().getTime() + 10 * 60_000);
    const words = 'Call Denise RIGHT BACK, really';
    const promise = await promiseToCallRightBack(caseId, ws.agentEn, due.toISOString(), words);
    kept().clock.set(new Date(due.getTime() + 60_000));
    await kept().fireDueTimers();

    const now = kept().clock.now().toISOString();
    const after = await escalationOf(caseId);
    expect(after.remindAt!.getTime()).toBeLessThan(before.remindAt!.getTime());
    const open = await escalationTasks(caseId);
    expect(open.map((t) => [t.id, t.kind, t.assigneeId, t.title, t.dueAt.toISOString()])).toEqual([
      [task!.id, ESCALATION_TASK.overdueAtTop, ws.admin.id, promise.description, now],
    ]);
    const [shown] = (await detailOf(caseId)).escalations;
    // Nobody answered Denise in those thirty hours either: the first-answer promise broke first.
    expect(shown?.breaches.map((b) => [b.kind, b.promiseId === promise.id])).toEqual([
      ['first_response', false],
      ['callback', true],
    ]);
  });
});
