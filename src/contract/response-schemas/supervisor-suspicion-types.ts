// Generated from src/contract/supervisor-suspicion-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const supervisorSuspicionViewSchema = z.object({
  messageId: z.string(),
  phrase: z.string(),
  confidence: z.number(),
  at: z.string(),
});

export const supervisorSuspicionDismissedSchema = z.object({
  caseId: z.string(),
  messageId: z.string(),
  dismissedAt: z.string(),
});
