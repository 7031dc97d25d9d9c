// Generated from src/contract/retention-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { importPhaseSchema, importStatusSchema } from '../domain-word-schemas.ts';
import { z } from 'zod';

export const importProblemViewSchema = z.object({
  line: z.number(),
  reason: z.string(),
  column: z.string().optional(),
});

export const importReportViewSchema = z.object({
  importId: z.string(),
  status: z.union([z.literal('done'), z.literal('failed'), z.literal('cancelled')]),
  format: z.union([z.literal('csv'), z.literal('cdnow'), z.literal('shopify')]),
  source: z.string(),
  rowsRead: z.number(),
  purchasesInFile: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  skipped: z.number(),
  problems: z.array(importProblemViewSchema),
  customersCreated: z.number(),
  customersMatched: z.number(),
  seconds: z.number(),
  message: z.string(),
});

export const importListResponseSchema = z.object({
  imports: z.array(
    z.object({
      id: z.string(),
      format: z.string(),
      source: z.string(),
      status: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      report: importReportViewSchema.nullable(),
    }),
  ),
});

export const repeatResponseSchema = z.object({
  customers: z.number(),
  repeatCustomers: z.number(),
  repeatRate: z.number(),
  byCohort: z.array(
    z.object({
      cohort: z.string(),
      customers: z.number(),
      repeat: z.number(),
      rate: z.number(),
    }),
  ),
  daysToSecond: z.object({
    median: z.number().nullable(),
    buckets: z.array(
      z.object({
        upTo: z.number().nullable(),
        customers: z.number(),
      }),
    ),
  }),
  loyal: z.object({
    customers: z.number(),
    revenueShare: z.number(),
  }),
});

export const loyalCustomerViewSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  purchaseDays: z.number(),
  revenue: z.number(),
  firstDay: z.string(),
  lastDay: z.string(),
  clv: z.number().nullable(),
});

export const loyalListResponseSchema = z.object({
  total: z.number(),
  customers: z.array(loyalCustomerViewSchema),
});

export const earlyChurnViewSchema = z.object({
  key: z.string().nullable(),
  customers: z.number(),
  eligible90: z.number(),
  eligible365: z.number(),
  lost90: z.number().nullable(),
  lost365: z.number().nullable(),
});

export const cohortsResponseSchema = z.object({
  computedAt: z.string().nullable(),
  definition: z.union([z.literal('model'), z.literal('gap')]),
  gapMultiple: z.number(),
  aliveThreshold: z.number(),
  cohorts: z.array(
    z.object({
      cohort: z.string(),
      customers: z.number(),
      retention: z.array(z.number().nullable()),
    }),
  ),
  maxOffset: z.number(),
  earlyChurn: z.object({
    all: earlyChurnViewSchema,
    byChannel: z.array(earlyChurnViewSchema),
    byCohort: z.array(earlyChurnViewSchema),
    modelAvailable: z.boolean(),
  }),
  yearly: z.array(
    z.object({
      year: z.number(),
      active: z.number(),
      retained: z.number(),
      churn: z.number(),
      complete: z.boolean(),
    }),
  ),
});

export const lorenzViewSchema = z.object({
  population: z.number(),
  total: z.number(),
  gini: z.number(),
  top20Share: z.number(),
  points: z.array(
    z.object({
      p: z.number(),
      share: z.number(),
    }),
  ),
});

export const paretoResponseSchema = z.object({
  computedAt: z.string().nullable(),
  revenue: lorenzViewSchema,
  complaints: lorenzViewSchema,
});

export const complaintRateResponseSchema = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      complaints: z.number(),
      active: z.number(),
      per1000: z.number().nullable(),
    }),
  ),
  overall: z.object({
    complaints: z.number(),
    active: z.number(),
    per1000: z.number().nullable(),
  }),
  breakdowns: z.record(
    z.union([z.literal('acquisitionChannel'), z.literal('product'), z.literal('caseChannel')]),
    z.array(
      z.object({
        key: z.string(),
        complaints: z.number(),
        active: z.number(),
        per1000: z.number().nullable(),
      }),
    ),
  ),
});

