// Generated from src/contract/preference-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const timelinePreferencesSchema = z.object({
  newestFirst: z.boolean(),
  hideSystem: z.boolean(),
  foldKeptPromises: z.boolean(),
});

export const userPreferencesSchema = z.object({
  timeline: timelinePreferencesSchema,
});
