import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases, promises, tasks, teams, users } from '../db/schema.ts';
import { completeTask, keepPromise } from '../desk/index.ts';
import { surveyRequests } from '../db/schema-surveys.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import {
  SURVEY_FOLLOW_UP_TASK,
  answerSurvey,
  quarterOf,
  quartersEndingWith,
  recordPerceptionRating,
  signSurveyToken,
  updateSurveySettings,
} from '../surveys/index.ts';
import type { WorkspaceRow } from '../workspaces/index.ts';
import { DemoRandom } from './demo-random.ts';
import { fileNewDemoCases, seedDemoExpectations } from './demo-survey-context.ts';

// The demo's customers answer their surveys (issue 15), so the survey screens start full: about
// half answer, within two days; scores follow what happened on the case (broken promises, hell)
// and who handled it — some agents steady, some uneven, so consistency has something to show.

const COMMENTS: Record<string, Record<'low' | 'mid' | 'high', string[]>> = {
  en: {
    low: ['Three weeks and nobody called back as promised.', 'I had to explain everything again to each person.'],
    mid: ['Solved in the end, but it took longer than it should.', 'Fine, though I had to chase once.'],
    high: ['Quick and friendly, thank you!', 'Sorted on the first reply. Great service.'],
  },
  ar: {
    low: ['ثلاثة أسابيع ولم يتصل بي أحد كما وعدتم.', 'اضطررت إلى شرح كل شيء من جديد لكل موظف.'],
    mid: ['تم الحل في النهاية، لكنه استغرق وقتًا أطول من اللازم.', 'جيد، لكنني اضطررت إلى المتابعة مرة.'],
    high: ['خدمة سريعة ولطيفة، شكرًا لكم!', 'تم الحل من أول رد. خدمة رائعة.'],
  },
  he: {
    low: ['שלושה שבועות ואף אחד לא חזר אליי כמו שהבטחתם.', 'הייתי צריך להסביר הכול מחדש לכל נציג.'],
    mid: ['נפתר בסוף, אבל לקח יותר זמן ממה שצריך.', 'בסדר, אבל נאלצתי להזכיר פעם אחת.'],
    high: ['מהיר ואדיב, תודה רבה!', 'נפתר כבר בתשובה הראשונה. שירות מצוין.'],
  },
  ru: {
    low: ['Три недели, и никто не перезвонил, как обещали.', 'Пришлось каждому сотруднику объяснять всё заново.'],
    mid: ['В итоге решили, но дольше, чем следовало.', 'Нормально, хотя один раз пришлось напомнить.'],
    high: ['Быстро и вежливо, спасибо!', 'Решили с первого ответа. Отличный сервис.'],
  },
};

