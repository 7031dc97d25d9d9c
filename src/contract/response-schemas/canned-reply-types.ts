// Generated from src/contract/canned-reply-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const cannedReplyViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  language: z.string(),
  shared: z.boolean(),
  editable: z.boolean(),
  updatedAt: z.string(),
});

export const cannedReplyListResponseSchema = z.object({
  replies: z.array(cannedReplyViewSchema),
});

export const filledCannedReplySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  shared: z.boolean(),
  text: z.string(),
  missing: z.array(z.string()),
});

export const caseCannedRepliesResponseSchema = z.object({
  language: z.string().nullable(),
  replies: z.array(filledCannedReplySchema),
});
