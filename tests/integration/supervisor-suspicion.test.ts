import { expect } from 'vitest';
import type { CaseDetailResponse, PortalRequestCreated } from '../../src/contract/api-types.ts';
import type { SupervisorSuspicionDismissed } from '../../src/contract/supervisor-suspicion-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { json } from './support/test-kept.ts';

// Issue 18: a message that only may ask for a supervisor is a suspicion on the case (an event on
// its timeline), not an escalation; the agent escalates or dismisses it. A certain one escalates.
describeOnEachStore('supervisor suspicion', (kept, run) => {
  let ws: TestWorkspace;

  async function caseFrom(body: string): Promise<string> {
    const email = `c-${Math.random().toString(36).slice(2)}@example.com`;
    const response = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/${ws.slug}/requests`,
      payload: { name: 'Dana Levi', email, body },
    });
    expect(response.statusCode).toBe(201);
    const { reference } = json<PortalRequestCreated>(response);
    const list = await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases?view=all&q=${reference}` });
    return json(list).cases[0].id as string;
  }
  const detail = async (id: string) =>
    json<CaseDetailResponse>(await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${id}` }));
  const dismiss = (id: string, who: TestWorkspace['agentEn'] | null = ws.agentEn) =>
    ws.request(who, { method: 'POST', url: `/api/v1/cases/${id}/supervisor-suspicion/dismiss` });

  run('refuses a dismissal without a login, for a malformed id, and for another workspace’s case', async () => {
    ws = await createTestWorkspace(kept());
    const other = await createTestWorkspace(kept());
    const id = await caseFrom('Is your manager around?');
    expect((await dismiss(id, null)).statusCode).toBe(401);
    expect((await dismiss('not-a-uuid')).statusCode).toBe(400);
    expect(
      (await other.request(other.admin, { method: 'POST', url: `/api/v1/cases/${id}/supervisor-suspicion/dismiss` }))
        .statusCode,
    ).toBe(404);
  });

  run('a likely request is a suspicion, not an escalation; dismissing it closes it once', async () => {
    ws = await createTestWorkspace(kept());
    const id = await caseFrom('Is your manager around?');
    const before = await detail(id);
    expect(before.escalations).toHaveLength(0);
    expect(before.supervisorSuspicion).toMatchObject({ phrase: 'manager' });
    expect(before.timeline.some((t) => t.eventType === 'supervisor.suspected')).toBe(true);
    const done = await dismiss(id);
    expect(done.statusCode).toBe(200);
    expect(json<SupervisorSuspicionDismissed>(done)).toMatchObject({ caseId: id });
    const after = await detail(id);
    expect(after.supervisorSuspicion).toBeNull();
    expect(after.timeline.some((t) => t.eventType === 'supervisor.suspicion_dismissed')).toBe(true);
    expect((await dismiss(id)).statusCode).toBe(409);
  });

  run('escalating from the suspicion closes it; a certain request escalates at once', async () => {
    ws = await createTestWorkspace(kept());
    const id = await caseFrom('هل يوجد مشرف؟');
    expect((await detail(id)).supervisorSuspicion).not.toBeNull();
    const escalated = await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/cases/${id}/escalations`,
      payload: { reason: 'The customer may be asking for a supervisor' },
    });
    expect(escalated.statusCode).toBe(201);
    expect((await detail(id)).supervisorSuspicion).toBeNull();

    const certain = await caseFrom('Put me through to your supervisor, please.');
    const d = await detail(certain);
    expect(d.escalations).toHaveLength(1);
    expect(d.supervisorSuspicion).toBeNull();

    const none = await caseFrom('My manager asked me to order this, where is it?');
    expect((await detail(none)).escalations).toHaveLength(0);
    expect((await detail(none)).supervisorSuspicion).toBeNull();
  });
});
