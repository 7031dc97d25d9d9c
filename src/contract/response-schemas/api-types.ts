// Generated from src/contract/api-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import {
  casePrioritySchema,
  caseStatusSchema,
  channelSchema,
  escalationStatusSchema,
  promiseKindSchema,
  promiseStatusSchema,
  roleSchema,
} from '../domain-word-schemas.ts';
import { supervisorSuspicionViewSchema } from './supervisor-suspicion-types.ts';
import { portalSurveyViewSchema } from './survey-types.ts';
import { z } from 'zod';

export const languageSchema = z.string();

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    line: z.number().optional(),
    header: z.string().optional(),
  }),
});

export const workspaceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  defaultLanguage: languageSchema,
});

export const customerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: languageSchema.nullable(),
  createdAt: z.string(),
  emailBouncedAt: z.string().optional().nullable(),
  emailBounceReason: z.string().optional().nullable(),
});

export const timelineItemKindSchema = z.union([z.literal('message'), z.literal('event')]);

export const emailAttachmentViewSchema = z.object({
  id: z.string(),
  filename: z.string(),
  originalFilename: z.string(),
  declaredType: z.string(),
  detectedType: z.string().nullable(),
  size: z.number(),
  inline: z.boolean(),
  dangerous: z.boolean(),
  dangerReasons: z.array(z.string()),
  downloadable: z.boolean(),
});

export const taskViewSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  reference: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  assignee: z.object({
    id: z.string(),
    name: z.string(),
  }),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  escalationLevel: z.number().optional(),
});

export const hellMetricNameSchema = z.union([
  z.literal('contacts'),
  z.literal('channels'),
  z.literal('people'),
  z.literal('handoffs'),
  z.literal('reopenings'),
  z.literal('totalWaitMinutes'),
  z.literal('brokenPromises'),
  z.literal('unansweredMessages'),
  z.literal('spanDays'),
]);

export const hellMetricsSchema = z.record(hellMetricNameSchema, z.number());

export const hellAssessmentSchema = z.object({
  metrics: hellMetricsSchema,
  flagged: z.boolean(),
  reasons: z.array(
    z.object({
      metric: hellMetricNameSchema,
      value: z.number(),
      threshold: z.number(),
    }),
  ),
});

