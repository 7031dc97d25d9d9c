import { z } from 'zod';
import {
  consistencyResponseSchema,
  perceptionGapResponseSchema,
  surveyPageResponseSchema,
  surveyReportResponseSchema,
  surveySettingsViewSchema,
} from '../../contract/response-schemas/survey-types.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { PERCEPTION_AREA_KINDS, SUPERVISING_ROLES } from '../../kernel/domain-words.ts';
import {
  answerSurvey,
  consistencyReport,
  loadSurveySettings,
  optOutOfSurveys,
  perceptionGap,
  quarterOf,
  recordPerceptionRating,
  SURVEY_GROUPINGS,
  surveyPage,
  surveyReport,
  updateSurveySettings,
} from '../../surveys/index.ts';
import { CUSTOMER_TEXT } from '../request-text.ts';
import { requireStaff } from '../staff-auth.ts';
import { typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses } from '../route-responses.ts';

const tokenParam = z.strictObject({ token: z.string().min(10).max(400) });
const period = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4');

/** [from, to): by default the last 90 days; "from" after "to" is a 400 naming it. */
function range(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * 86_400_000);
  if (from >= to) throw new KeptError('request.invalid', '"from" must be before "to"', { field: 'from' });
  return { from, to };
}

/** Surveys (issue 15): the customer's answer page (signed link, no login), reports and settings for staff. */
export function registerSurveyRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/portal/survey/:token',
    {
      schema: {
        tags: ['portal'],
        summary: 'The survey a one-click link names (no login)',
        params: tokenParam,
        response: { 200: surveyPageResponseSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => surveyPage(ctx.db, request.params.token),
  );

  r.post(
    '/api/v1/portal/survey/:token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' }, ...CUSTOMER_TEXT },
      schema: {
        tags: ['portal'],
        summary: 'The customer answers: a score (1–5, NPS 0–10), effort 1–7 where asked, an optional comment',
        params: tokenParam,
        body: z.strictObject({
          score: z.number().int(),
          effort: z.number().int().optional(),
          comment: z.string().max(2000).optional(),
        }),
        response: { 200: surveyPageResponseSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => answerSurvey(ctx, request.params.token, request.body),
  );

  r.post(
    '/api/v1/portal/survey/:token/opt-out',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: 'The customer asks for no more surveys',
        params: tokenParam,
        response: { 200: surveyPageResponseSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => optOutOfSurveys(ctx.db, request.params.token),
  );

  r.get(
    '/api/v1/surveys/report',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Response rate, scores and comments per team, person, channel, language, kind and month; NPS; expectations met',
        querystring: period,
        response: { 200: surveyReportResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const now = ctx.now();
      return surveyReport(ctx.db, { workspaceId: staff.workspaceId, ...range(request.query, now), now });
    },
  );

  r.get(
    '/api/v1/surveys/consistency',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Spread of satisfaction per group (sd, IQR, share of 1–2, intervals), least consistent named',
        querystring: period.extend({ by: z.enum(SURVEY_GROUPINGS).default('owner') }),
        response: { 200: consistencyResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return consistencyReport(ctx.db, {
        workspaceId: staff.workspaceId,
        ...range(request.query, ctx.now()),
        by: request.query.by,
      });
    },
  );

  r.get(
    '/api/v1/surveys/perception',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The perception gap: managers’ ratings per area beside customers’ answers, with the trend',
        querystring: z.strictObject({ period: quarter.optional() }),
        response: { 200: perceptionGapResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return perceptionGap(ctx.db, {
        workspaceId: staff.workspaceId,
        period: request.query.period ?? quarterOf(ctx.now()),
      });
    },
  );

  r.put(
    '/api/v1/surveys/perception',
    {
      schema: {
        tags: ['surveys'],
        summary: 'A manager records how good the service of an area is believed to be (1–5) for a quarter',
        body: z.strictObject({
          period: quarter,
          areaKind: z.enum(PERCEPTION_AREA_KINDS),
          areaKey: z.string().trim().max(120).default(''),
          rating: z.number().int().min(1).max(5),
        }),
        response: { 200: perceptionGapResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const staff = requireStaff(request, SUPERVISING_ROLES);
      const { areaKind, areaKey } = request.body;
      if (areaKind !== 'overall' && !areaKey)
        throw new KeptError('request.invalid', 'Name the team, channel or touchpoint', { field: 'areaKey' });
      await recordPerceptionRating(ctx.db, {
        workspaceId: staff.workspaceId,
        ...request.body,
        userId: staff.userId,
        now: ctx.now(),
      });
      return perceptionGap(ctx.db, { workspaceId: staff.workspaceId, period: request.body.period });
    },
  );

  r.get(
    '/api/v1/surveys/settings',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Survey settings',
        response: { 200: surveySettingsViewSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => loadSurveySettings(ctx.db, requireStaff(request).workspaceId),
  );

  r.put(
    '/api/v1/surveys/settings',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Survey settings (admin): delay in business minutes, effort question, throttle, NPS interval',
        body: z.strictObject({
          enabled: z.boolean(),
          delayBusinessMinutes: z
            .number()
            .int()
            .min(0)
            .max(30 * 24 * 60),
          askEffort: z.boolean(),
          throttleDays: z.number().int().min(0).max(365),
          npsIntervalDays: z.number().int().min(0).max(730),
          emailPortalSurveys: z.boolean().optional(),
        }),
        response: { 200: surveySettingsViewSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return updateSurveySettings(ctx.db, staff.workspaceId, request.body, ctx.now());
    },
  );
}
