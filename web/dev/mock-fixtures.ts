import type { UserView } from '@kept/contract/api-types.ts';

import { ago, ahead } from './mock-clock.ts';
import { detail, hell } from './mock-case-detail.ts';
import { escalation, summary } from './mock-case-summaries.ts';
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
