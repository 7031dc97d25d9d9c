// What one answer to a survey link writes (issue 15), now that it is one read and one statement of
// writes: a satisfaction score of 1–2 marks the case a complaint (source `survey`) and opens the
// supervisor's follow-up — a task, a callback promise with its timer — with the events in that order on
// the timeline; an NPS detractor (3–6) opens the follow-up without a complaint; a good score writes only
// the answer; a revision opens nothing twice; the answer carries the owner's team. On both stores.
import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { SurveyPageResponse } from '../../src/contract/survey-types.ts';
import { cases, events, promises, tasks, teams, users } from '../../src/db/schema.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace } from './support/factories.ts';
import { surveyCustomer } from './support/sent-survey.ts';

describeOnEachStore('a survey answer', (kept, run) => {
  run('marks, follows up and records once, each write in its place', async () => {
    const ws = await createTestWorkspace(kept());
    const { db } = kept().store;
    const k = kept();
    const [team] = await db.insert(teams).values({ workspaceId: ws.id, name: 'Returns' }).returning();
    await db.update(users).set({ teamId: team!.id }).where(eq(users.id, ws.agentEn.id));
    const { customerId, sentSurvey } = await surveyCustomer(db, {
      workspaceId: ws.id,
      ownerId: ws.agentEn.id,
      now: () => k.clock.now(),
    });
    const answer = async (token: string, payload: Record<string, unknown>) => {
      const res = await ws.request(null, { method: 'POST', url: `/api/v1/portal/survey/${token}`, payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as SurveyPageResponse;
    };
    const typesOn = async (caseId: string) =>
      (await db.select().from(events).where(eq(events.caseId, caseId)).orderBy(asc(events.id))).map((e) => e.type);
    const followUpsOn = async (caseId: string) => ({
      tasks: await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'survey_follow_up'))),
      promises: await db.select().from(promises).where(eq(promises.caseId, caseId)),
    });

    // Satisfaction 1: a complaint from the survey, the supervisor's task and callback, then the answer.
    const low = await sentSurvey('satisfaction');
    const timersBefore = k.timers.scheduled.length;
    const page = await answer(low.token, { score: 1 });
    expect(page).toMatchObject({ kind: 'satisfaction', answered: { score: 1, comment: null }, optedOut: false });
    expect(page.reference).toMatch(/^K-\d+$/);
    const [marked] = await db.select().from(cases).where(eq(cases.id, low.caseId));
    expect(marked).toMatchObject({
      isComplaint: true,
      complaintSource: 'survey',
      complaintReason: 'satisfaction 1 of 5',
    });
    const lowFollowUp = await followUpsOn(low.caseId);
    expect(lowFollowUp.tasks.map((t) => t.assigneeId)).toEqual([ws.supervisor.id]);
    expect(lowFollowUp.promises.map((p) => [p.kind, p.ownerId])).toEqual([['callback', ws.supervisor.id]]);
    expect(k.timers.scheduled.slice(timersBefore).map((t) => t.payload)).toEqual([
      expect.objectContaining({ promiseId: lowFollowUp.promises[0]!.id }),
    ]);
    expect(await typesOn(low.caseId)).toEqual(['complaint.marked', 'task.created', 'promise.made', 'survey.answered']);
    const [survey] = await db.select().from(surveyRequests).where(eq(surveyRequests.id, low.surveyId));
    expect(survey).toMatchObject({ status: 'answered', score: 1, followUpTaskId: lowFollowUp.tasks[0]!.id });
    const [answered] = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, low.caseId), eq(events.type, 'survey.answered')));
    expect(answered!.data).toMatchObject({
      ownerId: ws.agentEn.id,
      teamId: team!.id,
      caseKind: 'billing',
      score: 1,
      revised: false,
      followUpTaskId: lowFollowUp.tasks[0]!.id,
    });

    // Revised with a comment: the answer again, nothing opened or marked twice.
    const revised = await answer(low.token, { score: 2, comment: '  Three weeks.  ' });
    expect(revised.answered).toMatchObject({ score: 2, comment: 'Three weeks.' });
    expect((await followUpsOn(low.caseId)).tasks).toHaveLength(1);
    expect(await typesOn(low.caseId)).toEqual([
      'complaint.marked',
      'task.created',
      'promise.made',
      'survey.answered',
      'survey.answered',
    ]);

    // An NPS detractor (5 of 10): the follow-up, no complaint.
    const detractor = await sentSurvey('nps');
    expect((await answer(detractor.token, { score: 5 })).answered).toMatchObject({ score: 5 });
    const [notMarked] = await db.select().from(cases).where(eq(cases.id, detractor.caseId));
    expect(notMarked!.isComplaint).toBe(false);
    expect((await followUpsOn(detractor.caseId)).tasks).toHaveLength(1);
    expect(await typesOn(detractor.caseId)).toEqual(['task.created', 'promise.made', 'survey.answered']);

    // A good score writes the answer alone; a survey without a case answers too (no reference, no follow-up).
    const good = await sentSurvey('satisfaction');
    await answer(good.token, { score: 4 });
    expect(await typesOn(good.caseId)).toEqual(['survey.answered']);
    const caseless = await sentSurvey('nps', false);
    const caselessPage = await answer(caseless.token, { score: 0 });
    expect(caselessPage).toMatchObject({ reference: null, answered: { score: 0 } });
    const caselessEvents = (await db.select().from(events).where(eq(events.customerId, customerId))).filter(
      (e) => (e.data as { surveyId?: string }).surveyId === caseless.surveyId,
    );
    expect(caselessEvents.map((e) => [e.type, e.caseId, (e.data as { ownerId: unknown }).ownerId])).toEqual([
      ['survey.answered', null, null],
    ]);
  });
});
