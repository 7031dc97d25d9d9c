// The domain words as zod schemas, for the generated response schemas (src/contract/response-schemas/):
// ts-to-zod sees only the contract's files, so the words it imports from the kernel are mapped here.
import { z } from 'zod';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CHANNELS,
  ESCALATION_STATUSES,
  PROMISE_KINDS,
  PROMISE_STATUSES,
  ROLES,
} from '../kernel/domain-words.ts';

export const channelSchema = z.enum(CHANNELS);
export const caseStatusSchema = z.enum(CASE_STATUSES);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export const roleSchema = z.enum(ROLES);
export const promiseKindSchema = z.enum(PROMISE_KINDS);
export const promiseStatusSchema = z.enum(PROMISE_STATUSES);
export const escalationStatusSchema = z.enum(ESCALATION_STATUSES);
export const weeklyHoursSchema = z.array(z.array(z.tuple([z.number(), z.number()]).readonly()).readonly()).readonly();
export const promiseBreachSchema = z.object({
  promiseId: z.string(),
  kind: z.string(),
  description: z.string(),
  ownerId: z.string(),
  dueAt: z.string(),
  brokenAt: z.string(),
});
