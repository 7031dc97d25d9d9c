// Generated from src/contract/desk-find-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { caseSummarySchema, customerViewSchema } from './api-types.ts';
import { z } from 'zod';

export const bulkRefusalSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  message: z.string(),
});

export const caseListPageSchema = z.object({
  cases: z.array(caseSummarySchema),
  more: z.boolean(),
});

export const customerListPageSchema = z.object({
  customers: z.array(customerViewSchema),
  more: z.boolean(),
});

export const bulkChangeResponseSchema = z.object({
  changed: z.array(z.string()),
  refused: z.array(bulkRefusalSchema),
});
