import { z } from 'zod';
import {
  clvReport,
  cohortsReport,
  complaintRateReport,
  currencyCode,
  customerRisk,
  listAcquisitionCosts,
  listAtRisk,
  listLoyalCustomers,
  loadRetentionSettings,
  openRetentionCase,
  paretoReport,
  refreshEarlyChurn,
  refreshScores,
  repeatReport,
  replaceAcquisitionCosts,
  RISK_FACTORS,
  saveRetentionSettings,
  scheduleRetentionCall,
} from '../../retention/index.ts';
import { SUPERVISING_ROLES } from '../../kernel/domain-words.ts';
import { AT_RISK_SCOPES } from '../../contract/retention-types.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import { requireStaff } from '../staff-auth.ts';
import {
  atRiskResponseSchema,
  clvResponseSchema,
  cohortsResponseSchema,
  complaintRateResponseSchema,
  customerRiskViewSchema,
  loyalListResponseSchema,
  paretoResponseSchema,
  repeatResponseSchema,
  retentionSettingsViewSchema,
} from '../../contract/response-schemas/retention-types.ts';
import {
  clvFitSummaryViewSchema,
  retentionCallScheduledSchema,
  retentionCaseOpenedSchema,
} from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const ANALYSTS = SUPERVISING_ROLES;

