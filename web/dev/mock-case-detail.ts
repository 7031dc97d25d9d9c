// The case detail of the mock API (the Dell story: service hell, broken callbacks, an overdue escalation).
import type { CaseDetailResponse } from '@kept/contract/api-types.ts';

import { ago, ahead } from './mock-clock.ts';
import { escalation, summary } from './mock-case-summaries.ts';

export const hell = {
  metrics: {
    contacts: 14,
    channels: 4,
    people: 6,
    handoffs: 5,
    reopenings: 2,
    totalWaitMinutes: 4321,
    brokenPromises: 2,
    unansweredMessages: 3,
    spanDays: 41,
  },
  flagged: true,
  reasons: [
    { metric: 'handoffs' as const, value: 5, threshold: 3 },
    { metric: 'brokenPromises' as const, value: 2, threshold: 1 },
  ],
};

const msg = (
  id: string,
  at: number,
  direction: 'inbound' | 'outbound',
  channel: string,
  body: string,
  author: string,
  kind: 'customer' | 'user' | 'system',
  internal = false,
) => ({
  kind: 'message' as const,
  at: ago(at),
  caseId: 'c1',
  message: {
    id,
    caseId: 'c1',
    direction,
    channel: channel as 'email',
    internal,
    body,
    language: null,
    author: { kind, id: kind === 'user' ? 'u2' : null, name: author },
    answeredAt: null,
    createdAt: ago(at),
  },
});
const ev = (
  at: number,
  eventType: string,
  data: Record<string, unknown>,
  actor: { id: string; name: string } | null = null,
) => ({
  kind: 'event' as const,
  at: ago(at),
  caseId: 'c1',
  eventType,
  data,
  actor,
});

// The Dell story's two broken callbacks, as the open escalation recorded them, and its one task.
const breachEvents = escalation('e1', 'open', true).breaches.map((b) =>
  ev(Math.round((Date.now() - Date.parse(b.brokenAt)) / 60_000), 'escalation.promise_broken', {
    ...b,
    ownerId: b.owner.id,
    escalationId: 'e1',
    deadlineAt: ago(45),
    taskId: 't2',
    assigneeId: 'u1',
  }),
);
const overdueTask = {
  id: 't2',
  caseId: 'c1',
  reference: 'K-1041',
  kind: 'escalation_overdue_at_top',
  title: '',
  assignee: { id: 'u1', name: 'Dana Admin' },
  dueAt: ahead(40),
  doneAt: null,
};

export const detail: CaseDetailResponse = {
  case: { ...summary(1), priority: 'high', isComplaint: true },
  customer: {
    id: 'k1',
    name: 'أحمد',
    email: 'ahmad@example.com',
    phone: '+971 50 123 4567',
    language: 'ar',
    createdAt: ago(90000),
  },
  timeline: [
    ev(3000, 'case.opened', { channel: 'portal', subject: 'لم يتصل بي أحد كما وُعدت' }),
    msg(
      'm1',
      3000,
      'inbound',
      'portal',
      'السلام عليكم، وعدني موظفان بالاتصال بي فورًا ولم يتصل أحد.\n<script>alert("x")</script>',
      'أحمد',
      'customer',
    ),
    ev(2999, 'acknowledgement.sent', {
      acknowledgementId: 'a1',
      messageId: 'm1',
      reference: 'K-1041',
      promisedBy: ago(2760),
      channel: 'portal',
      delivered: true,
    }),
    ev(2999, 'case.assigned', { toUserId: 'u2', reason: 'intake' }),
    msg(
      'm2',
      2500,
      'outbound',
      'portal',
      'مرحبًا أحمد، نعتذر عن التأخير. سأتصل بك اليوم قبل الساعة الثالثة.',
      'سارة',
      'user',
    ),
    ev(
      2499,
      'promise.made',
      { promiseId: 'p1', kind: 'callback', dueAt: ago(2300), channel: 'phone', ownerId: 'u2' },
      { id: 'u2', name: 'سارة' },
    ),
    ev(2300, 'promise.broken', { promiseId: 'p1' }),
    msg('m3', 2000, 'inbound', 'voicemail', 'Voicemail: customer called again, nobody picked up.', 'سارة', 'user'),
    msg(
      'm4',
      1990,
      'outbound',
      'portal',
      'Customer is angry, second broken callback. Please be careful.',
      'سارة',
      'user',
      true,
    ),
    ev(
      1900,
      'case.handed_off',
      { fromUserId: 'u2', toUserId: 'u1', reason: 'Needs billing access' },
      { id: 'u2', name: 'سارة' },
    ),
    ev(1800, 'escalation.opened', { escalationId: 'e1', via: 'portal', deadlineAt: ago(45), level: 1 }),
    ev(1700, 'hell.flagged', { reasons: hell.reasons }),
    ev(1600, 'case.status_changed', { from: 'new', to: 'open' }, { id: 'u1', name: 'Dana Admin' }),
    ev(1500, 'task.created', { taskId: 't1', kind: 'follow_up_contact', dueAt: ahead(100), assigneeId: 'u1' }),
    ...breachEvents,
    ev(20, 'escalation.overdue_at_top', {
      escalationId: 'e1',
      level: 2,
      taskId: 't2',
      assigneeId: 'u1',
      remindAt: ahead(40),
    }),
  ],
  promises: [
    {
      id: 'p1',
      caseId: 'c1',
      reference: 'K-1041',
      kind: 'callback',
      channel: 'phone',
      description: 'Call back before 15:00',
      owner: { id: 'u2', name: 'سارة' },
      dueAt: ago(2300),
      status: 'broken',
      createdAt: ago(2499),
      resolvedAt: ago(2300),
    },
    {
      id: 'p2',
      caseId: 'c1',
      reference: 'K-1041',
      kind: 'refund',
      channel: 'email',
      description: 'Refund of 120 AED by Friday',
      owner: { id: 'u1', name: 'Dana Admin' },
      dueAt: ahead(3000),
      status: 'open',
      createdAt: ago(100),
      resolvedAt: null,
    },
  ],
  escalations: [escalation('e1', 'open', true)],
  tasks: [
    {
      id: 't1',
      caseId: 'c1',
      reference: 'K-1041',
      kind: 'follow_up_contact',
      title: 'Answer the voicemail',
      assignee: { id: 'u1', name: 'Dana Admin' },
      dueAt: ahead(100),
      doneAt: null,
    },
    { ...overdueTask, escalationLevel: 2 },
  ],
  hell,
  respect: { firstResponseMinutes: 500, totalWaitMinutes: 4321, transfers: 3 },
  allowedTransitions: ['waiting_on_customer', 'resolved'],
  supervisorSuspicion: null,
};
