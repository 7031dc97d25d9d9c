import { and, eq, getTableColumns, sql, type SQLWrapper } from 'drizzle-orm';
import type { SurveyPageResponse } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, events, promises, tasks, users } from '../db/schema.ts';
import { surveyOptOuts, surveyRequests } from '../db/schema-surveys.ts';
import { writeIfUnchanged } from '../db/write-together.ts';
import { KeptError } from '../errors/kept-error.ts';
import { eventRows } from '../events/append-events.ts';
import type { NewEvent } from '../events/event-types.ts';
import { caseReference } from '../kernel/case-reference.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { SURVEY_SCALES } from '../kernel/domain-words.ts';
import { loadCalendar, planComplaintMark } from '../desk/index.ts';
import { loadLinkedWorkspace, type WorkspaceRow } from '../workspaces/index.ts';
import { surveyFactsOf } from './survey-facts.ts';
import { followUpPersonOf, planSurveyFollowUp, type Person } from './survey-follow-up.ts';
import { readSurveyToken, surveySignatureValid } from './survey-link.ts';
import { tallyAnswerStatement } from './survey-tally.ts';

type SurveyRow = typeof surveyRequests.$inferSelect;

/** The survey a link names, or 401 `portal.invalid_link` (a bad signature reads like no survey). */
async function verifySurveyLink(db: Db, token: string): Promise<{ workspace: WorkspaceRow; survey: SurveyRow }> {
  const { workspace, surveyId, invalid } = await verifySignature(db, token);
  const [survey] = await db
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.workspaceId, workspace.id), eq(surveyRequests.id, surveyId)));
  if (!survey) throw invalid;
  return { workspace, survey };
}

/** The workspace a link is signed by; the survey it names is read by the caller. */
async function verifySignature(db: Db, token: string) {
  const invalid = new KeptError('portal.invalid_link', 'This survey link is not valid');
  const claim = readSurveyToken(token);
  if (!claim) throw invalid;
  const workspace = await loadLinkedWorkspace(db, claim.workspaceId, invalid);
  if (!surveySignatureValid(workspace, claim.payload, claim.signature)) throw invalid;
  return { workspace, surveyId: claim.surveyId, invalid };
}

interface PageExtras {
  caseNumber: number | null;
  optedOut: boolean;
}

/** The case's number and the opt-out, for the paths that have not read them already. */
async function readPageExtras(db: Db, workspace: WorkspaceRow, survey: SurveyRow): Promise<PageExtras> {
  const [[caseRow], [optOut]] = await Promise.all([
    survey.caseId ? db.select({ number: cases.number }).from(cases).where(eq(cases.id, survey.caseId)) : [],
    db
      .select({ at: surveyOptOuts.createdAt })
      .from(surveyOptOuts)
      .where(and(eq(surveyOptOuts.workspaceId, workspace.id), eq(surveyOptOuts.customerId, survey.customerId))),
  ]);
  return { caseNumber: caseRow?.number ?? null, optedOut: !!optOut };
}

function presentSurveyPage(workspace: WorkspaceRow, survey: SurveyRow, extras: PageExtras): SurveyPageResponse {
  return {
    workspaceName: workspace.name,
    kind: survey.kind,
    reference: survey.kind === 'satisfaction' && extras.caseNumber !== null ? caseReference(extras.caseNumber) : null,
    language: survey.language,
    askEffort: survey.askEffort,
    answered:
      survey.score !== null && survey.answeredAt
        ? {
            score: survey.score,
            effort: survey.effort,
            comment: survey.comment,
            answeredAt: survey.answeredAt.toISOString(),
          }
        : null,
    optedOut: extras.optedOut,
  };
}

export async function surveyPage(db: Db, token: string): Promise<SurveyPageResponse> {
  const { workspace, survey } = await verifySurveyLink(db, token);
  return presentSurveyPage(workspace, survey, await readPageExtras(db, workspace, survey));
}

export interface SurveyAnswerInput {
  score: number;
  effort?: number | undefined;
  comment?: string | undefined;
}