/** Purchases in, and the retention figures out (issue 5): thin routes over src/retention/. */
export function registerRetentionRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/retention/repeat',
    {
      schema: {
        response: { 200: repeatResponseSchema, ...errorResponses(401) },
        tags: ['retention'],
        summary: 'First-time → repeat conversion by cohort, days to the second purchase, the loyal segment',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return repeatReport(ctx.db, staff.workspaceId);
    },
  );

  r.get(
    '/api/v1/retention/loyal',
    {
      schema: {
        response: { 200: loyalListResponseSchema, ...errorResponses(400, 401) },
        tags: ['retention'],
        summary: 'The loyal segment (repeat buyers), by revenue',
        querystring: z.strictObject(page),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return listLoyalCustomers(ctx.db, staff.workspaceId, request.query.limit, request.query.offset);
    },
  );

  r.get(
    '/api/v1/retention/cohorts',
    {
      schema: {
        response: { 200: cohortsResponseSchema, ...errorResponses(400, 401) },
        tags: ['retention'],
        summary:
          'Cohort retention matrix, early churn (90 days, first year; model or gap definition), yearly churn, by channel',
        querystring: z.strictObject({ definition: z.enum(['model', 'gap']).default('gap') }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return cohortsReport(ctx.db, staff.workspaceId, request.query.definition, ctx.now());
    },
  );

  r.get(
    '/api/v1/retention/pareto',
    {
      schema: {
        response: { 200: paretoResponseSchema, ...errorResponses(401) },
        tags: ['retention'],
        summary: 'Lorenz curves and Gini of revenue per customer and complaints per complainer',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return paretoReport(ctx.db, staff.workspaceId);
    },
  );

  r.get(
    '/api/v1/retention/complaint-rate',
    {
      schema: {
        response: { 200: complaintRateResponseSchema, ...errorResponses(400, 401) },
        tags: ['retention'],
        summary:
          'Complaints per 1,000 active customers per month, and by acquisition channel, product and case channel',
        querystring: z.strictObject({ months: z.coerce.number().int().min(1).max(120).default(24) }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return complaintRateReport(ctx.db, staff.workspaceId, ctx.now(), request.query.months);
    },
  );

  r.get(
    '/api/v1/retention/clv',
    {
      schema: {
        response: { 200: clvResponseSchema, ...errorResponses(401) },
        tags: ['retention'],
        summary: 'CLV models, distribution, good against bad service, CLV against acquisition cost',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return clvReport(ctx.db, staff.workspaceId);
    },
  );

  r.post(
    '/api/v1/retention/scores/refresh',
    {
      schema: {
        response: { 200: clvFitSummaryViewSchema, ...errorResponses(401, 403) },
        tags: ['retention'],
        summary: "Refit the models and recompute every customer's CLV and churn risk now",
      },
    },
    async (request) => {
      const staff = requireStaff(request, ANALYSTS);
      return refreshScores(ctx.db, staff.workspaceId, ctx.now());
    },
  );

  r.get(
    '/api/v1/retention/at-risk',
    {
      schema: {
        response: { 200: atRiskResponseSchema, ...errorResponses(400, 401) },
        tags: ['retention'],
        summary: 'Customers at risk of leaving, most value at risk (CLV × risk) first, with reasons',
        querystring: z.strictObject({
          ...page,
          minRisk: z.coerce.number().int().min(0).max(100).default(20),
          // 'service-only': customers at risk through service alone, who never bought
          scope: z.enum(AT_RISK_SCOPES).default('all'),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return listAtRisk(ctx.db, staff.workspaceId, request.query);
    },
  );

  r.get(
    '/api/v1/retention/customers/:id/risk',
    {
      schema: {
        response: { 200: customerRiskViewSchema, ...errorResponses(400, 401, 404) },
        tags: ['retention'],
        summary: "One customer's churn risk with its reasons, computed now",
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return customerRisk(ctx.db, staff.workspaceId, request.params.id, ctx.now());
    },
  );

  r.post(
    '/api/v1/retention/customers/:id/case',
    {
      schema: {
        response: { 201: retentionCaseOpenedSchema, ...errorResponses(400, 401, 404) },
        tags: ['retention'],
        summary: 'Open a case for a customer at risk, owned by you',
        params: idParam,
        body: z.strictObject({ subject: z.string().trim().min(1).max(200).optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const created = await openRetentionCase(ctx.db, {
        workspaceId: staff.workspaceId,
        customerId: request.params.id,
        actorUserId: staff.userId,
        now: ctx.now(),
        ...(request.body.subject ? { subject: request.body.subject } : {}),
      });
      return reply.status(201).send(created);
    },
  );

  r.post(
    '/api/v1/retention/customers/:id/call',
    {
      schema: {
        response: { 201: retentionCallScheduledSchema, ...errorResponses(400, 401, 404) },
        tags: ['retention'],
        summary: 'Schedule a call to a customer at risk (a task)',
        params: idParam,
        body: z.strictObject({ dueAt: z.iso.datetime({ offset: true }), assigneeId: z.uuid().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const task = await scheduleRetentionCall(ctx.db, {
        workspaceId: staff.workspaceId,
        customerId: request.params.id,
        assigneeId: request.body.assigneeId ?? staff.userId,
        actorUserId: staff.userId,
        dueAt: new Date(request.body.dueAt),
        now: ctx.now(),
      });
      return reply.status(201).send(task);
    },
  );

  r.get(
    '/api/v1/retention/settings',
    {
      schema: {
        response: { 200: retentionSettingsViewSchema, ...errorResponses(401) },
        tags: ['retention'],
        summary: 'Risk weights, churn definitions and acquisition costs',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return {
        ...(await loadRetentionSettings(ctx.db, staff.workspaceId)),
        acquisitionCosts: await listAcquisitionCosts(ctx.db, staff.workspaceId),
      };
    },
  );

  r.put(
    '/api/v1/retention/settings',
    {
      schema: {
        response: { 200: retentionSettingsViewSchema, ...errorResponses(400, 401, 403) },
        tags: ['retention'],
        summary: 'Change risk weights, churn definitions or acquisition costs (admin)',
        body: z.strictObject({
          riskWeights: z
            .strictObject(
              Object.fromEntries(RISK_FACTORS.map((f) => [f, z.number().min(0).max(100).optional()])) as Record<
                (typeof RISK_FACTORS)[number],
                z.ZodOptional<z.ZodNumber>
              >,
            )
            .optional(),
          churnGapMultiple: z.number().min(1).max(10).optional(),
          aliveThreshold: z.number().min(0.01).max(0.99).optional(),
          model: z.enum(['pareto-nbd', 'bgnbd']).optional(),
          horizonDays: z.number().int().min(30).max(3650).optional(),
          annualDiscountRate: z.number().min(0).max(1).optional(),
          currency: currencyCode().optional(),
          acquisitionCosts: z
            .array(z.strictObject({ channel: z.string().trim().max(100), costPerCustomer: z.number().min(0).max(1e9) }))
            .max(200)
            .optional(),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      const { acquisitionCosts, riskWeights, ...rest } = request.body;
      const changes = {
        ...rest,
        ...(riskWeights
          ? { riskWeights: Object.fromEntries(Object.entries(riskWeights).filter(([, v]) => v !== undefined)) }
          : {}),
      };
      const settings = await saveRetentionSettings(ctx.db, staff.workspaceId, changes as never, ctx.now());
      if (acquisitionCosts) await replaceAcquisitionCosts(ctx.db, staff.workspaceId, acquisitionCosts, ctx.now());
      // The early-churn figures depend on k and the threshold.
      await refreshEarlyChurn(ctx.db, staff.workspaceId, ctx.now(), settings);
      return { ...settings, acquisitionCosts: await listAcquisitionCosts(ctx.db, staff.workspaceId) };
    },
  );
}
