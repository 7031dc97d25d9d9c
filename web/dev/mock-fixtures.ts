import type { CaseDetailResponse, CaseSummary, EscalationView, UserView } from '@kept/contract/api-types.ts';

import { ago, ahead } from './mock-clock.ts';
import { metrics, portalCase, reach } from './mock-service.ts';

const users: UserView[] = [
  {
    id: 'u1',
    name: 'Dana Admin',
    email: 'dana@example.com',
    role: 'admin',
    languages: ['en', 'he'],
    teamId: null,
    capacity: 10,
    active: true,
    openCases: 3,
  },
  {
    id: 'u2',
    name: 'سارة',
    email: 'sara@example.com',
    role: 'agent',
    languages: ['ar', 'en'],
    teamId: null,
    capacity: 20,
    active: true,
    openCases: 12,
  },
  {
    id: 'u3',
    name: 'Игорь',
    email: 'igor@example.com',
    role: 'supervisor',
    languages: ['ru', 'en'],
    teamId: null,
    capacity: 15,
    active: true,
    openCases: 4,
  },
];

const summary = (i: number, over: Partial<CaseSummary> = {}): CaseSummary => ({
  id: `c${i}`,
  reference: `K-10${40 + i}`,
  subject: ['My refund never arrived', 'لم يتصل بي أحد كما وُعدت', 'Никто не перезвонил', 'החשבונית שגויה'][i % 4]!,
  status: (['new', 'open', 'waiting_on_customer', 'resolved'] as const)[i % 4]!,
  channel: (['email', 'portal', 'phone', 'fax'] as const)[i % 4]!,
  language: ['en', 'ar', 'ru', 'he'][i % 4]!,
  customer: { id: `k${i}`, name: ['John <script>alert(1)</script> Smith', 'أحمد', 'Ольга', 'יוסי'][i % 4]! },
  owner: i % 3 === 0 ? null : { id: 'u2', name: 'سارة' },
  createdAt: ago(60 * 24 * (i + 1)),
  lastCustomerMessageAt: ago(30 * i),
  unansweredSince: i % 2 ? ago(90 * i) : null,
  openEscalation: i === 1,
  hellFlagged: i === 1,
  priority: (['normal', 'urgent', 'high', 'low'] as const)[i % 4]!,
  tags: i % 2 ? ['refund'] : [],
  ...over,
});

const escalation = (id: string, status: EscalationView['status'], overdue: boolean): EscalationView => ({
  id,
  caseId: 'c1',
  reference: 'K-1041',
  customer: { id: 'k1', name: 'أحمد' },
  via: 'portal',
  reason: 'أريد التحدث إلى مشرف، اتصلت عشر مرات',
  level: overdue ? 2 : 1,
  status,
  deadlineAt: overdue ? ago(45) : ahead(180),
  overdue,
  answeredAt: status === 'open' ? null : ago(10),
  answeredBy: status === 'open' ? null : { id: 'u3', name: 'Игорь' },
  createdAt: ago(300),
  overdueAtTopSince: overdue && status === 'open' ? ago(20) : null,
  // The Dell story: two "call you RIGHT BACK" promises broken while the escalation was open.
  breaches: overdue
    ? [
        {
          promiseId: 'p7',
          kind: 'callback',
          description: 'Call Denise RIGHT BACK about the blue screens',
          owner: { id: 'u2', name: 'سارة' },
          dueAt: ago(240),
          brokenAt: ago(239),
        },
        {
          promiseId: 'p8',
          kind: 'callback',
          description: 'اتصل بالعميل فورًا',
          owner: { id: 'u3', name: 'Игорь' },
          dueAt: ago(120),
          brokenAt: ago(119),
        },
      ]
    : [],
});

