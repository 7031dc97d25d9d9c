// Generated from src/contract/email-outbound-types.ts by scripts/generate-contract-schemas.mjs: do not edit.
import { z } from 'zod';

export const emailSettingsViewSchema = z.object({
  smtpHost: z.string().nullable(),
  smtpPort: z.number(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  passwordSet: z.boolean(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  usesDevelopmentSink: z.boolean(),
});

export const emailSettingsUpdateSchema = z.object({
  smtpHost: z.string().optional().nullable(),
  smtpPort: z.number().optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: z.string().optional().nullable(),
  smtpPassword: z.string().optional().nullable(),
  fromAddress: z.string().optional().nullable(),
  fromName: z.string().optional().nullable(),
});

export const sinkMessageViewSchema = z.object({
  id: z.string(),
  outboxId: z.string().nullable(),
  messageId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  headers: z.record(z.string(), z.string()),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: z.string(),
});

export const mailboxViewSchema = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  username: z.string(),
  mailbox: z.string(),
  lastUid: z.number(),
  lastPolledAt: z.string().nullable(),
  ok: z.boolean(),
  lastError: z.string().nullable(),
  failingSince: z.string().nullable(),
});

export const mailboxInputSchema = z.object({
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  username: z.string(),
  password: z.string(),
  mailbox: z.string(),
});

export const mailboxTestResultSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  messages: z.number().nullable(),
});

export const mailboxHealthSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  lastError: z.string().nullable(),
  failingSince: z.string().nullable(),
});

export const publicHealthSchema = z.object({
  status: z.union([z.literal('ok'), z.literal('degraded')]),
});

export const eventLoopLagSchema = z.object({
  lagMsP99: z.number(),
  lagMsMax: z.number(),
  windowSeconds: z.number(),
});

export const healthDetailsSchema = z.object({
  ok: z.boolean(),
  status: z.union([z.literal('ok'), z.literal('degraded')]),
  database: z.boolean(),
  jobs: z.boolean(),
  store: z.union([z.literal('pglite'), z.literal('postgres')]),
  mailboxes: z.array(mailboxHealthSchema),
  eventLoop: eventLoopLagSchema.optional(),
});
