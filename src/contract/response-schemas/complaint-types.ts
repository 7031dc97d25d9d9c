// Generated from src/contract/complaint-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { complaintKindSchema, complaintSourceSchema } from '../domain-word-schemas.ts';
import { z } from 'zod';

export const complaintCountViewSchema = z.object({
  key: z.string(),
  complaints: z.number(),
});

export const complaintsReportResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  complaints: z.number(),
  active: z.number(),
  per1000: z.number().nullable(),
  byKind: z.array(complaintCountViewSchema),
  bySource: z.array(complaintCountViewSchema),
  complainers: z.number(),
  top20Share: z.number().nullable(),
  gini: z.number().nullable(),
  open: z.number(),
});

export const caseComplaintViewSchema = z.object({
  caseId: z.string(),
  isComplaint: z.boolean(),
  kind: complaintKindSchema.nullable(),
  source: complaintSourceSchema.nullable(),
  reason: z.string().nullable(),
  markedAt: z.string().nullable(),
  unmarkedAt: z.string().nullable(),
});

export const complaintMarkResponseSchema = z.object({
  complaint: caseComplaintViewSchema,
  outcome: z.union([z.literal('marked'), z.literal('changed'), z.literal('unchanged'), z.literal('unmarked')]),
});
