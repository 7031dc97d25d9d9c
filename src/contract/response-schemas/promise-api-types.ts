// Generated from src/contract/promise-api-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { promiseKindSchema } from '../domain-word-schemas.ts';
import { promiseViewSchema } from './api-types.ts';
import { z } from 'zod';

export const quoteViewSchema = z.object({
  kind: z.string(),
  percentile: z.number(),
  minutes: z.number(),
  businessHours: z.boolean(),
  sampleSize: z.number(),
  group: z.string(),
  exactDueAt: z.string(),
  dueAt: z.string(),
  rounding: z.union([z.literal('quarter_hour'), z.literal('half_hour'), z.literal('hour'), z.literal('day')]),
});

export const quoteResponseSchema = z.object({
  quote: quoteViewSchema.nullable(),
  fallbackMinutes: z.number(),
});

export const overPromiseErrorSchema = z.object({
  error: z.object({
    code: z.literal('promise.over_promise'),
    message: z.string(),
    field: z.literal('confirmOverPromise'),
  }),
  warning: z.string(),
  quote: quoteViewSchema,
  promisedMinutes: z.number(),
});

export const rateRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  made: z.number(),
  kept: z.number(),
  broken: z.number(),
  renegotiated: z.number(),
  open: z.number(),
  keptRate: z.number().nullable(),
  brokenRate: z.number().nullable(),
  renegotiatedRate: z.number().nullable(),
  early: z.number(),
  onTime: z.number(),
  late: z.number(),
  earlyShare: z.number().nullable(),
  onTimeShare: z.number().nullable(),
  lateShare: z.number().nullable(),
});

export const promiseRatesResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  overall: rateRowSchema,
  byOwner: z.array(rateRowSchema),
  byTeam: z.array(rateRowSchema),
  byChannel: z.array(rateRowSchema),
  byKind: z.array(rateRowSchema),
  byWeek: z.array(rateRowSchema),
});

export const simulationResponseSchema = z.object({
  weeks: z.number(),
  percentile: z.number(),
  promises: z.number(),
  actualKeptShare: z.number().nullable(),
  simulatedKeptShare: z.number().nullable(),
  byKind: z.array(
    z.object({
      kind: z.string(),
      promises: z.number(),
      actualKeptShare: z.number().nullable(),
      simulatedKeptShare: z.number().nullable(),
      quotedMinutes: z.number().nullable(),
    }),
  ),
  byWeek: z.array(
    z.object({
      week: z.string(),
      promises: z.number(),
      actualKeptShare: z.number().nullable(),
      simulatedKeptShare: z.number().nullable(),
    }),
  ),
});

export const expectationChoiceSchema = z.union([
  z.literal('hour'),
  z.literal('today'),
  z.literal('tomorrow'),
  z.literal('week'),
]);

export const expectationGapRowSchema = z.object({
  key: z.string(),
  customers: z.number(),
  met: z.number(),
  metShare: z.number().nullable(),
  medianGapMinutes: z.number().nullable(),
  medianExpectedMinutes: z.number().nullable(),
  quotedMinutes: z.number().nullable(),
  beyondCapability: z.boolean(),
});

export const expectationReportResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  overall: expectationGapRowSchema,
  byChannel: z.array(expectationGapRowSchema),
  byLanguage: z.array(expectationGapRowSchema),
  byChoice: z.array(expectationGapRowSchema),
});

export const expectationPageResponseSchema = z.object({
  workspaceName: z.string(),
  reference: z.string(),
  language: z.string().nullable(),
  promisedBy: z.string().nullable(),
  answered: z
    .object({
      choice: z.string(),
      expectedBy: z.string(),
    })
    .nullable(),
});

export const agentPromiseFigureSchema = z.object({
  userId: z.string(),
  name: z.string(),
  made: z.number(),
  kept: z.number(),
  broken: z.number(),
  keptRate: z.number().nullable(),
});

export const madePromiseResponseSchema = promiseViewSchema.and(
  z.object({
    warning: z.string().nullable(),
    quote: quoteViewSchema.nullable(),
  }),
);

export const commitmentSuggestionSchema = z.object({
  kind: promiseKindSchema,
  dueAt: z.string(),
  phrase: z.string(),
  timeStated: z.boolean(),
  quote: quoteViewSchema.nullable(),
  overPromise: z.boolean(),
  warning: z.string().nullable(),
});

export const recognizeResponseSchema = z.object({
  language: z.string(),
  suggestions: z.array(commitmentSuggestionSchema),
});

export const brokenPromiseItemSchema = z.object({
  promise: promiseViewSchema,
  customerName: z.string(),
  brokenAt: z.string(),
  next: z.array(
    z.object({
      at: z.string(),
      type: z.string(),
      data: z.record(z.string(), z.unknown()),
      actorName: z.string().nullable(),
    }),
  ),
});

export const dueSoonItemSchema = z.object({
  promise: promiseViewSchema,
  customerName: z.string(),
  minutesLeft: z.number(),
  overdue: z.boolean(),
});

export const dueSoonResponseSchema = z.object({
  now: z.string(),
  hours: z.number(),
  items: z.array(dueSoonItemSchema),
});
