// Issue 15 (K16–K18): a resolved case's survey is planned in business time, sent once through the
// outbox with signed one-click links, held back by the throttling rules, answered without a login,
// closes the loop on a low score and shows in the reports — on PGlite and PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type {
  ConsistencyResponse,
  PerceptionGapResponse,
  SurveyPageResponse,
  SurveyReportResponse,
} from '../../src/contract/survey-types.ts';
import { promises, tasks } from '../../src/db/schema.ts';
import { outbox } from '../../src/db/schema-email.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { SURVEY_JOB } from '../../src/kernel/job-names.ts';
import { planSurveysAfterResolution, sendSurvey } from '../../src/surveys/index.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const MONDAY = new Date('2026-04-06T08:00:00Z');

describeOnEachStore('surveys', (kept, run) => {
  let ws: TestWorkspace;
  const openCase = async (as: TestStaff, email: string, language = 'ar') =>
    json<CaseDetailResponse>(
      await ws.request(as, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: 'Rana Saleh', email, language },
          channel: 'email',
          subject: 'Refund',
          body: 'مرحبا، أين استرداد المبلغ؟',
        },
      }),
    );
  /** Answered first (a case left unanswered breaks its first-response promise and escalates), then resolved. */
  const resolve = async (as: TestStaff, caseId: string) => {
    const answer = { direction: 'outbound', channel: 'email', body: 'Your refund is on its way.' };
    await ws.request(as, { method: 'POST', url: `/api/v1/cases/${caseId}/messages`, payload: answer });
    return ws.request(as, { method: 'POST', url: `/api/v1/cases/${caseId}/transitions`, payload: { to: 'resolved' } });
  };
  const surveysOf = (caseId: string) =>
    kept().store.db.select().from(surveyRequests).where(eq(surveyRequests.caseId, caseId));
  const tokenIn = (text: string, score: number) => {
    const match = new RegExp(`/portal/survey/([A-Za-z0-9_.-]+)\\?score=${score}`).exec(text);
    return match![1]!;
  };

  run('refuses the unauthenticated (401), bad input (400, naming the field) and bad links (401)', async () => {
    ws = await createTestWorkspace(kept());
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/surveys/report' })).statusCode).toBe(401);
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/surveys/perception' })).statusCode).toBe(401);
    const backwards = await ws.request(ws.agentEn, {
      method: 'GET',
      url: '/api/v1/surveys/report?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(json(backwards).error).toMatchObject({ field: 'from' });
    const badBy = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/surveys/consistency?by=shoe' });
    expect(badBy.statusCode).toBe(400);
    const badQuarter = await ws.request(ws.supervisor, {
      method: 'PUT',
      url: '/api/v1/surveys/perception',
      payload: { period: '2026-Q5', areaKind: 'overall', rating: 4 },
    });
    expect(json(badQuarter).error).toMatchObject({ code: 'request.invalid', field: 'period' });
    const agentRates = await ws.request(ws.agentEn, {
      method: 'PUT',
      url: '/api/v1/surveys/perception',
      payload: { period: '2026-Q2', areaKind: 'overall', rating: 4 },
    });
    expect(agentRates.statusCode).toBe(403);
    const settings = { enabled: true, delayBusinessMinutes: 60, askEffort: true, throttleDays: 30, npsIntervalDays: 0 };
    expect(
      (await ws.request(ws.agentEn, { method: 'PUT', url: '/api/v1/surveys/settings', payload: settings })).statusCode,
    ).toBe(403);
    const negative = await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { ...settings, throttleDays: -1 },
    });
    expect(json(negative).error).toMatchObject({ field: 'throttleDays' });
    const forged = await ws.request(null, { method: 'GET', url: `/api/v1/portal/survey/${'x'.repeat(20)}.abc` });
    expect(forged.statusCode).toBe(401);
    expect((await ws.request(null, { method: 'GET', url: '/api/v1/portal/survey/short' })).statusCode).toBe(400);
  });

  run('sends once after the business delay, answers in one click, closes the loop and reports it', async () => {
    ws = await createTestWorkspace(kept());
    const k = kept();
    k.clock.set(MONDAY);
    await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { enabled: true, delayBusinessMinutes: 120, askEffort: true, throttleDays: 30, npsIntervalDays: 90 },
    });
    // Business hours 09:00–17:00 UTC every weekday: resolved at 16:00, the survey waits until 10:00 the next day.
    await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/promises/calendars',
      payload: {
        timeZone: 'UTC',
        weeklyHours: [[], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], []],
        holidays: [],
      },
    });
    const created = await openCase(ws.agentAr, 'rana@example.test');
    const caseId = created.case.id;
    k.clock.set(new Date('2026-04-06T16:00:00Z'));
    expect((await resolve(ws.agentAr, caseId)).statusCode).toBe(200);
    await k.fireDueTimers();
    const planned = await surveysOf(caseId);
    expect(planned.map((s) => s.kind).sort()).toEqual(['nps', 'satisfaction']);
    const survey = planned.find((s) => s.kind === 'satisfaction')!;
    expect(survey.status).toBe('scheduled');
    expect(survey.sendAt.toISOString()).toBe('2026-04-07T10:00:00.000Z');

    // A second delivery of the planning job plans nothing more (exactly once, by key).
    expect(await planSurveysAfterResolution(k.ctx, { workspaceId: ws.id, caseId })).toEqual({ planned: 0 });

    k.clock.set(new Date('2026-04-07T10:00:00Z'));
    await k.fireDueTimers();
    // Two instances delivering the send job at once: one sends, the other finds it done.
    const both = await Promise.all([
      sendSurvey(k.ctx, { workspaceId: ws.id, surveyId: survey.id }),
      sendSurvey(k.ctx, { workspaceId: ws.id, surveyId: survey.id }),
    ]);
    expect(both.every((r) => r.outcome === 'done')).toBe(true);
    const mail = await k.store.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.caseId, caseId), eq(outbox.kind, 'message')));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.language).toBe('ar');
    expect(mail[0]!.subject).toContain('كيف كانت خدمتنا؟');
    expect(mail[0]!.textBody).toContain('ما مدى رضاك');

    // One click: the page records the score; no login.
    const token = tokenIn(mail[0]!.textBody, 2);
    const page = json<SurveyPageResponse>(
      await ws.request(null, { method: 'GET', url: `/api/v1/portal/survey/${token}` }),
    );
    expect(page).toMatchObject({ kind: 'satisfaction', language: 'ar', askEffort: true, answered: null });
    const outOfScale = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/survey/${token}`,
      payload: { score: 6 },
    });
    expect(json(outOfScale).error).toMatchObject({ code: 'request.invalid', field: 'score' });
    const badEffort = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/survey/${token}`,
      payload: { score: 2, effort: 9 },
    });
    expect(json(badEffort).error).toMatchObject({ field: 'effort' });
    const first = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/survey/${token}`,
      payload: { score: 2 },
    });
    expect(first.statusCode).toBe(200);
    const revised = json<SurveyPageResponse>(
      await ws.request(null, {
        method: 'POST',
        url: `/api/v1/portal/survey/${token}`,
        payload: { score: 2, effort: 6, comment: 'استغرق الأمر ثلاثة أسابيع' },
      }),
    );
    expect(revised.answered).toMatchObject({ score: 2, effort: 6, comment: 'استغرق الأمر ثلاثة أسابيع' });

    // The loop is closed once: a task for the owner's supervisor, due one business day later, and a promise.
    const followUps = await k.store.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'survey_follow_up')));
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.assigneeId).toBe(ws.supervisor.id);
    expect(followUps[0]!.dueAt.toISOString()).toBe('2026-04-08T10:00:00.000Z');
    const callbacks = await k.store.db
      .select()
      .from(promises)
      .where(and(eq(promises.caseId, caseId), eq(promises.kind, 'callback')));
    expect(callbacks.map((p) => p.ownerId)).toEqual([ws.supervisor.id]);

    // Every answer is on the case's timeline.
    const detail = json<CaseDetailResponse>(
      await ws.request(ws.agentAr, { method: 'GET', url: `/api/v1/cases/${caseId}` }),
    );
    const types = detail.timeline.map((i) => i.eventType);
    expect(types.filter((t) => t === 'survey.answered')).toHaveLength(2);
    expect(types).toContain('survey.sent');

    const report = json<SurveyReportResponse>(
      await ws.request(ws.agentEn, {
        method: 'GET',
        url: '/api/v1/surveys/report?from=2026-04-01T00:00:00Z&to=2026-04-30T00:00:00Z',
      }),
    );
    expect(report.overall).toMatchObject({
      sent: 1,
      answered: 1,
      responseRate: 1,
      meanScore: 2,
      lowShare: 1,
      meanEffort: 6,
    });
    expect(report.overall.distribution).toEqual([0, 1, 0, 0, 0]);
    expect(report.byOwner).toEqual([
      expect.objectContaining({ key: ws.agentAr.id, label: 'Layla Haddad', answered: 1 }),
    ]);
    expect(report.byLanguage.map((g) => g.key)).toEqual(['ar']);
    expect(report.comments.map((c) => c.comment)).toEqual(['استغرق الأمر ثلاثة أسابيع']);

    const spread = json<ConsistencyResponse>(
      await ws.request(ws.agentEn, {
        method: 'GET',
        url: '/api/v1/surveys/consistency?by=channel&from=2026-04-01T00:00:00Z&to=2026-04-30T00:00:00Z',
      }),
    );
    expect(spread.groups).toEqual([expect.objectContaining({ key: 'email', n: 1, mean: 2, fewAnswers: true })]);
    expect(spread.leastConsistent).toEqual([]);

    // The perception gap: the manager believes the service superior; the one customer does not.
    const gap = json<PerceptionGapResponse>(
      await ws.request(ws.supervisor, {
        method: 'PUT',
        url: '/api/v1/surveys/perception',
        payload: { period: '2026-Q2', areaKind: 'channel', areaKey: 'email', rating: 5 },
      }),
    );
    expect(gap.headline).toMatchObject({
      period: '2026-Q2',
      managerShareSuperior: 1,
      customerShareGood: 0,
      answers: 1,
    });
    expect(gap.areas).toEqual([expect.objectContaining({ areaKey: 'email', managerRating: 5, customerMean: 2 })]);
    expect(gap.trend.map((t) => t.period)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });

  run('holds a survey back inside 30 days, while an escalation is open, and after an opt-out', async () => {
    ws = await createTestWorkspace(kept());
    const k = kept();
    k.clock.set(MONDAY);
    await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/surveys/settings',
      payload: { enabled: true, delayBusinessMinutes: 0, askEffort: false, throttleDays: 30, npsIntervalDays: 0 },
    });
    const one = await openCase(ws.agentEn, 'omar@example.test', 'en');
    await resolve(ws.agentEn, one.case.id);
    await k.fireDueTimers();
    expect((await surveysOf(one.case.id))[0]!.status).toBe('sent');

    k.clock.set(new Date('2026-04-20T08:00:00Z'));
    const two = await openCase(ws.agentEn, 'omar@example.test', 'en');
    await resolve(ws.agentEn, two.case.id);
    await k.fireDueTimers();
    expect((await surveysOf(two.case.id))[0]).toMatchObject({ status: 'skipped', skipReason: 'recently_surveyed' });

    // 40 days on, but a supervisor request of theirs is still open on another case.
    k.clock.set(new Date('2026-05-16T08:00:00Z'));
    const three = await openCase(ws.agentEn, 'omar@example.test', 'en');
    const other = await openCase(ws.agentEn, 'omar@example.test', 'en');
    await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/cases/${other.case.id}/escalations`,
      payload: { reason: 'Wants a manager' },
    });
    await resolve(ws.agentEn, three.case.id);
    await k.fireDueTimers();
    expect((await surveysOf(three.case.id))[0]).toMatchObject({ status: 'skipped', skipReason: 'escalation_open' });
    expect(k.timers.scheduled.some((t) => t.name === SURVEY_JOB.send)).toBe(true);

    // Opted out from the first survey's link: never surveyed again.
    const [mail] = await k.store.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.caseId, one.case.id), eq(outbox.kind, 'message')));
    const token = tokenIn(mail!.textBody, 5);
    const out = json<SurveyPageResponse>(
      await ws.request(null, { method: 'POST', url: `/api/v1/portal/survey/${token}/opt-out` }),
    );
    expect(out.optedOut).toBe(true);
    k.clock.set(new Date('2026-07-01T08:00:00Z'));
    const four = await openCase(ws.agentEn, 'omar@example.test', 'en');
    await resolve(ws.agentEn, four.case.id);
    await k.fireDueTimers();
    expect((await surveysOf(four.case.id))[0]).toMatchObject({ status: 'skipped', skipReason: 'opted_out' });
    const skipped = json<SurveyReportResponse>(
      await ws.request(ws.agentEn, {
        method: 'GET',
        url: '/api/v1/surveys/report?from=2026-04-01T00:00:00Z&to=2026-08-01T00:00:00Z',
      }),
    ).skipped;
    expect(skipped.map((s) => s.reason).sort()).toEqual(['escalation_open', 'opted_out', 'recently_surveyed']);
  });
});
