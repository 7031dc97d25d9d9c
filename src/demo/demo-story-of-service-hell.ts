import type { Channel } from '../events/event-types.ts';
import type { DemoCustomer } from './demo-customers.ts';
import { DAY, HOUR, MINUTE, type DemoDesk } from './demo-desk.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoStaff } from './demo-staff.ts';

// The one customer in "service hell", modelled on K6's story: Denise's laptop shows a
// blue screen every day; over three months she makes ten phone calls and writes some thirty
// e-mails, faxes and a letter, meets nearly everyone on the team, is handed from repair to
// returns to specialists, has her case "resolved" twice without a fix, and is promised twice
// that someone will call her RIGHT BACK — nobody does. Replayed through the real operations,
// the hell detector flags her case within days, long before the tenth person; the story then
// goes on as it did in the essay, so the flag's reasons keep growing.

export const HELL_CUSTOMER: Omit<DemoCustomer, 'index'> = {
  name: 'Denise Romero',
  email: 'denise.romero@example.com',
  phone: '+1 505 555 0142',
  language: 'en',
  channel: 'email',
};

const ORDER = '48213';

/** Her e-mails between the big moments, in the order she sends them. */
const FOLLOW_UPS = [
  'I need this laptop for my work. Every day without it costs me money.',
  'Following up again: the repair status page still says "awaiting parts".',
  'I have now explained this story to five different people. Does anyone read the history?',
  'Your returns department sends me to technical support, and technical support sends me back to returns.',
  'I was promised an answer by Friday. It is Monday.',
  'I have been more than patient with your company.',
  'Is there a reference number I can use so I do not have to start from the beginning every time?',
  'I have spent more than 100 hours of my time on this. I just want a laptop that works, or my money back.',
  'Another blue screen this morning, in the middle of a client presentation.',
  'Please confirm you received my fax and my letter. Nobody has acknowledged them.',
  'I sent the laptop with your label on Monday. Please confirm it arrived.',
  'The technician did not come on the day he was booked. Nobody told me.',
  'Can someone tell me, in one sentence, what is happening with my laptop?',
  'I have been a loyal customer for nine years. This is how you treat me?',
  'Still waiting. Please reply.',
];

const CALLS = [
  'Denise called: the driver update did not help, two blue screens today.',
  'Denise called: the laptop came back from repair and still crashes.',
  'Denise called: the technician replaced the motherboard today; she asks about the warranty on the new part.',
  'Denise called asking for a replacement laptop instead of another repair.',
  'Denise called: she waited 40 minutes in the phone queue before reaching us.',
  'Denise called: she asks why everyone she talks to asks the same questions again.',
  'Denise called: the replacement laptop crashed during a video call with her client.',
  'Denise called to check whether her complaint letter arrived.',
  'Denise called: she asks for a refund if the laptop cannot be fixed this week.',
];

const STAFF_REPLIES = [
  'Hello Denise, I have asked the repair centre for a date and will let you know as soon as they answer.',
  'Hello Denise, thank you for your patience. I have added your notes to the case so nobody asks you again.',
  'Hello Denise, I am sorry for the trouble. The part has been ordered and should arrive this week.',
  'Hello Denise, I have passed your whole history to our hardware specialist, who will contact you.',
];

export const SUPERVISOR_APOLOGY =
  'Hello Denise, I am {supervisor}, the team supervisor. I am sorry nobody called you back as we promised. I have read the whole history; the repair team will call you tomorrow at 10:00 and I will be on that call myself.';

export interface ServiceHellResult {
  caseId: string | null;
}

