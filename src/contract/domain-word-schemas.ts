// The domain words as zod schemas, for the generated response schemas (src/contract/response-schemas/):
// ts-to-zod sees only the contract's files, so the words it imports from the kernel are mapped here.
import { z } from 'zod';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_SOURCES,
  ESCALATION_STATUSES,
  IMPORT_PHASES,
  IMPORT_STATUSES,
  LIVE_NOTICE_KINDS,
  MY_NOTICE_KINDS,
  PRESENCE_ACTIVITIES,
  PERCEPTION_AREA_KINDS,
  PROMISE_KINDS,
  PROMISE_STATUSES,
  ROLES,
  SURVEY_KINDS,
} from '../kernel/domain-words.ts';

export const channelSchema = z.enum(CHANNELS);
export const caseStatusSchema = z.enum(CASE_STATUSES);
export const complaintKindSchema = z.enum(COMPLAINT_KINDS);
export const complaintSourceSchema = z.enum(COMPLAINT_SOURCES);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export const roleSchema = z.enum(ROLES);
export const promiseKindSchema = z.enum(PROMISE_KINDS);
export const promiseStatusSchema = z.enum(PROMISE_STATUSES);
export const escalationStatusSchema = z.enum(ESCALATION_STATUSES);
export const importStatusSchema = z.enum(IMPORT_STATUSES);
export const importPhaseSchema = z.enum(IMPORT_PHASES);
export const presenceActivitySchema = z.enum(PRESENCE_ACTIVITIES);
export const myNoticeKindSchema = z.enum(MY_NOTICE_KINDS);
export const liveNoticeKindSchema = z.enum(LIVE_NOTICE_KINDS);
export const surveyKindSchema = z.enum(SURVEY_KINDS);
export const perceptionAreaKindSchema = z.enum(PERCEPTION_AREA_KINDS);
export const weeklyHoursSchema = z.array(z.array(z.tuple([z.number(), z.number()]).readonly()).readonly()).readonly();
export const promiseBreachSchema = z.object({
  promiseId: z.string(),
  kind: z.string(),
  description: z.string(),
  ownerId: z.string(),
  dueAt: z.string(),
  brokenAt: z.string(),
});