/** The scales are checked here (NPS 0–10, satisfaction 1–5, effort 1–7 only where asked), naming the field. */
function checkAnswer(survey: SurveyRow, input: SurveyAnswerInput): void {
  const scale = survey.kind === 'nps' ? SURVEY_SCALES.nps : SURVEY_SCALES.satisfaction;
  if (input.score < scale.min || input.score > scale.max)
    throw new KeptError('request.invalid', `The score must be ${scale.min}–${scale.max}`, { field: 'score' });
  if (input.effort !== undefined) {
    if (!survey.askEffort)
      throw new KeptError('request.invalid', 'This survey does not ask about effort', { field: 'effort' });
    const { min, max } = SURVEY_SCALES.effort;
    if (input.effort < min || input.effort > max)
      throw new KeptError('request.invalid', `Effort must be ${min}–${max}`, { field: 'effort' });
  }
}

/** A low score closes the loop: 1–2 of 5, or an NPS detractor (0–6). */
export function isLowScore(kind: SurveyRow['kind'], score: number): boolean {
  return kind === 'nps' ? score <= 6 : score <= 2;
}

/** At or below this a score is low for some kind (NPS 0–6), so the answer reads who could follow it up. */
const LOW_FOR_SOME_KIND = 6;

/**
 * Everything the answer decides on, in one statement read without locks (issue 15): the survey, its
 * case, the owner's team, the opt-out, and for a score that may be low the workspace's people, among
 * whom the follow-up's person is chosen. The survey's and the case's row versions (`xmin`) go with
 * them: the write happens only if neither row changed since (writeIfUnchanged), as a lock would have made sure.
 */
async function readAnswerState(db: Db, workspaceId: string, surveyId: string, score: number) {
  const surveyCase = db
    .select({ ...getTableColumns(cases), version: sql<string>`${cases}.xmin::text`.as('case_version') })
    .from(cases)
    .where(eq(cases.id, surveyRequests.caseId))
    .as('survey_case');
  const { version: caseVersion, ...caseColumns } = surveyCase._.selectedFields;
  const [found] = await db
    .select({
      survey: surveyRequests,
      surveyVersion: sql<string>`${surveyRequests}.xmin::text`,
      caseRow: caseColumns,
      caseVersion,
      ownerTeamId: sql<string | null>`(select u.team_id from ${users} u where u.id = ${surveyCase.ownerId})`,
      optedOut: sql<boolean>`exists (select 1 from ${surveyOptOuts} o
          where o.workspace_id = ${surveyRequests.workspaceId} and o.customer_id = ${surveyRequests.customerId})`,
      people:
        score <= LOW_FOR_SOME_KIND
          ? sql<Person[]>`(select coalesce(json_agg(json_build_object('id', u.id, 'role', u.role, 'teamId', u.team_id,
              'active', u.active)), '[]') from ${users} u where u.workspace_id = ${surveyRequests.workspaceId})`
          : sql<Person[] | null>`null`,
    })
    .from(surveyRequests)
    .leftJoinLateral(surveyCase, sql`true`)
    .where(and(eq(surveyRequests.workspaceId, workspaceId), eq(surveyRequests.id, surveyId)));
  return found;
}

type AnswerState = NonNullable<Awaited<ReturnType<typeof readAnswerState>>>;

/** An answer is written again when the survey or its case changed between the read and the write. */
const ATTEMPTS = 5;

/**
 * The customer's answer (no login: the signed link). Every answer is a `survey.answered` event on
 * the case's timeline; a later one revises the first (the one-click score, then a comment). A low
 * score opens the supervisor's follow-up once. Two round trips, no transaction: one read, and one
 * statement that writes everything (the follow-up's timers too) only if the survey and the case it
 * marks are still as read — otherwise it writes nothing and the answer is decided again (issue 15:
 * each step once had its own round trip, 14–15; then a locked read and a write in a transaction, 4–5).
 */
export async function answerSurvey(
  ctx: DeskContext,
  token: string,
  input: SurveyAnswerInput,
): Promise<SurveyPageResponse> {
  const { workspace, surveyId, invalid } = await verifySignature(ctx.db, token);
  for (let attempt = 1; ; attempt++) {
    const found = await readAnswerState(ctx.db, workspace.id, surveyId, input.score);
    if (!found) throw invalid;
    const page = await writeAnswer(ctx, workspace, found, input);
    if (page) return page;
    if (attempt === ATTEMPTS)
      throw new KeptError('survey.busy', 'The survey is being answered elsewhere at this moment: try again');
  }
}

