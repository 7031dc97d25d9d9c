// Case summaries and escalations of the mock API, shared by the list and detail fixtures.
import type { CaseSummary, EscalationView } from '@kept/contract/api-types.ts';

import { ago, ahead } from './mock-clock.ts';

export const summary = (i: number, over: Partial<CaseSummary> = {}): CaseSummary => ({
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

export const escalation = (id: string, status: EscalationView['status'], overdue: boolean): EscalationView => ({
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
