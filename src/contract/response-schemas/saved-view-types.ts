// Generated from src/contract/saved-view-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const savedViewViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  shared: z.boolean(),
  editable: z.boolean(),
  filters: z.record(z.string(), z.string()),
  count: z.number(),
  more: z.boolean(),
  updatedAt: z.string(),
});

export const savedViewListResponseSchema = z.object({
  views: z.array(savedViewViewSchema),
});