/** The answer's writes, decided on what was read; null when the survey or its case changed meanwhile. */
async function writeAnswer(
  ctx: DeskContext,
  workspace: WorkspaceRow,
  found: AnswerState,
  input: SurveyAnswerInput,
): Promise<SurveyPageResponse | null> {
  const { db } = ctx;
  const now = ctx.now();
  const s = found.survey;
  const caseRow = found.caseRow ?? undefined;
  if (s.status !== 'sent' && s.status !== 'answered')
    throw new KeptError('survey.not_sent', 'This survey was not sent', { field: 'token' });
  checkAnswer(s, input);
  const comment = input.comment === undefined ? s.comment : input.comment.trim() || null;
  const effort = input.effort === undefined ? s.effort : input.effort;
  const low = isLowScore(s.kind, input.score);
  const writes: SQLWrapper[] = [];
  const guards: SQLWrapper[] = [];
  const newEvents: NewEvent[] = [];
  // K12: a satisfaction score of 1–2 makes the case a complaint (once: a later revision re-marks nothing new).
  if (caseRow && s.kind === 'satisfaction' && low && !caseRow.isComplaint) {
    const reason = `satisfaction ${input.score} of 5`;
    const mark = planComplaintMark(caseRow, { source: 'survey', reason, actorUserId: null }, now);
    if (mark.set && mark.event) {
      guards.push(
        db
          .update(cases)
          .set(mark.set)
          .where(and(eq(cases.id, caseRow.id), sql`xmin = ${found.caseVersion}::xid`))
          .returning({ id: cases.id }),
      );
      newEvents.push(mark.event);
    }
  }
  let followUpTaskId = s.followUpTaskId;
  const person = !followUpTaskId && caseRow && low ? followUpPersonOf(caseRow.ownerId, found.people ?? []) : null;
  const followUp =
    caseRow && person
      ? planSurveyFollowUp({
          workspace,
          caseRow,
          survey: s,
          score: input.score,
          now,
          person,
          calendar: await loadCalendar(db, workspace.id, person.teamId),
        })
      : null;
  if (followUp) {
    followUpTaskId = followUp.task.id;
    writes.push(db.insert(tasks).values(followUp.task), db.insert(promises).values(followUp.promise.row));
    newEvents.push(...followUp.events);
  }
  const answered = {
    status: 'answered' as const,
    score: input.score,
    effort,
    comment,
    answeredAt: now,
    followUpTaskId,
  };
  guards.push(
    db
      .update(surveyRequests)
      .set(answered)
      .where(and(eq(surveyRequests.id, s.id), sql`xmin = ${found.surveyVersion}::xid`))
      .returning({ id: surveyRequests.id }),
  );
  // The reports' tally, with the answer's other writes: a revision takes the previous score away.
  const tally = tallyAnswerStatement({
    survey: s,
    previous: s.status === 'answered' && s.score !== null ? { score: s.score, effort: s.effort } : null,
    score: input.score,
    effort,
  });
  if (tally) writes.push(tally);
  newEvents.push({
    workspaceId: workspace.id,
    caseId: s.caseId,
    customerId: s.customerId,
    actorUserId: null,
    occurredAt: now,
    type: 'survey.answered',
    data: {
      ...surveyFactsOf(s, caseRow, found.ownerTeamId),
      score: input.score,
      effort,
      comment,
      revised: s.status === 'answered',
      followUpTaskId,
    },
  });
  // One insert for the events: they keep their order on the timeline (complaint, task, promise, answer).
  writes.push(db.insert(events).values(eventRows(newEvents)));
  // The follow-up's timers ride in the same statement where the timer queue can say how (pg-boss).
  const timers = followUp?.promise.timers ?? [];
  const timerInserts = timers.length > 0 ? ctx.timers.insertStatements?.(timers) : [];
  if (timerInserts) writes.push(...timerInserts);
  if (!(await writeIfUnchanged(db, writes, guards))) return null;
  // In-memory timers (tests, tools) are told after the write.
  if (!timerInserts) for (const timer of timers) await ctx.timers.schedule(db, timer);
  return presentSurveyPage(
    workspace,
    { ...s, ...answered },
    { caseNumber: caseRow?.number ?? null, optedOut: !!found.optedOut },
  );
}

/** "No more surveys": kept per customer; every later survey is skipped as `opted_out`. */
export async function optOutOfSurveys(db: Db, token: string): Promise<SurveyPageResponse> {
  const { workspace, survey } = await verifySurveyLink(db, token);
  await db
    .insert(surveyOptOuts)
    .values({ workspaceId: workspace.id, customerId: survey.customerId })
    .onConflictDoNothing();
  return presentSurveyPage(workspace, survey, await readPageExtras(db, workspace, survey));
}