/** A normal draw (Box–Muller) from the demo's seeded stream. */
function normal(r: DemoRandom): number {
  return Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

export async function configureDemoSurveys(db: Db, workspaceId: string, now: Date): Promise<void> {
  await updateSurveySettings(
    db,
    workspaceId,
    { enabled: true, delayBusinessMinutes: 120, askEffort: true, throttleDays: 30, npsIntervalDays: 90 },
    now,
  );
}

/**
 * A story on the demo clock: every four hours, the customers whose survey has waited their
 * (seeded) time answer it through the real answer operation, with the clock at that moment; every
 * hour, new cases are filed under their kind; at the end, the intake expectations customers gave.
 */
export function demoSurveyAnswers(
  ctx: DeskContext,
  sleepUntil: (at: Date) => Promise<void>,
  input: { workspace: WorkspaceRow; seed: number; from: number; to: number },
): () => Promise<void> {
  return async () => {
    const hour = 3_600_000;
    for (let t = input.from; t < input.to; t += hour) {
      await sleepUntil(new Date(t));
      // Each hour new cases are filed under their kind; every four hours customers answer.
      await fileNewDemoCases(ctx.db, input.workspace.id);
      if ((t - input.from) % (4 * hour) !== 0) continue;
      await closeTheLoop(ctx, input.workspace.id, input.seed, t);
      const waiting = await ctx.db
        .select({
          id: surveyRequests.id,
          kind: surveyRequests.kind,
          sentAt: surveyRequests.sentAt,
          language: surveyRequests.language,
          number: cases.number,
          hell: cases.hellFlaggedAt,
          ownerEmail: users.email,
          broken: sql<number>`(select count(*)::int from ${promises} p where p.case_id = ${cases.id} and p.status = 'broken')`,
        })
        .from(surveyRequests)
        .innerJoin(cases, eq(cases.id, surveyRequests.caseId))
        .leftJoin(users, eq(users.id, cases.ownerId))
        .where(and(eq(surveyRequests.workspaceId, input.workspace.id), eq(surveyRequests.status, 'sent')));
      for (const s of waiting) {
        const r = DemoRandom.derive(input.seed, `survey-${s.number}-${s.kind}`);
        if (!r.chance(0.55)) continue;
        if (s.sentAt!.getTime() + r.between(1, 48) * 3_600_000 > t) continue;
        // Each person's own level and steadiness, from their address: the same every run.
        const person = DemoRandom.derive(input.seed, `owner-${s.ownerEmail ?? ''}`);
        const mean = person.between(3.5, 4.7) - 1.6 * Math.min(2, s.broken) - (s.hell ? 1.2 : 0);
        const satisfaction = clamp(mean + person.between(0.3, 1.4) * normal(r), 1, 5);
        const score = s.kind === 'nps' ? clamp(satisfaction * 2 + 0.8 * normal(r), 0, 10) : satisfaction;
        const band = satisfaction <= 2 ? 'low' : satisfaction >= 4 ? 'high' : 'mid';
        const words = COMMENTS[s.language ?? 'en'] ?? COMMENTS.en!;
        const comment = r.chance(band === 'low' ? 0.7 : 0.3) ? r.pick(words[band]) : undefined;
        const effort = s.kind === 'satisfaction' ? clamp(satisfaction * 1.3 + 0.8 * normal(r), 1, 7) : undefined;
        await answerSurvey(ctx, signSurveyToken(input.workspace, s.id), {
          score,
          ...(effort !== undefined ? { effort } : {}),
          ...(comment ? { comment } : {}),
        });
      }
    }
    await seedDemoExpectations(ctx.db, {
      workspaceId: input.workspace.id,
      timeZone: input.workspace.timeZone,
      seed: input.seed,
    });
  };
}

/**
 * The supervisors call the unhappy customers back, mostly within the business day: the
 * follow-up's promise is kept and its task done (a few run late, as they would).
 */
async function closeTheLoop(ctx: DeskContext, workspaceId: string, seed: number, t: number): Promise<void> {
  const open = await ctx.db
    .select({ taskId: tasks.id, caseId: tasks.caseId, assigneeId: tasks.assigneeId, createdAt: tasks.createdAt })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.kind, SURVEY_FOLLOW_UP_TASK), isNull(tasks.doneAt)));
  for (const task of open) {
    const r = DemoRandom.derive(seed, `follow-up-${task.createdAt.getTime()}`);
    if (task.createdAt.getTime() + r.between(1, 18) * 3_600_000 > t) continue;
    const [promise] = await ctx.db
      .select({ id: promises.id })
      .from(promises)
      .where(
        and(
          eq(promises.caseId, task.caseId!),
          eq(promises.kind, 'callback'),
          eq(promises.status, 'open'),
          eq(promises.ownerId, task.assigneeId),
        ),
      );
    if (promise) await keepPromise(ctx, { workspaceId, promiseId: promise.id, actorUserId: task.assigneeId });
    await completeTask(ctx.db, { workspaceId, taskId: task.taskId, actorUserId: task.assigneeId, now: ctx.now() });
  }
}

/** Management's own ratings for the last four quarters: believed superior almost everywhere (K17). */
export async function seedDemoPerception(db: Db, workspaceId: string, adminId: string, now: Date): Promise<void> {
  const teamRows = await db.select({ id: teams.id }).from(teams).where(eq(teams.workspaceId, workspaceId));
  const areas = [
    { areaKind: 'overall' as const, areaKey: '', ratings: [4, 5, 5, 5] },
    { areaKind: 'channel' as const, areaKey: 'email', ratings: [4, 4, 4, 5] },
    { areaKind: 'channel' as const, areaKey: 'portal', ratings: [5, 5, 5, 5] },
    { areaKind: 'channel' as const, areaKey: 'phone', ratings: [4, 4, 5, 4] },
    ...teamRows.map((team, i) => ({
      areaKind: 'team' as const,
      areaKey: team.id,
      ratings: [4, 4 + (i % 2), 5, 4 + ((i + 1) % 2)],
    })),
  ];
  const periods = quartersEndingWith(quarterOf(now), 4);
  for (const area of areas)
    for (const [i, period] of periods.entries())
      await recordPerceptionRating(db, {
        workspaceId,
        period,
        areaKind: area.areaKind,
        areaKey: area.areaKey,
        rating: area.ratings[i]!,
        userId: adminId,
        now,
      });
}
