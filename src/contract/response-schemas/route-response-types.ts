// Generated from src/contract/route-response-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { weeklyHoursSchema } from '../domain-word-schemas.ts';
import {
  caseDetailResponseSchema,
  customerViewSchema,
  escalationViewSchema,
  flaggedCaseViewSchema,
  promiseViewSchema,
  taskViewSchema,
  userViewSchema,
} from './api-types.ts';
import { mailboxViewSchema, sinkMessageViewSchema } from './email-outbound-types.ts';
import { agentPromiseFigureSchema, brokenPromiseItemSchema } from './promise-api-types.ts';
import { z } from 'zod';

export const setupStatusResponseSchema = z.object({
  needsSetup: z.boolean(),
});

export const apiTokenCreatedSchema = z.object({
  token: z.string(),
});

export const caseIntakeMinimalSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  messageId: z.string(),
  acknowledged: z.boolean(),
});

export const messageAddedMinimalSchema = z.object({
  caseId: z.string(),
  messageId: z.string(),
});

export const taskDoneResponseSchema = z.object({
  id: z.string(),
  doneAt: z.string().nullable(),
});

export const supportAddressViewSchema = z.object({
  id: z.string(),
  address: z.string(),
  createdAt: z.string(),
});

export const supportAddressListResponseSchema = z.object({
  addresses: z.array(supportAddressViewSchema),
});

export const inboundEmailViewSchema = z.object({
  id: z.string(),
  status: z.string(),
  fromAddress: z.string().nullable(),
  subject: z.string().nullable(),
  note: z.string().nullable(),
  error: z.string().nullable(),
  caseId: z.string().nullable(),
  receivedAt: z.string(),
});

export const inboundEmailListResponseSchema = z.object({
  emails: z.array(inboundEmailViewSchema),
});

export const mailboxPollResultSchema = z.object({
  mailboxId: z.string(),
  skipped: z.boolean(),
  imported: z.number(),
  alreadyImported: z.number(),
  uidValidityReset: z.boolean(),
  error: z.string().nullable(),
});

export const importCreatedResponseSchema = z.object({
  import: z.object({
    id: z.string(),
    status: z.literal('queued'),
  }),
});

export const clvFitSummaryViewSchema = z.object({
  asOf: z.string(),
  customers: z.number(),
  groups: z.number(),
  model: z.union([z.literal('bgnbd'), z.literal('pareto-nbd')]),
  bgnbd: z.object({
    params: z.object({
      r: z.number(),
      alpha: z.number(),
      a: z.number(),
      b: z.number(),
    }),
    logLikelihood: z.number().nullable(),
    fitted: z.boolean(),
  }),
  paretoNbd: z.object({
    params: z.object({
      r: z.number(),
      alpha: z.number(),
      s: z.number(),
      beta: z.number(),
    }),
    logLikelihood: z.number().nullable(),
    fitted: z.boolean(),
  }),
  gammaGamma: z.object({
    params: z
      .object({
        p: z.number(),
        q: z.number(),
        gamma: z.number(),
      })
      .nullable(),
    repeatCustomers: z.number(),
    fitted: z.boolean(),
    meanSpend: z.number(),
  }),
  horizonDays: z.number(),
  annualDiscountRate: z.number(),
  seconds: z.object({
    groups: z.number(),
    fit: z.number(),
    score: z.number(),
    write: z.number(),
    total: z.number(),
  }),
  fits: z.record(
    z.union([z.literal('bgnbd'), z.literal('paretoNbd'), z.literal('gammaGamma')]),
    z.object({
      seconds: z.number(),
      evaluations: z.number().nullable(),
    }),
  ),
});

export const retentionCaseOpenedSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
});

export const retentionCallScheduledSchema = z.object({
  taskId: z.string(),
  dueAt: z.string(),
});

export const benchProbeResponseSchema = z.object({
  ok: z.boolean(),
});

export const userListResponseSchema = z.object({
  users: z.array(userViewSchema),
});

export const caseIntakeResponseSchema = z.union([caseDetailResponseSchema, caseIntakeMinimalSchema]);

export const messageAddedResponseSchema = z.union([caseDetailResponseSchema, messageAddedMinimalSchema]);

export const promiseListResponseSchema = z.object({
  promises: z.array(promiseViewSchema),
});

export const escalationListResponseSchema = z.object({
  escalations: z.array(escalationViewSchema),
});

export const taskListResponseSchema = z.object({
  tasks: z.array(taskViewSchema),
});

export const customerListResponseSchema = z.object({
  customers: z.array(customerViewSchema),
});

export const flaggedCaseListResponseSchema = z.object({
  cases: z.array(flaggedCaseViewSchema),
});

export const sinkMessageListResponseSchema = z.object({
  messages: z.array(sinkMessageViewSchema),
});

export const mailboxListResponseSchema = z.object({
  mailboxes: z.array(mailboxViewSchema),
});

export const mailboxPollResponseSchema = z.object({
  result: mailboxPollResultSchema,
  mailbox: mailboxViewSchema,
});

export const agentPromiseFiguresResponseSchema = z.object({
  agents: z.array(agentPromiseFigureSchema),
});

export const brokenPromiseListResponseSchema = z.object({
  items: z.array(brokenPromiseItemSchema),
});

export const businessCalendarViewSchema = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  timeZone: z.string(),
  weeklyHours: weeklyHoursSchema,
  holidays: z.array(z.string()),
});

export const businessCalendarListResponseSchema = z.object({
  calendars: z.array(businessCalendarViewSchema),
});
