import type { Channel } from '../events/event-types.ts';
import type { ComplaintKind } from '../kernel/domain-words.ts';
import { DAY, HOUR, MINUTE, type DemoDesk } from './demo-desk.ts';
import {
  clockTime,
  CUSTOMER_LINES,
  dayName,
  fill,
  HANDOFF_REASONS,
  LOGGED_CONTACTS,
  NOTES,
  STAFF_LINES,
  TOPICS,
} from './demo-messages.ts';
import type { DemoRandom } from './demo-random.ts';
import type { SeedSentences } from './demo-seed-sentences.ts';
import { firstMessage, replyChannel, type CasePlan } from './demo-scenarios.ts';
import { writtenName, type DemoStaff } from './demo-staff.ts';

// One case of one customer, from first contact to where it stands today. The scenario decides
// the path (and so the case's state at the end of the replay); the random generator decides
// the details — topic, delays, words — so the same seed always tells the same story.

export async function playCase(desk: DemoDesk, plan: CasePlan, sentences: SeedSentences): Promise<void> {
  const { customer, scenario, random: r } = plan;
  const lang = customer.language;
  let t = plan.start;
  const wait = async (minHours: number, maxHours: number) => {
    t += r.between(minHours, maxHours) * HOUR;
    await desk.at(t);
  };
  const before = (ms: number) => ms <= plan.end;

  const topic =
    scenario === 'refund_renegotiated' || scenario === 'refund_open'
      ? TOPICS[r.pick([1, 7])]!
      : scenario === 'visit_kept_early'
        ? TOPICS[6]!
        : r.pick(TOPICS);
  const values = { name: customer.name, order: String(r.int(40_000, 99_999)), amount: `$${r.int(39, 899)}` };
  const channel = plan.channel;
  const answerOn = replyChannel(channel);
  const say = (key: keyof typeof STAFF_LINES, who: DemoStaff, extra: Record<string, string> = {}) =>
    fill(STAFF_LINES[key][lang], { ...values, agent: writtenName(who, lang, true), ...extra });
  const customerSays = (key: keyof typeof CUSTOMER_LINES) => fill(CUSTOMER_LINES[key][lang], values);

  // First contact: written by the customer, or logged by the agent who took the call / opened the post.
  await desk.at(t);
  const loggedChannel = channel === 'phone' || channel === 'voicemail' || channel === 'letter' || channel === 'fax';
  const logger = loggedChannel ? r.pick(desk.team.agents(lang)) : undefined;
  const first =
    channel === 'voicemail' || channel === 'letter' || channel === 'fax'
      ? { subject: fill(topic.subject[lang], values), body: fill(LOGGED_CONTACTS[channel][lang], values) }
      : firstMessage(r, lang, topic, values, sentences);
  const opened = await desk.receive({
    customer,
    channel,
    subject: first.subject,
    body: first.body,
    ...(logger ? { loggedBy: logger } : {}),
  });
  const { caseId, customerId } = opened;
  const owner = () => desk.owner(caseId);
  // A complaint found in the first message is classified by its owner from what it is about.
  await desk.classifyComplaint(
    caseId,
    await owner(),
    COMPLAINT_KIND_OF_TOPIC[TOPICS.indexOf(topic)] ?? 'other',
    first.subject,
  );
  // Before answering a waiting customer: the story's delay, kept inside the promised time.
  const answerAfter = async (minHours: number, maxHours: number) => {
    t = await desk.answerTime(caseId, t + r.between(minHours, maxHours) * HOUR, r);
    await desk.at(t);
  };
  const customerWrites = (body: string, on: Channel = channel === 'phone' ? 'email' : channel) =>
    desk.receive({ customer, caseId, channel: on, body });
  const resolveAndMaybeClose = async (who: DemoStaff) => {
    await wait(0.05, 0.4);
    await desk.setStatus(caseId, who, 'resolved');
    const closeAt = t + r.between(2, 7) * DAY;
    if (before(closeAt)) {
      t = closeAt;
      await desk.at(t);
      await desk.setStatus(caseId, who, 'closed');
    }
  };

  switch (scenario) {
    case 'solved':
    case 'resolved_recent': {
      await answerAfter(0.3, 5);
      let agent = await owner();
      if (r.chance(0.45)) {
        await desk.reply(caseId, agent, answerOn, say('ask_details', agent));
        await desk.setStatus(caseId, agent, 'waiting_on_customer');
        await wait(3, 40);
        await customerWrites(customerSays('details'));
        await answerAfter(0.3, 5);
        agent = await owner();
      } else if (r.chance(0.4)) {
        await desk.note(caseId, agent, r.pick(NOTES));
        await answerAfter(0.1, 1);
      }
      await desk.reply(caseId, agent, answerOn, say('resolved', agent));
      await resolveAndMaybeClose(agent);
      return;
    }
    case 'waiting_on_customer': {
      await answerAfter(0.3, 5);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('ask_details', agent));
      await desk.setStatus(caseId, agent, 'waiting_on_customer');
      return;
    }
    case 'open_active': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('first_reply', agent));
      await wait(0.5, 3);
      await desk.note(caseId, agent, r.pick(NOTES));
      await wait(30, 50);
      await customerWrites(customerSays('nudge'));
      await answerAfter(0.5, 5);
      await desk.reply(caseId, await owner(), answerOn, say('update', await owner()));
      return;
    }
    case 'new_unanswered':
      return;
    case 'open_unanswered': {
      await answerAfter(0.3, 5);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('ask_details', agent));
      await desk.setStatus(caseId, agent, 'waiting_on_customer');
      t = plan.end - r.between(0.3, 3.2) * HOUR;
      await desk.at(t);
      await customerWrites(customerSays('details'));
      return;
    }
    case 'reopened_closed':
    case 'reopened_open': {
      await answerAfter(0.3, 5);
      let agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('resolved', agent));
      await wait(0.05, 0.5);
      await desk.setStatus(caseId, agent, 'resolved');
      await wait(24, 60);
      await customerWrites(customerSays('broken_again'));
      await answerAfter(0.3, 5);
      agent = await owner();
      await desk.note(
        caseId,
        agent,
        'Reopened: the same fault came back after our fix. Sending a replacement instead of another repair.',
      );
      await desk.reply(caseId, agent, answerOn, say('update', agent));
      if (scenario === 'reopened_closed') {
        await wait(24, 72);
        await desk.reply(caseId, agent, answerOn, say('resolved', agent));
        await resolveAndMaybeClose(agent);
      }
      return;
    }
    case 'handoff': {
      await wait(0.2, 2);
      const from = await owner();
      await desk.note(caseId, from, r.pick(NOTES));
      const others = desk.team.agents(lang).filter((a) => a.id !== from.id);
      const to = others.length > 0 ? r.pick(others) : desk.team.supervisorFor(lang, r);
      await wait(0.05, 0.5);
      await desk.handOff(caseId, from, to, handoffReason(r, TOPICS.indexOf(topic)));
      await answerAfter(0.3, 3);
      await desk.reply(caseId, to, answerOn, say('first_reply', to));
      await wait(20, 60);
      await desk.reply(caseId, to, answerOn, say('resolved', to));
      await resolveAndMaybeClose(to);
      return;
    }
    case 'callback_kept':
    case 'callback_broken': {
      // The agent who took the call tells the customer what happens next, and the callback
      // becomes a promise owned by the case's owner.
      await wait(0.05, 0.2);
      const taker = logger!;
      const due = roundToQuarter(t + r.between(2, 20) * HOUR);
      await desk.reply(caseId, taker, 'phone', say('call_logged', taker, { time: clockTime(new Date(due)) }));
      const agent = await owner();
      const promise = await desk.promise({
        caseId,
        customerId,
        owner: agent,
        actor: taker,
        kind: 'callback',
        channel: 'phone',
        description: `Call ${customer.name} back about ${fill(topic.subject.en, values)}`,
        dueAt: new Date(due),
      });
      if (scenario === 'callback_kept') {
        t = due - r.between(0.1, 1.5) * HOUR;
        await desk.at(t);
        await desk.reply(
          caseId,
          agent,
          'phone',
          say('callback_done', agent, { day: dayName(new Date(t + 2 * DAY), lang) }),
        );
        await desk.keep(promise.id, caseId, agent);
        await resolveAndMaybeClose(agent);
      } else {
        // Nobody calls. The promise breaks at its due time and a supervisor is brought in
        // (the on-duty supervisor answers); the owner calls the next morning.
        t = due + r.between(14, 20) * HOUR;
        await desk.at(t);
        const late = await owner();
        await desk.reply(
          caseId,
          late,
          'phone',
          say('callback_done', late, { day: dayName(new Date(t + 2 * DAY), lang) }),
        );
        await desk.note(caseId, late, 'Missed the callback yesterday — apologised to the customer.');
        await resolveAndMaybeClose(late);
      }
      return;
    }
    case 'refund_renegotiated':
    case 'refund_open': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      const due = endOfDay(t + r.between(scenario === 'refund_open' ? 2.5 : 2, 4) * DAY);
      await desk.reply(caseId, agent, answerOn, say('refund_promise', agent, { day: dayName(new Date(due), lang) }));
      const promise = await desk.promise({
        caseId,
        customerId,
        owner: agent,
        actor: agent,
        kind: 'refund',
        channel: answerOn,
        description: `Refund ${values.amount} for order ${values.order}`,
        dueAt: new Date(due),
      });
      if (scenario === 'refund_open') return;
      t = due - r.between(4, 20) * HOUR;
      await desk.at(t);
      const moved = endOfDay(due + 2 * DAY);
      const next = await desk.renegotiate(
        promise.id,
        agent,
        new Date(moved),
        say('refund_moved', agent, { day: dayName(new Date(moved), lang) }),
      );
      t = moved - r.between(3, 30) * HOUR;
      await desk.at(t);
      await desk.reply(caseId, agent, answerOn, say('refund_sent', agent));
      await desk.keep(next.id, caseId, agent);
      await resolveAndMaybeClose(agent);
      return;
    }
    case 'escalation_message_closed':
    case 'escalation_message_answered': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('first_reply', agent));
      await wait(40, 60);
      await customerWrites(customerSays('nudge'));
      await answerAfter(0.5, 5);
      await desk.reply(caseId, await owner(), answerOn, say('update', await owner()));
      await wait(20, 30);
      await customerWrites(customerSays('supervisor'));
      await answerAfter(0.4, 2);
      const lead = desk.team.supervisorFor(lang, r);
      const answered = await desk.answerEscalations(caseId, lead, desk.supervisorAnswer(lang, customer.name, lead));
      if (scenario === 'escalation_message_answered') return;
      await wait(1, 6);
      await desk.closeEscalations(answered, lead);
      await wait(20, 40);
      await desk.reply(caseId, await owner(), answerOn, say('resolved', await owner()));
      await resolveAndMaybeClose(await owner());
      return;
    }
    case 'supervisor_suspected': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('first_reply', agent));
      t = plan.end - r.between(0.3, 2.4) * HOUR;
      await desk.at(t);
      await customerWrites(customerSays('maybe_supervisor'));
      return;
    }
    case 'escalation_portal_open': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('first_reply', agent));
      t = plan.end - r.between(0.3, 2.4) * HOUR;
      await desk.at(t);
      await customerWrites(customerSays('nudge'));
      await wait(0.02, 0.1);
      await desk.supervisorButton(caseId, customerId); // pressed without a word: the screen names the portal
      return;
    }
    case 'escalation_portal_closed': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      await desk.reply(caseId, agent, answerOn, say('first_reply', agent));
      await wait(24, 48);
      await desk.supervisorButton(caseId, customerId); // pressed without a word: the screen names the portal
      await wait(0.3, 2);
      const lead = desk.team.supervisorFor(lang, r);
      const answered = await desk.answerEscalations(caseId, lead, desk.supervisorAnswer(lang, customer.name, lead));
      await wait(1, 5);
      await desk.closeEscalations(answered, lead);
      await wait(20, 40);
      await desk.reply(caseId, await owner(), answerOn, say('resolved', await owner()));
      await resolveAndMaybeClose(await owner());
      return;
    }
    case 'logged_contact': {
      await answerAfter(0.5, 6);
      const agent = await owner();
      const text =
        channel === 'letter'
          ? say('written_answer', agent)
          : say('callback_done', agent, { day: dayName(new Date(t + 2 * DAY), lang) });
      await desk.reply(caseId, agent, answerOn, text);
      await resolveAndMaybeClose(agent);
      return;
    }
    case 'visit_kept_early': {
      await answerAfter(0.3, 4);
      const agent = await owner();
      const due = endOfDay(t + r.between(3, 5) * DAY);
      await desk.reply(caseId, agent, answerOn, say('visit_promise', agent, { day: dayName(new Date(due), lang) }));
      const promise = await desk.promise({
        caseId,
        customerId,
        owner: agent,
        actor: agent,
        kind: 'other',
        channel: answerOn,
        description: `Technician visit for order ${values.order}`,
        dueAt: new Date(due),
      });
      t = due - r.between(1.2, 2.5) * DAY;
      await desk.at(t);
      await desk.reply(caseId, agent, answerOn, say('visit_done', agent));
      await desk.keep(promise.id, caseId, agent);
      await resolveAndMaybeClose(agent);
      return;
    }
  }
}

