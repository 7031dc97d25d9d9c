// Generated from src/contract/survey-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { perceptionAreaKindSchema, surveyKindSchema } from '../domain-word-schemas.ts';
import { z } from 'zod';

export const surveySettingsViewSchema = z.object({
  enabled: z.boolean(),
  delayBusinessMinutes: z.number(),
  askEffort: z.boolean(),
  throttleDays: z.number(),
  npsIntervalDays: z.number(),
  emailPortalSurveys: z.boolean(),
});

export const surveyAnswerViewSchema = z.object({
  score: z.number(),
  effort: z.number().nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string(),
});

export const surveyGroupRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  sent: z.number(),
  answered: z.number(),
  responseRate: z.number().nullable(),
  meanScore: z.number().nullable(),
  distribution: z.array(z.number()),
  lowShare: z.number().nullable(),
  meanEffort: z.number().nullable(),
});

export const surveyCommentViewSchema = z.object({
  surveyId: z.string(),
  caseId: z.string().nullable(),
  score: z.number(),
  comment: z.string(),
  language: z.string().nullable(),
  answeredAt: z.string(),
});

export const surveyReportResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  overall: surveyGroupRowSchema,
  byTeam: z.array(surveyGroupRowSchema),
  byOwner: z.array(surveyGroupRowSchema),
  byChannel: z.array(surveyGroupRowSchema),
  byLanguage: z.array(surveyGroupRowSchema),
  byCaseKind: z.array(surveyGroupRowSchema),
  byMonth: z.array(surveyGroupRowSchema),
  skipped: z.array(
    z.object({
      reason: z.string(),
      count: z.number(),
    }),
  ),
  nps: z.object({
    sent: z.number(),
    answered: z.number(),
    score: z.number().nullable(),
    promoters: z.number(),
    passives: z.number(),
    detractors: z.number(),
  }),
  expectation: z.object({
    customers: z.number(),
    met: z.number(),
    missed: z.number(),
    metShare: z.number().nullable(),
  }),
  comments: z.array(surveyCommentViewSchema),
});

export const spreadGroupViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  max: z.number().nullable(),
  iqr: z.number().nullable(),
  lowShare: z.number().nullable(),
  lowShareLow: z.number().nullable(),
  lowShareHigh: z.number().nullable(),
  meanLow: z.number().nullable(),
  meanHigh: z.number().nullable(),
  fewAnswers: z.boolean(),
});

export const consistencyResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.string(),
  minAnswers: z.number(),
  groups: z.array(spreadGroupViewSchema),
  leastConsistent: z.array(z.string()),
});

export const perceptionPeriodRowSchema = z.object({
  period: z.string(),
  managerShareSuperior: z.number().nullable(),
  customerShareGood: z.number().nullable(),
  areasRated: z.number(),
  answers: z.number(),
});

export const portalSurveyViewSchema = z.object({
  token: z.string(),
  kind: surveyKindSchema,
  reference: z.string().nullable(),
  caseId: z.string().nullable(),
  askEffort: z.boolean(),
  sentAt: z.string(),
});

export const surveyPageResponseSchema = z.object({
  workspaceName: z.string(),
  kind: surveyKindSchema,
  reference: z.string().nullable(),
  language: z.string().nullable(),
  askEffort: z.boolean(),
  answered: surveyAnswerViewSchema.nullable(),
  optedOut: z.boolean(),
});

export const perceptionAreaRowSchema = z.object({
  areaKind: perceptionAreaKindSchema,
  areaKey: z.string(),
  label: z.string(),
  managerRating: z.number().nullable(),
  customerMean: z.number().nullable(),
  customerShareGood: z.number().nullable(),
  answers: z.number(),
});

export const perceptionGapResponseSchema = z.object({
  period: z.string(),
  areas: z.array(perceptionAreaRowSchema),
  headline: perceptionPeriodRowSchema,
  trend: z.array(perceptionPeriodRowSchema),
});
