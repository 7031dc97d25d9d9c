// Generated from src/contract/team-api-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const teamViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number(),
  hasCalendar: z.boolean(),
  createdAt: z.string(),
});

export const teamListResponseSchema = z.object({
  teams: z.array(teamViewSchema),
});