export const clvGroupViewSchema = z.object({
  customers: z.number(),
  meanClv: z.number().nullable(),
  medianClv: z.number().nullable(),
  meanRevenue: z.number().nullable(),
  meanPAlive: z.number().nullable(),
});

export const clvResponseSchema = z.object({
  computedAt: z.string().nullable(),
  fit: z
    .object({
      asOf: z.string(),
      customers: z.number(),
      model: z.union([z.literal('bgnbd'), z.literal('pareto-nbd')]),
      bgnbd: z.object({
        params: z.record(z.string(), z.number()),
        logLikelihood: z.number().nullable(),
        fitted: z.boolean(),
      }),
      paretoNbd: z.object({
        params: z.record(z.string(), z.number()),
        logLikelihood: z.number().nullable(),
        fitted: z.boolean(),
      }),
      gammaGamma: z.object({
        params: z.record(z.string(), z.number()).nullable(),
        repeatCustomers: z.number(),
        fitted: z.boolean(),
        meanSpend: z.number(),
      }),
      horizonDays: z.number(),
      annualDiscountRate: z.number(),
    })
    .nullable(),
  total: z.number(),
  mean: z.number(),
  median: z.number(),
  currency: z.string(),
  histogram: z.object({
    top: z.number(),
    buckets: z.array(
      z.object({
        bucket: z.number(),
        customers: z.number(),
      }),
    ),
  }),
  service: z.object({
    good: clvGroupViewSchema,
    bad: clvGroupViewSchema,
    noContact: clvGroupViewSchema,
  }),
  byChannel: z.array(
    z.object({
      channel: z.string(),
      customers: z.number(),
      meanClv: z.number(),
      meanRevenue: z.number(),
      costPerCustomer: z.number().nullable(),
      ratio: z.number().nullable(),
    }),
  ),
});

export const riskReasonSchema = z.union([
  z.object({
    code: z.literal('overdue'),
    points: z.number(),
    days: z.number(),
    gapDays: z.number(),
  }),
  z.object({
    code: z.literal('low_p_alive'),
    points: z.number(),
    pAlive: z.number(),
  }),
  z.object({
    code: z.literal('open_complaint'),
    points: z.number(),
    count: z.number(),
    reference: z.string(),
  }),
  z.object({
    code: z.literal('broken_promises'),
    points: z.number(),
    count: z.number(),
  }),
  z.object({
    code: z.literal('service_hell'),
    points: z.number(),
    reference: z.string(),
  }),
]);

export const customerRiskViewSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  risk: z.number(),
  reasons: z.array(riskReasonSchema),
  explanation: z.array(z.string()),
  clv: z.number().nullable(),
  pAlive: z.number().nullable(),
  valueAtRisk: z.number().nullable(),
  lastPurchase: z.string().nullable(),
  serviceOnly: z.boolean(),
  computedAt: z.string().nullable(),
});

export const atRiskScopeSchema = z.union([z.literal('all'), z.literal('service-only')]);

export const atRiskResponseSchema = z.object({
  total: z.number(),
  serviceOnly: z.number(),
  customers: z.array(customerRiskViewSchema),
});

export const retentionSettingsViewSchema = z.object({
  riskWeights: z.record(
    z.union([
      z.literal('overdue'),
      z.literal('lowPAlive'),
      z.literal('openComplaint'),
      z.literal('brokenPromises'),
      z.literal('serviceHell'),
      z.literal('lowSurvey'),
    ]),
    z.number(),
  ),
  churnGapMultiple: z.number(),
  aliveThreshold: z.number(),
  model: z.union([z.literal('pareto-nbd'), z.literal('bgnbd')]),
  horizonDays: z.number(),
  annualDiscountRate: z.number(),
  currency: z.string(),
  acquisitionCosts: z.array(
    z.object({
      channel: z.string(),
      costPerCustomer: z.number(),
    }),
  ),
});

export const importViewSchema = z.object({
  id: z.string(),
  format: z.string(),
  source: z.string(),
  status: importStatusSchema,
  phase: importPhaseSchema.nullable(),
  rowsRead: z.number(),
  bytesRead: z.number(),
  bytesTotal: z.number().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  report: importReportViewSchema.nullable(),
});

export const importResponseSchema = z.object({
  import: importViewSchema,
});
