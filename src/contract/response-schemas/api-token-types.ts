// Generated from src/contract/api-token-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const apiTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  userName: z.string(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const apiTokenListResponseSchema = z.object({
  tokens: z.array(apiTokenViewSchema),
});
