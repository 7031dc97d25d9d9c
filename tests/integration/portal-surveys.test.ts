// Issue 15 (K16) in the portal: a case that came through the portal has its survey offered there,
// waiting for the customer's next visit, and by e-mail too only where the workspace wants it; the
// portal answers through the same operation as the e-mail link, under the same throttling, with
// the same events — on PGlite and PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CaseDetailResponse, PortalRequestCreated, PortalSessionResponse } from '../../src/contract/api-types.ts';
import type { SurveyPageResponse, SurveySettingsView } from '../../src/contract/survey-types.ts';
import { events } from '../../src/db/schema.ts';
import { outbox } from '../../src/db/schema-email.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const MONDAY = new Date('2026-04-06T08:00:00Z');
const SETTINGS: SurveySettingsView = {
  enabled: true,
  delayBusinessMinutes: 0,
  askEffort: true,
  throttleDays: 30,
  npsIntervalDays: 0,
  emailPortalSurveys: true,
};

describeOnEachStore('surveys in the portal', (kept, run) => {
  let ws: TestWorkspace;
  /** The customer writes in the portal; the agent answers and resolves; the survey jobs run. */
  const portalCaseResolved = async (email: string, language = 'ar') => {
    const created = json<PortalRequestCreated>(
      await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/${ws.slug}/requests`,
        payload: { name: 'Rana Saleh', email, language, subject: 'الراوتر', body: 'الراوتر لا يعمل منذ أمس.' },
      }),
    );
    const session = await sessionOf(created.portalToken);
    const caseId = session.cases[0]!.id;
    const answer = { direction: 'outbound', channel: 'portal', body: 'We replaced the router.' };
    await ws.request(ws.agentAr, { method: 'POST', url: `/api/v1/cases/${caseId}/messages`, payload: answer });
    const resolved = await ws.request(ws.agentAr, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/transitions`,
      payload: { to: 'resolved' },
    });
    expect(resolved.statusCode).toBe(200);
    await kept().fireDueTimers();
    await kept().fireDueTimers();
    return { portalToken: created.portalToken, caseId };
  };
  const sessionOf = async (token: string) =>
    json<PortalSessionResponse>(await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${token}` }));
  const surveyMail = (caseId: string) =>
    kept()
      .store.db.select()
      .from(outbox)
      .where(and(eq(outbox.caseId, caseId), eq(outbox.kind, 'message'), eq(outbox.workspaceId, ws.id)));
  const surveysOf = (caseId: string) =>
    kept().store.db.select().from(surveyRequests).where(eq(surveyRequests.caseId, caseId));
  const eventsOf = async (caseId: string, type: string) =>
    (await kept().store.db.select().from(events).where(eq(events.caseId, caseId))).filter((e) => e.type === type);

  run('refuses a forged session (401), bad settings (400, naming the field), and keeps the new setting', async () => {
    ws = await createTestWorkspace(kept());
    const forged = await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${'x'.repeat(20)}.abc` });
    expect(forged.statusCode).toBe(401);
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/portal/session/short' })).statusCode).toBe(400);
    const badFlag = await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { ...SETTINGS, emailPortalSurveys: 'yes' },
    });
    expect(badFlag.statusCode).toBe(400);
    expect(json(badFlag).error).toMatchObject({ field: 'emailPortalSurveys' });
    const fresh = json<SurveySettingsView>(
      await ws.request(ws.admin, { method: 'GET', url: '/api/v1/surveys/settings' }),
    );
    expect(fresh.emailPortalSurveys).toBe(true);
    await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { ...SETTINGS, emailPortalSurveys: false },
    });
    // Left out of a later change (an older client), the setting keeps its value.
    const { emailPortalSurveys: _left, ...older } = SETTINGS;
    const kept1 = json<SurveySettingsView>(
      await ws.request(ws.admin, { method: 'PUT', url: '/api/v1/surveys/settings', payload: older }),
    );
    expect(kept1.emailPortalSurveys).toBe(false);
  });

  run('offers a portal case’s survey in the portal and by e-mail, answered there with the same events', async () => {
    ws = await createTestWorkspace(kept());
    kept().clock.set(MONDAY);
    await ws.request(ws.admin, { method: 'PUT', url: '/api/v1/surveys/settings', payload: SETTINGS });
    const { portalToken, caseId } = await portalCaseResolved('rana.portal@example.test');
    expect((await surveysOf(caseId))[0]).toMatchObject({ status: 'sent', channel: 'portal' });
    expect(await surveyMail(caseId)).toHaveLength(1);
    const [sent] = await eventsOf(caseId, 'survey.sent');
    expect(sent!.data).toMatchObject({ channel: 'portal', via: ['portal', 'email'] });

    const session = await sessionOf(portalToken);
    expect(session.surveys).toEqual([
      expect.objectContaining({
        kind: 'satisfaction',
        caseId,
        askEffort: true,
        reference: session.cases[0]!.reference,
      }),
    ]);
    const token = session.surveys[0]!.token;
    const outOfScale = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/survey/${token}`,
      payload: { score: 0 },
    });
    expect(json(outOfScale).error).toMatchObject({ code: 'request.invalid', field: 'score' });
    const answered = json<SurveyPageResponse>(
      await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/survey/${token}`,
        payload: { score: 4, effort: 6, comment: 'شكرًا، الراوتر الجديد يعمل' },
      }),
    );
    expect(answered.answered).toMatchObject({ score: 4, effort: 6 });
    // Answered: no longer waiting; on the case's timeline like an answer from the e-mail link.
    expect((await sessionOf(portalToken)).surveys).toEqual([]);
    const detail = json<CaseDetailResponse>(
      await ws.request(ws.agentAr, { method: 'GET', url: `/api/v1/cases/${caseId}` }),
    );
    expect(detail.timeline.map((i) => i.eventType)).toEqual(expect.arrayContaining(['survey.sent', 'survey.answered']));
    expect((await eventsOf(caseId, 'survey.answered'))[0]!.data).toMatchObject({ score: 4, channel: 'portal' });
  });

  run('sends no e-mail where the workspace does not want it, throttles as by e-mail, lets a survey lapse', async () => {
    ws = await createTestWorkspace(kept());
    kept().clock.set(MONDAY);
    await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { ...SETTINGS, emailPortalSurveys: false },
    });
    const first = await portalCaseResolved('omar.portal@example.test', 'en');
    expect((await surveysOf(first.caseId))[0]).toMatchObject({ status: 'sent' });
    expect(await surveyMail(first.caseId)).toHaveLength(0);
    expect((await eventsOf(first.caseId, 'survey.sent'))[0]!.data).toMatchObject({ via: ['portal'] });
    expect((await sessionOf(first.portalToken)).surveys).toHaveLength(1);

    // A second portal case within 30 days: held back by the same rule as an e-mailed survey.
    kept().clock.set(new Date('2026-04-10T08:00:00Z'));
    const second = await portalCaseResolved('omar.portal@example.test', 'en');
    expect((await surveysOf(second.caseId))[0]).toMatchObject({ status: 'skipped', skipReason: 'recently_surveyed' });
    expect((await sessionOf(second.portalToken)).surveys).toHaveLength(1);

    // Unanswered for more than 30 days, it stops waiting; the link itself still answers.
    kept().clock.set(new Date('2026-05-08T08:00:00Z'));
    expect((await sessionOf(first.portalToken)).surveys).toEqual([]);
  });

  run('offers the NPS survey of a portal customer in the portal when its time comes', async () => {
    ws = await createTestWorkspace(kept());
    kept().clock.set(MONDAY);
    await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { ...SETTINGS, npsIntervalDays: 90, emailPortalSurveys: false },
    });
    const { portalToken, caseId } = await portalCaseResolved('lena.portal@example.test', 'he');
    const session = await sessionOf(portalToken);
    expect(session.surveys.map((s) => s.kind)).toEqual(['satisfaction']);
    // The NPS survey waits past the throttle (31 days), then it is offered too.
    kept().clock.set(new Date('2026-05-08T08:00:00Z'));
    await kept().fireDueTimers();
    const nps = (await surveysOf(caseId)).find((s) => s.kind === 'nps');
    expect(nps).toMatchObject({ status: 'sent', channel: 'portal' });
    const later = await sessionOf(portalToken);
    expect(later.surveys).toEqual([expect.objectContaining({ kind: 'nps', reference: null, askEffort: false })]);
    const answered = json<SurveyPageResponse>(
      await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/survey/${later.surveys[0]!.token}`,
        payload: { score: 9 },
      }),
    );
    expect(answered).toMatchObject({ kind: 'nps', answered: { score: 9 } });
    expect(await surveyMail(caseId)).toHaveLength(0);
  });
});