const hell = {
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

const detail: CaseDetailResponse = {
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

type Handler = (url: URL) => [number, unknown];
export const fixtures: Record<string, Handler> = {
  'GET /setup/status': () => [200, { needsSetup: process.env.MOCK_SETUP === '1' }],
  'POST /auth/login': () => [401, { error: { code: 'auth.invalid_credentials', message: 'bad' } }],
  'GET /me': () => [
    200,
    { user: users[0], workspace: { id: 'w', name: 'Acme Telecom', slug: 'acme', defaultLanguage: 'en' } },
  ],
  'GET /users': () => [200, { users }],
  'GET /settings': () => [
    200,
    {
      acknowledgementWindowMinutes: 10,
      firstResponseMinutes: 240,
      escalationDeadlineMinutes: 120,
      promiseReminderMinutes: 30,
      hellThresholds: {
        contacts: 6,
        channels: 3,
        people: 4,
        handoffs: 3,
        reopenings: 2,
        totalWaitMinutes: 2880,
        brokenPromises: 1,
        unansweredMessages: 3,
      },
      supportPhone: reach.phone,
      supportEmail: reach.email,
      supportHours: reach.hours,
    },
  ],
  'GET /cases': (url) => [
    200,
    { cases: url.searchParams.get('view') === 'escalated' ? [] : [0, 1, 2, 3, 4, 5].map((i) => summary(i)) },
  ],
  'GET /queues/unanswered': () => [
    200,
    process.env.MOCK_ZERO === '1'
      ? { items: [], total: 0 }
      : {
          total: 3,
          items: [1, 3, 5].map((i) => ({
            messageId: `m${i}`,
            caseId: `c${i}`,
            reference: `K-10${40 + i}`,
            subject: summary(i).subject,
            customer: summary(i).customer,
            owner: summary(i).owner,
            channel: summary(i).channel,
            excerpt: 'السلام عليكم، وعدني موظفان بالاتصال بي فورًا ولم يتصل أحد. I have been waiting for days.',
            receivedAt: ago(200 * i + 3000),
          })),
        },
  ],
  'GET /flags': () => [200, { cases: [{ ...summary(1), hell }] }],
  'GET /cases/[^/]+': () => [200, detail],
  'GET /escalations': () => [
    200,
    {
      escalations: [
        escalation('e1', 'open', true),
        {
          ...escalation('e2', 'answered', false),
          reference: 'K-1043',
          customer: { id: 'k3', name: 'Ольга' },
          reason: 'Хочу поговорить с руководителем',
        },
      ],
    },
  ],
  'GET /customers': () => [
    200,
    {
      customers: [
        detail.customer,
        { ...detail.customer, id: 'k2', name: 'Ольга', language: 'ru', email: 'olga@example.ru' },
      ],
    },
  ],
  'GET /customers/[^/]+': () => [
    200,
    { customer: detail.customer, cases: [summary(1), summary(5)], timeline: detail.timeline, hell },
  ],
  'GET /metrics/service': () => [200, metrics],
  'GET /portal/[^/]+/info': () => [200, { workspaceName: 'Acme Telecom', reachAHuman: reach }],
  'POST /portal/[^/]+/requests': () => [
    201,
    {
      reference: 'K-1099',
      promisedBy: ahead(240),
      acknowledgement: 'شكرًا لتواصلك معنا. رقم طلبك K-1099، وسنرد عليك خلال ٤ ساعات.',
      portalToken: 'tok123',
    },
  ],
  'GET /portal/session/[^/]+': () => [
    200,
    {
      workspaceName: 'Acme Telecom',
      customer: { name: 'أحمد', language: 'ar' },
      cases: [
        portalCase,
        {
          ...portalCase,
          id: 'c9',
          reference: 'K-1020',
          subject: 'Old request',
          status: 'closed',
          supervisorRequested: true,
          escalationStatus: 'closed',
        },
      ],
      surveys: [],
      reachAHuman: reach,
    },
  ],
  'POST /portal/session/[^/]+/cases/[^/]+/supervisor': () => [
    200,
    { ...portalCase, supervisorRequested: true, escalationStatus: 'open' },
  ],
};
