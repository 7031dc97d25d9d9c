// A survey's answer reads without locks and writes everything in one statement, only if the survey
// (and the case it marks) is still as it was read (issue 15: two round trips). On both stores, with
// pg-boss's real timers: the follow-up's timer is the job boss.send would have written, in the same
// statement; a write whose row changed after the read writes nothing; answers to one survey at the
// same moment each land once — one answer and its revisions, one complaint mark, one follow-up.
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/open-database.ts';
import { events, promises, tasks } from '../../src/db/schema.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { writeIfUnchanged } from '../../src/db/write-together.ts';
import type { TimerRequest } from '../../src/kernel/desk-context.ts';
import { answerSurvey } from '../../src/surveys/index.ts';
import { describeEachStore } from './support/each-store.ts';
import { useRealTimers } from './support/real-timers.ts';
import { surveyCustomer } from './support/sent-survey.ts';

interface JobRow {
  id: string;
  name: string;
  data: { promiseId: string };
  start_after: Date;
  [column: string]: unknown;
}

await describeEachStore('a survey answer without locks', (kind) => {
  const desk = useRealTimers(kind, true);
  const customer = () =>
    surveyCustomer(desk.ctx.db, { workspaceId: desk.ws.id, ownerId: desk.ws.agentEn.id, now: () => desk.ctx.now() });
  const jobsOf = (promiseId: string) =>
    queryRows<JobRow>(desk.ctx.db, sql`select * from pgboss.job where data->>'promiseId' = ${promiseId} order by id`);

  it("writes the follow-up's timer with the answer, as boss.send would", async () => {
    const { sentSurvey } = await customer();
    const low = await sentSurvey('satisfaction');
    await answerSurvey(desk.ctx, low.token, { score: 1 });
    const [promise] = await desk.ctx.db.select().from(promises).where(eq(promises.caseId, low.caseId));
    const [job] = await jobsOf(promise!.id);
    expect(job?.name).toMatch(/^promise-(reminder|due)$/);
    // The same timer through pg-boss's own send: every column but the job's id and time of writing agrees.
    const timer = { name: job!.name, payload: job!.data, startAfter: job!.start_after } as TimerRequest;
    await desk.jobs.timers.schedule(desk.ctx.db, timer);
    const [inline, sent] = await jobsOf(promise!.id);
    const differing = Object.keys(inline!).filter(
      (c) => JSON.stringify(inline![c]) !== JSON.stringify(sent?.[c]) && !['id', 'created_on'].includes(c),
    );
    expect(differing).toEqual([]);
  });

  it('writes nothing when a guarded row changed after it was read', async () => {
    const { sentSurvey } = await customer();
    const { db } = desk.ctx;
    const survey = await sentSurvey('nps');
    const version = async () =>
      (
        await queryRows<{ v: string }>(
          db,
          sql`select xmin::text as v from ${surveyRequests} where ${surveyRequests.id} = ${survey.surveyId}`,
        )
      )[0]!.v;
    const write = (read: string, comment: string) =>
      writeIfUnchanged(
        db,
        [
          db.insert(tasks).values({
            workspaceId: desk.ws.id,
            caseId: survey.caseId,
            assigneeId: desk.ws.supervisor.id,
            kind: 'call',
            title: comment,
            dueAt: desk.ctx.now(),
          }),
        ],
        [
          db
            .update(surveyRequests)
            .set({ comment })
            .where(and(eq(surveyRequests.id, survey.surveyId), sql`xmin = ${read}::xid`))
            .returning({ id: surveyRequests.id }),
        ],
      );
    const read = await version();
    await db.update(surveyRequests).set({ comment: 'meanwhile' }).where(eq(surveyRequests.id, survey.surveyId));
    expect(await write(read, 'stale')).toBe(false);
    expect(await write(await version(), 'fresh')).toBe(true);
    const [after] = await db.select().from(surveyRequests).where(eq(surveyRequests.id, survey.surveyId));
    expect(after!.comment).toBe('fresh');
    const written = await db.select().from(tasks).where(eq(tasks.caseId, survey.caseId));
    expect(written.map((t) => t.title)).toEqual(['fresh']);
  });

  it('answers to one survey at the same moment land once each: one mark, one follow-up', async () => {
    const { sentSurvey } = await customer();
    const low = await sentSurvey('satisfaction');
    const scores = [1, 2, 1, 2, 1];
    await Promise.all(scores.map((score) => answerSurvey(desk.ctx, low.token, { score })));
    const { db } = desk.ctx;
    const timeline = await db.select().from(events).where(eq(events.caseId, low.caseId));
    const count = (type: string) => timeline.filter((e) => e.type === type).length;
    expect([count('complaint.marked'), count('task.created'), count('promise.made')]).toEqual([1, 1, 1]);
    const answers = timeline.filter((e) => e.type === 'survey.answered').map((e) => e.data as { revised: boolean });
    expect(answers.map((a) => a.revised).sort()).toEqual([false, true, true, true, true]);
    const [promise] = await db.select().from(promises).where(eq(promises.caseId, low.caseId));
    expect(await jobsOf(promise!.id)).toHaveLength(1);
    const [survey] = await db.select().from(surveyRequests).where(eq(surveyRequests.id, low.surveyId));
    const [task] = await db.select().from(tasks).where(eq(tasks.caseId, low.caseId));
    expect(survey).toMatchObject({ status: 'answered', followUpTaskId: task!.id });
  });
});