/** What a complaint about each topic (TOPICS, in order) is about. */
const COMPLAINT_KIND_OF_TOPIC: readonly ComplaintKind[] = [
  'delivery',
  'billing',
  'product',
  'product',
  'waiting',
  'delivery',
  'broken_promise',
  'billing',
  'other',
  'billing',
];

/** A reason that fits the topic: billing for money, the repair process for faults, the field team for visits. */
function handoffReason(r: DemoRandom, topicIndex: number): string {
  const [billing, hardware, field, leave, language] = HANDOFF_REASONS as [string, string, string, string, string];
  if (topicIndex === 1 || topicIndex === 7 || topicIndex === 9) return r.pick([billing, leave]);
  if (topicIndex >= 2 && topicIndex <= 4) return r.pick([hardware, leave]);
  if (topicIndex === 6) return field;
  return r.pick([leave, language]);
}

function roundToQuarter(ms: number): number {
  const q = 15 * MINUTE;
  return Math.ceil(ms / q) * q;
}

/** 17:00 UTC of that day: when a "by Friday" promise falls due. */
function endOfDay(ms: number): number {
  const d = new Date(ms);
  d.setUTCHours(17, 0, 0, 0);
  return d.getTime() > ms ? d.getTime() : d.getTime() + DAY;
}