export const distributionSchema = z.object({
  count: z.number(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
  buckets: z.array(
    z.object({
      le: z.number(),
      count: z.number(),
      over: z.literal(true).optional(),
    }),
  ),
});

export const timeFiguresSchema = z.object({
  key: z.string(),
  cases: z.number(),
  firstResponse: z.object({
    count: z.number(),
    p50: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  wait: z.object({
    count: z.number(),
    p50: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  totalWait: z.object({
    p50: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  handoffs: z.object({
    mean: z.number(),
    p90: z.number().nullable(),
  }),
});

export const hellThresholdsSchema = z.object({
  contacts: z.number(),
  channels: z.number(),
  people: z.number(),
  handoffs: z.number(),
  reopenings: z.number(),
  totalWaitMinutes: z.number(),
  brokenPromises: z.number(),
  unansweredMessages: z.number(),
});

export const workspaceSettingsSchema = z.object({
  acknowledgementWindowMinutes: z.number(),
  firstResponseMinutes: z.number(),
  escalationDeadlineMinutes: z.number(),
  promiseReminderMinutes: z.number(),
  hellThresholds: hellThresholdsSchema,
  supportPhone: z.string(),
  supportEmail: z.string(),
  supportHours: z.string(),
  quotePercentile: z.number().optional(),
  quoteFromCapability: z.boolean().optional(),
});

export const portalInfoResponseSchema = z.object({
  workspaceName: z.string(),
  reachAHuman: z.object({
    phone: z.string(),
    email: z.string(),
    hours: z.string(),
  }),
});

export const portalRequestCreatedSchema = z.object({
  reference: z.string(),
  promisedBy: z.string(),
  acknowledgement: z.string(),
  portalToken: z.string(),
});

export const userViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  languages: z.array(languageSchema),
  teamId: z.string().nullable(),
  capacity: z.number(),
  active: z.boolean(),
  openCases: z.number().optional(),
});

export const meResponseSchema = z.object({
  user: userViewSchema,
  workspace: workspaceViewSchema,
});

export const caseSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  status: caseStatusSchema,
  channel: channelSchema,
  language: languageSchema.nullable(),
  customer: z.object({
    id: z.string(),
    name: z.string(),
  }),
  owner: z
    .object({
      id: z.string(),
      name: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  lastCustomerMessageAt: z.string().nullable(),
  unansweredSince: z.string().nullable(),
  openEscalation: z.boolean(),
  hellFlagged: z.boolean(),
  priority: casePrioritySchema,
  tags: z.array(z.string()),
});

export const caseListResponseSchema = z.object({
  cases: z.array(caseSummarySchema),
});

export const unansweredItemSchema = z.object({
  messageId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  subject: z.string(),
  customer: z.object({
    id: z.string(),
    name: z.string(),
  }),
  owner: z
    .object({
      id: z.string(),
      name: z.string(),
    })
    .nullable(),
  channel: channelSchema,
  excerpt: z.string(),
  receivedAt: z.string(),
});

export const unansweredResponseSchema = z.object({
  items: z.array(unansweredItemSchema),
  total: z.number(),
});

export const messageViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  direction: z.union([z.literal('inbound'), z.literal('outbound')]),
  channel: channelSchema,
  internal: z.boolean(),
  body: z.string(),
  language: languageSchema.nullable(),
  author: z.object({
    kind: z.union([z.literal('customer'), z.literal('user'), z.literal('system')]),
    id: z.string().nullable(),
    name: z.string(),
  }),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  quotedText: z.string().optional().nullable(),
  htmlBody: z.string().optional().nullable(),
  attachments: z.array(emailAttachmentViewSchema).optional(),
});

export const timelineItemSchema = z.object({
  kind: timelineItemKindSchema,
  at: z.string(),
  caseId: z.string().nullable(),
  eventType: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  actor: z
    .object({
      id: z.string(),
      name: z.string(),
    })
    .optional()
    .nullable(),
  message: messageViewSchema.optional(),
});

export const promiseViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  kind: promiseKindSchema,
  channel: channelSchema,
  description: z.string(),
  owner: z.object({
    id: z.string(),
    name: z.string(),
  }),
  dueAt: z.string(),
  status: promiseStatusSchema,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  quotedDueAt: z.string().optional().nullable(),
  overPromiseConfirmed: z.boolean().optional(),
});

export const escalationBreachViewSchema = z.object({
  promiseId: z.string(),
  kind: promiseKindSchema,
  description: z.string(),
  owner: z.object({
    id: z.string(),
    name: z.string(),
  }),
  dueAt: z.string(),
  brokenAt: z.string(),
});

export const escalationViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  customer: z.object({
    id: z.string(),
    name: z.string(),
  }),
  via: z.string(),
  reason: z.string(),
  level: z.number(),
  status: escalationStatusSchema,
  deadlineAt: z.string(),
  overdue: z.boolean(),
  answeredAt: z.string().nullable(),
  answeredBy: z
    .object({
      id: z.string(),
      name: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  overdueAtTopSince: z.string().nullable(),
  breaches: z.array(escalationBreachViewSchema),
});

export const customerDetailResponseSchema = z.object({
  customer: customerViewSchema,
  cases: z.array(caseSummarySchema),
  timeline: z.array(timelineItemSchema),
  olderMessagesOmitted: z.boolean(),
  hell: hellAssessmentSchema,
});

export const serviceMetricsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  firstResponseMinutes: distributionSchema,
  waitMinutes: distributionSchema,
  firstResponseByChannel: z.array(
    z.object({
      channel: channelSchema,
      p50: z.number().nullable(),
      p90: z.number().nullable(),
      count: z.number(),
    }),
  ),
  firstResponseByTeam: z.array(
    z.object({
      team: z.string(),
      p50: z.number().nullable(),
      p90: z.number().nullable(),
      count: z.number(),
    }),
  ),
  handoffsPerCase: distributionSchema,
  timeByTeam: z.array(timeFiguresSchema),
  timeByChannel: z.array(timeFiguresSchema),
  unanswered: z.number(),
  openEscalations: z.number(),
  overdueEscalations: z.number(),
  hellFlaggedCases: z.number(),
  promises: z.object({
    open: z.number(),
    kept: z.number(),
    broken: z.number(),
    renegotiated: z.number(),
  }),
  daily: z.array(
    z.object({
      day: z.string(),
      received: z.number(),
      answered: z.number(),
      escalations: z.number(),
      handoffs: z.number(),
    }),
  ),
});

export const portalCaseViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  status: caseStatusSchema,
  createdAt: z.string(),
  promisedBy: z.string().nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.union([z.literal('inbound'), z.literal('outbound')]),
      body: z.string(),
      createdAt: z.string(),
      authorName: z.string(),
    }),
  ),
  supervisorRequested: z.boolean(),
  escalationStatus: escalationStatusSchema.nullable(),
});

export const portalSessionResponseSchema = z.object({
  workspaceName: z.string(),
  customer: z.object({
    name: z.string(),
    language: languageSchema.nullable(),
  }),
  cases: z.array(portalCaseViewSchema),
  surveys: z.array(portalSurveyViewSchema),
  reachAHuman: z.object({
    phone: z.string(),
    email: z.string(),
    hours: z.string(),
  }),
});

export const flaggedCaseViewSchema = caseSummarySchema.extend({
  hellReasons: hellAssessmentSchema.shape.reasons,
  hellFlaggedAt: z.string().nullable(),
});

export const caseDetailResponseSchema = z.object({
  case: caseSummarySchema.and(
    z.object({
      priority: z.string(),
      isComplaint: z.boolean(),
    }),
  ),
  customer: customerViewSchema,
  timeline: z.array(timelineItemSchema),
  promises: z.array(promiseViewSchema),
  escalations: z.array(escalationViewSchema),
  tasks: z.array(taskViewSchema),
  hell: hellAssessmentSchema,
  respect: z.object({
    firstResponseMinutes: z.number().nullable(),
    totalWaitMinutes: z.number(),
    transfers: z.number(),
  }),
  allowedTransitions: z.array(caseStatusSchema),
  supervisorSuspicion: supervisorSuspicionViewSchema.nullable(),
});
