import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { PromiseKind, WorkspaceSettings } from '../contract/api-types.ts';
import {
  addInternalNote,
  answerEscalation,
  canTransition,
  changeCaseStatus,
  closeEscalation,
  completeTask,
  handOffCase,
  keepPromise,
  makePromise,
  markComplaint,
  openEscalation,
  receiveCustomerMessage,
  renegotiatePromise,
  sendAnswer,
} from '../desk/index.ts';
import type { CaseStatus, ComplaintKind } from '../kernel/domain-words.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, escalations, promises, tasks } from '../db/schema.ts';
import type { Channel } from '../events/event-types.ts';
import type { TimerRequest } from '../kernel/desk-context.ts';
import { TIMER } from '../kernel/job-names.ts';
import type { DemoClock } from './demo-clock.ts';
import type { DemoCustomer } from './demo-customers.ts';
import { dayName, fill, STAFF_LINES, type DemoLanguage } from './demo-messages.ts';
import { DemoRandom } from './demo-random.ts';
import { writtenName, type DemoStaff, type DemoTeam } from './demo-staff.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The desk as the demo's stories use it: each method is one real domain operation (or a
 * read to find out what the operations did), run at the simulated clock's time.
 */
export class DemoDesk {
  /** Escalations answered by the on-duty supervisor rather than by the story that caused them. */
  watcherAnswers = 0;
  private watchSeq = 0;

  constructor(
    readonly clock: DemoClock,
    readonly workspaceId: string,
    readonly team: DemoTeam,
    readonly settings: WorkspaceSettings,
    readonly seed: number,
  ) {
    clock.onSchedule = (timer) => this.watchEscalation(timer);
  }

  get db(): Db {
    return this.clock.ctx.db;
  }

  now(): Date {
    return this.clock.now();
  }

  at(ms: number): Promise<void> {
    return this.clock.sleepUntil(new Date(ms));
  }

  async receive(input: {
    customer: DemoCustomer;
    caseId?: string;
    channel: Channel;
    subject?: string;
    body: string;
    loggedBy?: DemoStaff;
  }) {
    const { customer } = input;
    const result = await receiveCustomerMessage(this.clock.ctx, {
      workspaceId: this.workspaceId,
      ...(input.caseId ? { caseId: input.caseId } : {}),
      customer: { name: customer.name, email: customer.email, phone: customer.phone, language: customer.language },
      channel: input.channel,
      ...(input.subject ? { subject: input.subject } : {}),
      body: input.body,
      loggedByUserId: input.loggedBy?.id ?? null,
    });
    return { caseId: result.caseRow.id, customerId: result.customer.id, escalation: result.escalation };
  }

