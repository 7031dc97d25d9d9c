import { describe, expect, it } from 'vitest';
import { threadEmail, type ThreadCase, type ThreadInput, type ThreadLookup } from './thread-email.ts';

const now = new Date('2026-03-10T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

const cases: ThreadCase[] = [
  {
    id: 'c-ann',
    number: 1042,
    customerEmail: 'ann@example.com',
    status: 'open',
    subject: 'Broken kettle',
    lastActivityAt: daysAgo(1),
  },
  {
    id: 'c-bob',
    number: 1043,
    customerEmail: 'bob@example.com',
    status: 'open',
    subject: 'Refund',
    lastActivityAt: daysAgo(2),
  },
  {
    id: 'c-ann-old',
    number: 900,
    customerEmail: 'ann@example.com',
    status: 'open',
    subject: 'Lost parcel',
    lastActivityAt: daysAgo(30),
  },
  {
    id: 'c-ann-closed',
    number: 901,
    customerEmail: 'ann@example.com',
    status: 'closed',
    subject: 'Invoice copy',
    lastActivityAt: daysAgo(1),
  },
];
const ids = new Map([
  ['m1@mail.example.com', 'c-ann'],
  ['out-1@kept.test', 'c-ann'],
  ['m2@mail.example.com', 'c-bob'],
]);
const lookup: ThreadLookup = {
  casesByMessageIds: async (list) => new Map(list.filter((i) => ids.has(i)).map((i) => [i, ids.get(i)!])),
  caseById: async (id) => cases.find((c) => c.id === id) ?? null,
  caseByNumber: async (n) => cases.find((c) => c.number === n) ?? null,
  openCasesOfSender: async (email) => cases.filter((c) => c.customerEmail === email && c.status !== 'closed'),
};
const mail = (over: Partial<ThreadInput>): ThreadInput => ({
  fromAddress: 'ann@example.com',
  subject: 'Hello',
  inReplyTo: [],
  references: [],
  recipients: ['support@acme.test'],
  receivedAt: now,
  ...over,
});

describe('threadEmail', () => {
  it('threads by In-Reply-To, then by References', async () => {
    expect(await threadEmail(mail({ inReplyTo: ['out-1@kept.test'] }), lookup)).toMatchObject({
      caseId: 'c-ann',
      threadedBy: 'in_reply_to',
    });
    expect(await threadEmail(mail({ references: ['zzz@x', 'm1@mail.example.com'] }), lookup)).toMatchObject({
      caseId: 'c-ann',
      threadedBy: 'references',
    });
  });
  it('joins the case a reply processed first claimed for this message, only when the sender is its customer', async () => {
    expect(await threadEmail(mail({ subject: 'Kettle', claimedCaseId: 'c-ann' }), lookup)).toMatchObject({
      caseId: 'c-ann',
      threadedBy: 'earlier_reply',
    });
    // The message's own headers name its own parent first.
    expect(
      await threadEmail(mail({ inReplyTo: ['m1@mail.example.com'], claimedCaseId: 'c-ann-old' }), lookup),
    ).toMatchObject({ caseId: 'c-ann', threadedBy: 'in_reply_to' });
    expect(await threadEmail(mail({ fromAddress: 'eve@example.com', claimedCaseId: 'c-ann' }), lookup)).toMatchObject({
      caseId: null,
      relatedCaseId: 'c-ann',
      relatedBy: 'earlier_reply',
    });
  });
  it('threads by a subject reference and by the reply-to plus-address', async () => {
    expect(await threadEmail(mail({ subject: 'Re: [#K-1042] Broken kettle' }), lookup)).toMatchObject({
      caseId: 'c-ann',
      threadedBy: 'subject_reference',
    });
    expect(
      await threadEmail(mail({ subject: 'no token', recipients: ['support+k1042@acme.test'] }), lookup),
    ).toMatchObject({
      caseId: 'c-ann',
      threadedBy: 'reply_address',
    });
  });
  it('falls back to the same sender and subject within the window, on open cases only', async () => {
    expect(await threadEmail(mail({ subject: 'RE: broken  KETTLE' }), lookup)).toMatchObject({
      caseId: 'c-ann',
      threadedBy: 'subject_match',
    });
    expect((await threadEmail(mail({ subject: 'Re: Lost parcel' }), lookup)).caseId).toBeNull();
    expect((await threadEmail(mail({ subject: 'Re: Invoice copy' }), lookup)).caseId).toBeNull();
    expect((await threadEmail(mail({ subject: 'Fwd: Broken kettle' }), lookup)).caseId).toBeNull();
  });
  it('never threads a stranger into someone else’s case, but links it', async () => {
    const stranger = await threadEmail(
      mail({
        fromAddress: 'eve@evil.test',
        inReplyTo: ['m1@mail.example.com'],
        subject: 'Re: [#K-1042] Broken kettle',
      }),
      lookup,
    );
    expect(stranger).toEqual({ caseId: null, threadedBy: null, relatedCaseId: 'c-ann', relatedBy: 'in_reply_to' });
    const otherAddress = await threadEmail(
      mail({ fromAddress: 'ann.lee@work.example', subject: 'Re: K-1042' }),
      lookup,
    );
    expect(otherAddress).toMatchObject({ caseId: null, relatedCaseId: 'c-ann', relatedBy: 'subject_reference' });
    const forwardedByBob = await threadEmail(
      mail({ fromAddress: 'bob@example.com', subject: 'Fwd: [#K-1042] Broken kettle' }),
      lookup,
    );
    expect(forwardedByBob).toMatchObject({ caseId: null, relatedCaseId: 'c-ann' });
  });
  it('prefers the sender’s own case when headers point at several', async () => {
    const d = await threadEmail(
      mail({ fromAddress: 'bob@example.com', references: ['m2@mail.example.com', 'm1@mail.example.com'] }),
      lookup,
    );
    expect(d).toMatchObject({ caseId: 'c-bob', threadedBy: 'references' });
  });
  it('does not use the subject fallback when a pointer named another customer’s case', async () => {
    const d = await threadEmail(mail({ subject: 'Re: Broken kettle', inReplyTo: ['m2@mail.example.com'] }), lookup);
    expect(d).toMatchObject({ caseId: null, relatedCaseId: 'c-bob' });
  });
});
