// Generated from src/contract/live-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { liveNoticeKindSchema, myNoticeKindSchema, presenceActivitySchema } from '../domain-word-schemas.ts';
import { z } from 'zod';

export const liveNoticeSchema = z.object({
  kind: liveNoticeKindSchema,
  caseId: z.string().nullable(),
  what: z.string().nullable(),
});

export const presencePersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  activity: presenceActivitySchema,
  since: z.string(),
});

export const casePresenceResponseSchema = z.object({
  caseId: z.string(),
  people: z.array(presencePersonSchema),
});

export const myNoticeSchema = z.object({
  eventId: z.number(),
  kind: myNoticeKindSchema,
  caseId: z.string(),
  caseReference: z.string(),
  subject: z.string(),
  at: z.string(),
  unread: z.boolean(),
});

export const myNoticesResponseSchema = z.object({
  notices: z.array(myNoticeSchema),
  unread: z.number(),
});
