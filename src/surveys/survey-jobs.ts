import { defineJob } from '../kernel/job-definition.ts';
import { SURVEY_JOB } from '../kernel/job-names.ts';
import { planSurveysAfterResolution } from './plan-survey.ts';
import { sendSurvey } from './send-survey.ts';

// Both handlers are safe to run twice: planning inserts under a unique key, sending locks the
// survey row and does nothing once it is no longer scheduled.
export const SURVEY_JOB_DEFINITIONS = [
  defineJob(SURVEY_JOB.planAfterResolution, (ctx, payload) => planSurveysAfterResolution(ctx, payload)),
  defineJob(SURVEY_JOB.send, (ctx, payload) => sendSurvey(ctx, payload)),
];