  async owner(caseId: string): Promise<DemoStaff> {
    const [row] = await this.db.select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, caseId));
    return this.team.byId(row!.ownerId!);
  }

  /**
   * When an agent answers a waiting customer: at the time the story proposes, unless that
   * would break the first-answer promise the acknowledgement gave (its time is quoted from
   * the team's measured capability, so it moves as the history grows). Then, most of the
   * time, the reminder half an hour before brings the owner back in time; sometimes not.
   */
  async answerTime(caseId: string, proposed: number, random: DemoRandom, inTimeChance = 0.97): Promise<number> {
    const [open] = await this.db
      .select({ dueAt: promises.dueAt })
      .from(promises)
      .where(and(eq(promises.caseId, caseId), eq(promises.kind, 'first_response'), eq(promises.status, 'open')))
      .orderBy(asc(promises.dueAt))
      .limit(1);
    if (!open) return proposed;
    const due = open.dueAt.getTime();
    if (proposed < due - 5 * MINUTE || !random.chance(inTimeChance)) return proposed;
    return Math.max(this.now().getTime() + MINUTE, due - random.between(5, 25) * MINUTE);
  }

  /** An answer to the customer; the author then ticks off the reminder that brought them back, if any. */
  async reply(caseId: string, author: DemoStaff, channel: Channel, body: string) {
    const message = await sendAnswer(this.clock.ctx, {
      workspaceId: this.workspaceId,
      caseId,
      authorUserId: author.id,
      channel,
      body,
    });
    await this.completeTasks(caseId, author, ['promise_first_response']);
    return message;
  }

  async note(caseId: string, author: DemoStaff, body: string) {
    return addInternalNote(this.clock.ctx, { workspaceId: this.workspaceId, caseId, authorUserId: author.id, body });
  }

  async handOff(caseId: string, from: DemoStaff, to: DemoStaff, reason: string) {
    await handOffCase(this.clock.ctx, {
      workspaceId: this.workspaceId,
      caseId,
      actorUserId: from.id,
      toUserId: to.id,
      reason,
    });
  }

  /**
   * Moves the case if the transition table allows it and no supervisor request is waiting
   * (the operation refuses both); returns whether it moved.
   */
  /** The owner says what a complaint the desk found is about, as agents do when they first read it (K12). */
  async classifyComplaint(caseId: string, actor: DemoStaff, kind: ComplaintKind, reason: string): Promise<void> {
    const [row] = await this.db
      .select({ isComplaint: cases.isComplaint, kind: cases.complaintKind })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!row?.isComplaint || row.kind !== 'unspecified') return;
    await markComplaint(this.clock.ctx, {
      workspaceId: this.workspaceId,
      caseId,
      source: 'agent',
      kind,
      reason,
      actorUserId: actor.id,
    });
  }

  async setStatus(caseId: string, actor: DemoStaff, to: Exclude<CaseStatus, 'new'>): Promise<boolean> {
    const [row] = await this.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    if (!row || row.status === to || !canTransition(row.status, to)) return false;
    if ((to === 'resolved' || to === 'closed') && (await this.openEscalationIds(caseId)).length > 0) return false;
    await changeCaseStatus(this.clock.ctx, { workspaceId: this.workspaceId, caseId, actorUserId: actor.id, to });
    return true;
  }

  async promise(input: {
    caseId: string;
    customerId: string;
    owner: DemoStaff;
    actor: DemoStaff;
    kind: PromiseKind;
    channel: Channel;
    description: string;
    dueAt: Date;
  }) {
    return this.db.transaction((tx) =>
      makePromise(
        { ...this.clock.ctx, db: tx as unknown as Db },
        {
          workspaceId: this.workspaceId,
          caseId: input.caseId,
          customerId: input.customerId,
          ownerId: input.owner.id,
          kind: input.kind,
          channel: input.channel,
          description: input.description,
          dueAt: input.dueAt,
          actorUserId: input.actor.id,
          reminderMinutes: this.settings.promiseReminderMinutes,
        },
      ),
    );
  }

  /** Keeps the promise, and ticks off the reminder task the owner got for it. */
  async keep(promiseId: string, caseId: string, actor: DemoStaff) {
    await keepPromise(this.clock.ctx, { workspaceId: this.workspaceId, promiseId, actorUserId: actor.id });
    await this.completeTasks(caseId, actor);
  }

  async renegotiate(promiseId: string, actor: DemoStaff, dueAt: Date, messageToCustomer: string) {
    return renegotiatePromise(this.clock.ctx, {
      workspaceId: this.workspaceId,
      promiseId,
      actorUserId: actor.id,
      dueAt,
      messageToCustomer,
    });
  }

  /** The portal's "I want to talk to a supervisor" button, as the portal route does it (the reason is the customer's own words, if any). */
  async supervisorButton(caseId: string, customerId: string, reason = '') {
    return this.db.transaction((tx) =>
      openEscalation(
        { ...this.clock.ctx, db: tx as unknown as Db },
        {
          workspaceId: this.workspaceId,
          caseId,
          customerId,
          via: 'portal',
          reason,
          actorUserId: null,
          deadlineMinutes: this.settings.escalationDeadlineMinutes,
        },
      ),
    );
  }

  async openEscalationIds(caseId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: escalations.id })
      .from(escalations)
      .where(and(eq(escalations.caseId, caseId), eq(escalations.status, 'open')));
    return rows.map((r) => r.id);
  }

  /** A supervisor answers every escalation waiting on the case; returns the ones answered. */
  async answerEscalations(caseId: string, supervisor: DemoStaff, body: string): Promise<string[]> {
    const ids = await this.openEscalationIds(caseId);
    for (const escalationId of ids) {
      await answerEscalation(this.clock.ctx, {
        workspaceId: this.workspaceId,
        escalationId,
        supervisorId: supervisor.id,
        supervisorRole: supervisor.member.role,
        body,
      });
    }
    if (ids.length > 0) await this.completeTasks(caseId, supervisor);
    return ids;
  }

  async closeEscalations(ids: string[], supervisor: DemoStaff) {
    for (const escalationId of ids) {
      const [row] = await this.db
        .select({ status: escalations.status })
        .from(escalations)
        .where(eq(escalations.id, escalationId));
      if (row?.status !== 'answered') continue;
      await closeEscalation(this.clock.ctx, {
        workspaceId: this.workspaceId,
        escalationId,
        actorUserId: supervisor.id,
        actorRole: supervisor.member.role,
      });
    }
  }

  /** The actor ticks off their own open reminder and overdue-escalation tasks on the case. */
  async completeTasks(
    caseId: string,
    actor: DemoStaff,
    kinds: string[] = [
      'promise_first_response',
      'promise_callback',
      'promise_refund',
      'promise_other',
      'promise_delivery',
      'promise_resolution',
      'escalation_overdue',
    ],
  ) {
    const open = await this.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(eq(tasks.caseId, caseId), eq(tasks.assigneeId, actor.id), isNull(tasks.doneAt), inArray(tasks.kind, kinds)),
      );
    for (const task of open) {
      await completeTask(this.db, {
        workspaceId: this.workspaceId,
        taskId: task.id,
        actorUserId: actor.id,
        now: this.now(),
      });
    }
  }

  /** The supervisor's answer, in the case's language, signed by that supervisor. */
  supervisorAnswer(language: DemoLanguage, customerName: string, supervisor: DemoStaff): string {
    return fill(STAFF_LINES.supervisor_answer[language], {
      name: customerName,
      agent: writtenName(supervisor, language),
      day: dayName(new Date(this.now().getTime() + 2 * DAY), language),
    });
  }

  /**
   * The on-duty supervisor: an escalation no story took care of (a broken promise, the hell
   * detector) is answered an hour before its deadline and closed a little later, as a
   * supervisor watching the escalations screen would. Steps past the end of the replay never
   * run, so escalations opened in the last hours stay open for the demo's users.
   */
  private watchEscalation(timer: TimerRequest): void {
    if (timer.name !== TIMER.escalationDeadline) return;
    const escalationId = String(timer.payload.escalationId);
    const lead = Number(timer.payload.level) > 1 ? 15 * MINUTE : HOUR;
    const random = DemoRandom.derive(this.seed, `watch-${this.watchSeq++}`);
    this.clock.later(new Date(timer.startAfter.getTime() - lead), async () => {
      const [row] = await this.db
        .select({
          status: escalations.status,
          caseId: escalations.caseId,
          language: cases.language,
          name: customers.name,
        })
        .from(escalations)
        .innerJoin(cases, eq(cases.id, escalations.caseId))
        .innerJoin(customers, eq(customers.id, cases.customerId))
        .where(eq(escalations.id, escalationId));
      if (row?.status !== 'open') return;
      const language = (['en', 'ar', 'he', 'ru'].includes(row.language ?? '') ? row.language : 'en') as DemoLanguage;
      const supervisor = this.team.supervisorFor(language, random);
      const answered = await this.answerEscalations(
        row.caseId,
        supervisor,
        this.supervisorAnswer(language, row.name, supervisor),
      );
      this.watcherAnswers += answered.length;
      this.clock.later(new Date(this.now().getTime() + random.between(1, 5) * HOUR), () =>
        this.closeEscalations(answered, supervisor),
      );
    });
  }
}