/** Plays the story; `result.caseId` is set once her first e-mail has opened the case. */
export function playServiceHell(
  desk: DemoDesk,
  end: number,
  random: DemoRandom,
  result: ServiceHellResult,
): () => Promise<void> {
  return async () => {
    const team = desk.team;
    const customer: DemoCustomer = { ...HELL_CUSTOMER, index: -1 };
    const start = dayAt(end - 84 * DAY, 9, 12);
    let t = start;
    const at = async (ms: number) => {
      t = Math.max(t, ms);
      await desk.at(t);
    };
    const later = (minHours: number, maxHours: number) => at(t + random.between(minHours, maxHours) * HOUR);
    const day = (daysAgo: number, hour: number, minute = 0) => at(dayAt(end - daysAgo * DAY, hour, minute));

    // Phone calls are taken by whoever is free: a different person almost every time.
    const takers = ['omar', 'noa', 'anna', 'layla', 'emily', 'oleg', 'omar', 'noa', 'anna', 'layla'].map((k) =>
      team.byKey(k),
    );
    let calls = 0;
    let followUps = 0;
    let replies = 0;

    await at(start);
    const first = await desk.receive({
      customer,
      channel: 'email',
      subject: `New laptop crashes with a blue screen every day (order ${ORDER})`,
      body: `My new laptop (order ${ORDER}) shows a blue screen every day, sometimes three times. I bought it for my work and I cannot rely on it. Please help.`,
    });
    const caseId = first.caseId;
    result.caseId = caseId;
    const owner = () => desk.owner(caseId);
    const writes = (body: string, channel: Channel = 'email', loggedBy?: DemoStaff) =>
      desk.receive({ customer, caseId, channel, body, ...(loggedBy ? { loggedBy } : {}) });
    const call = async (body: string, answer?: string) => {
      const taker = takers[calls % takers.length]!;
      calls += 1;
      await writes(body, 'phone', taker);
      if (answer) {
        await at(t + 12 * MINUTE);
        await desk.reply(caseId, taker, 'phone', answer);
      }
      return taker;
    };
    const followUp = async () => writes(FOLLOW_UPS[followUps++ % FOLLOW_UPS.length]!);
    // Staff answer her within the time the acknowledgement promised — mostly (see answerTime).
    const answerLater = async (minHours: number, maxHours: number) =>
      at(await desk.answerTime(caseId, t + random.between(minHours, maxHours) * HOUR, random));
    const chase = async (daysAgo: number) => {
      await day(daysAgo, 8 + (daysAgo % 9), 25);
      await followUp();
      await answerLater(1, 5);
      await ownerReplies();
    };
    const ownerReplies = async () => {
      const who = await owner();
      await desk.reply(caseId, who, 'email', STAFF_REPLIES[replies++ % STAFF_REPLIES.length]!);
    };
    const handTo = async (key: string, reason: string) => {
      const from = await owner();
      const to = team.byKey(key);
      if (from.id !== to.id) await desk.handOff(caseId, from, to, reason);
    };
    const brokenCallback = async (taker: DemoStaff, promised: string) => {
      await at(t + 10 * MINUTE);
      await desk.reply(caseId, taker, 'phone', promised);
      await desk.promise({
        caseId,
        customerId: first.customerId,
        owner: await owner(),
        actor: taker,
        kind: 'callback',
        channel: 'phone',
        description: 'Call Denise RIGHT BACK about the blue screens',
        dueAt: new Date(t + HOUR),
      });
      // Nobody calls. At the due time the promise breaks and a supervisor is brought in.
      await at(t + 2 * HOUR);
      const supervisor = team.supervisorFor('en', random);
      const answered = await desk.answerEscalations(
        caseId,
        supervisor,
        SUPERVISOR_APOLOGY.replace('{supervisor}', supervisor.member.name),
      );
      await later(3, 6);
      await desk.closeEscalations(answered, supervisor);
    };

    // Month one: drivers, diagnostics, a repair, the first "call you RIGHT BACK".
    await answerLater(2, 4);
    const firstOwner = await owner();
    await desk.reply(
      caseId,
      firstOwner,
      'email',
      'Hello Denise, sorry about the crashes. Please update the graphics and chipset drivers from our support page and tell us if it happens again.',
    );
    await desk.setStatus(caseId, firstOwner, 'waiting_on_customer');
    await day(82, 10, 30);
    await call(CALLS[0]!, 'Walked Denise through the hardware diagnostics on the phone; she will e-mail the result.');
    await day(81, 8, 40);
    await writes('The diagnostics you asked me to run report a memory error (0x0000001A). What now?');
    await later(1, 3);
    await handTo('anna', 'Hardware fault found by diagnostics: the repair team handles this');
    await answerLater(0.5, 2);
    await desk.reply(
      caseId,
      await owner(),
      'email',
      'Please send the laptop in for repair; a prepaid shipping label is attached. Repairs take five working days.',
    );
    await desk.setStatus(caseId, await owner(), 'waiting_on_customer');
    for (const daysAgo of [79, 77]) await chase(daysAgo);
    await day(74, 10, 5);
    const second = await call(CALLS[1]!);
    await brokenCallback(second, 'Told Denise the repair team will call her RIGHT BACK.');
    await day(73, 9, 15);
    await writes('Nobody called me back yesterday. I waited by the phone all afternoon.');
    await answerLater(1, 4);
    await ownerReplies();
    await day(70, 14, 0);
    await followUp();
    await at(t + 18 * MINUTE);
    await followUp();
    await answerLater(2, 5);
    await ownerReplies();

    // Month two: faxes nobody answers, returns, a "fix", the blue screens come back.
    await day(66, 11, 20);
    await writes('Fax: copy of the repair receipt and the list of dates I have called.', 'fax', team.byKey('dmitri'));
    await day(65, 15, 0);
    await ownerReplies();
    await day(62, 10, 0);
    await handTo('emily', 'Replacement, not another repair: the returns team decides');
    await answerLater(0.5, 3);
    await desk.reply(
      caseId,
      await owner(),
      'email',
      'Hello Denise, we will replace the motherboard. A technician will contact you to set a date.',
    );
    for (const daysAgo of [60, 58, 55, 52]) {
      await day(daysAgo, 9 + (daysAgo % 5), 10);
      await followUp();
      await answerLater(1.5, 6);
      await ownerReplies();
    }
    await day(50, 16, 45);
    await call(CALLS[2]!, 'The motherboard has been replaced; the new part has its own 12-month warranty.');
    await later(0.2, 1);
    await desk.setStatus(caseId, await owner(), 'resolved');
    await day(45, 8, 5);
    await writes('The blue screens are back. This is the third time the same fault has been "fixed".');
    await answerLater(1, 4);
    await ownerReplies();
    await day(40, 13, 30);
    const fourth = await call(CALLS[3]!);
    await brokenCallback(
      fourth,
      'Told Denise that returns will call her back within the hour about a replacement laptop.',
    );
    await day(38, 9, 0);
    await handTo('layla', 'Second broken callback: she needs one person to own this from end to end');
    await answerLater(0.5, 2);
    await ownerReplies();

    // Month three: a letter, more faxes, a replacement that fails the same way.
    await chase(37);
    await day(35, 12, 0);
    await writes('Fax: a timeline of every contact since the laptop was delivered.', 'fax', team.byKey('yosef'));
    await answerLater(2, 6);
    await ownerReplies();
    await day(33, 10, 0);
    await writes(
      'Letter from Denise: a formal complaint listing six months of contacts; asks for a refund or a working laptop.',
      'letter',
      team.byKey('noa'),
    );
    await answerLater(3, 7);
    await desk.reply(
      caseId,
      await owner(),
      'letter',
      'Written reply to her letter: apologised, confirmed a replacement laptop, and that she will be kept informed at every step.',
    );
    for (const daysAgo of [31, 30, 29, 28]) {
      await day(daysAgo, 10 + (daysAgo % 4), 0);
      await followUp();
      await answerLater(1, 5);
      await ownerReplies();
    }
    await day(27, 15, 0);
    await call(CALLS[4]!, 'Apologised for the wait; confirmed the replacement laptop ships this week.');
    await chase(26);
    await day(25, 11, 0);
    await desk.reply(
      caseId,
      await owner(),
      'email',
      'Hello Denise, the replacement laptop has been shipped today. Tracking number 1Z 999 AA1 0123 4567 84.',
    );
    await later(0.1, 0.5);
    await desk.setStatus(caseId, await owner(), 'resolved');
    await day(20, 19, 40);
    await writes('The replacement laptop you sent has the same blue screen.');
    await answerLater(1, 4);
    await ownerReplies();
    await day(18, 9, 30);
    await handTo('dmitri', 'Recurring hardware fault on a replacement unit: technical specialist needed');
    await desk.note(
      caseId,
      await owner(),
      'Read the whole history. Two broken callbacks, two failed fixes. Do not promise anything we cannot do today.',
    );
    for (const [daysAgo, what] of [
      [16, 'email'],
      [15, 'email'],
      [13, 'call'],
      [12, 'email'],
      [10, 'fax'],
      [9, 'call'],
      [7, 'email'],
      [6, 'call'],
      [5, 'email'],
      [4, 'email'],
      [3, 'call'],
      [1, 'email'],
    ] as const) {
      await day(daysAgo, 9 + (daysAgo % 7), 15);
      if (what === 'call')
        await call(CALLS[5 + (calls % 4)]!, 'Listened, apologised, and promised an update by e-mail today.');
      else if (what === 'fax')
        await writes(
          'Fax: copies of the three repair reports, all saying "no fault found".',
          'fax',
          team.byKey('omar'),
        );
      else await followUp();
      await answerLater(1, 5);
      await ownerReplies();
    }
    await day(0.5, 8, 0);
    await call(CALLS[8]!);
    await answerLater(1, 3);
    await ownerReplies();

    // Today: her message asking for a supervisor is waiting — in the unanswered queue, with an
    // escalation whose deadline has not passed yet.
    await at(end - 150 * MINUTE);
    await writes(
      'This is my tenth call and something like my thirtieth e-mail in three months. I have talked to twenty different people, and two of them promised to call me RIGHT BACK and never did. I have been more than patient. I want to talk to a supervisor today.',
    );
  };
}

/** That day at hh:mm UTC. */
function dayAt(ms: number, hour: number, minute: number): number {
  const d = new Date(ms);
  d.setUTCHours(hour, minute, 0, 0);
  return d.getTime();
}
