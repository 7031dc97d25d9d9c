import type { ServiceMetricsResponse } from '@kept/contract/api-types.ts';
import { ago, ahead } from './mock-clock.ts';

// The dashboard's figures and a portal customer's request, for the mock API.

export const metrics: ServiceMetricsResponse = {
  from: ago(43200),
  to: ago(0),
  firstResponseMinutes: {
    count: 180,
    p50: 42,
    p90: 310,
    max: 2000,
    buckets: [15, 30, 60, 120, 240, 480, 1440].map((le, i) => ({ le, count: [20, 35, 48, 30, 22, 15, 10][i]! })),
  },
  waitMinutes: { count: 180, p50: 60, p90: 600, max: 4000, buckets: [] },
  firstResponseByChannel: (['email', 'portal', 'phone', 'fax'] as const).map((channel, i) => ({
    channel,
    p50: 20 + i * 30,
    p90: 120 + i * 200,
    count: 40,
  })),
  firstResponseByTeam: [],
  timeByTeam: [],
  timeByChannel: [],
  handoffsPerCase: {
    count: 180,
    p50: 1,
    p90: 3,
    max: 6,
    buckets: [0, 1, 2, 3, 5].map((le, i) => ({ le, count: [80, 50, 25, 15, 10][i]! })),
  },
  unanswered: 7,
  openEscalations: 3,
  overdueEscalations: 1,
  hellFlaggedCases: 2,
  promises: { open: 12, kept: 40, broken: 5, renegotiated: 3 },
  daily: Array.from({ length: 14 }, (_, i) => ({
    day: ago(1440 * (13 - i)).slice(0, 10),
    received: 10 + ((i * 7) % 9),
    answered: 9 + ((i * 5) % 8),
    escalations: i % 3,
    handoffs: i % 4,
  })),
};

export const reach = { phone: '+1 800 555 0100', email: 'help@acme.example', hours: 'Sun–Thu 8:00–18:00' };
export const portalCase = {
  id: 'c1',
  reference: 'K-1041',
  subject: 'لم يتصل بي أحد كما وُعدت',
  status: 'open' as const,
  createdAt: ago(3000),
  promisedBy: ahead(120),
  messages: [
    {
      id: 'm1',
      direction: 'inbound' as const,
      body: 'السلام عليكم، وعدني موظفان بالاتصال بي فورًا ولم يتصل أحد. <b>bold?</b>',
      createdAt: ago(3000),
      authorName: 'أحمد',
    },
    {
      id: 'm2',
      direction: 'outbound' as const,
      body: 'مرحبًا أحمد، نعتذر عن التأخير.',
      createdAt: ago(2500),
      authorName: 'سارة',
    },
  ],
  supervisorRequested: false,
  escalationStatus: null,
};
