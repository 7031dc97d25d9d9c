import { z } from 'zod';
import { customerListQuery, getCustomerDetail, listFlaggedCases, searchCustomers } from '../../views/index.ts';
import { computeServiceMetrics } from '../../metrics/index.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { requireStaff } from '../staff-auth.ts';
import { customerListPageSchema } from '../../contract/response-schemas/desk-find-types.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import { KeptError } from '../../errors/kept-error.ts';
import {
  customerDetailResponseSchema,
  serviceMetricsResponseSchema,
} from '../../contract/response-schemas/api-types.ts';
import { flaggedCaseListResponseSchema } from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

/** Customers, service-hell flags and the service metrics: reading, never writing. */
export function registerInsightRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Search customers',
        querystring: customerListQuery,
        response: { 200: customerListPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return searchCustomers(ctx.db, staff.workspaceId, request.query.q, request.query.limit);
    },
  );

  r.get(
    '/api/v1/customers/:id',
    {
      schema: {
        response: { 200: customerDetailResponseSchema, ...errorResponses(400, 401, 404) },
        tags: ['customers'],
        summary: 'A customer across every case and channel',
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return getCustomerDetail(ctx.db, staff.workspaceId, request.params.id, ctx.now());
    },
  );

  r.get(
    '/api/v1/flags',
    {
      schema: {
        response: { 200: flaggedCaseListResponseSchema, ...errorResponses(401) },
        tags: ['service-hell'],
        summary: 'Cases flagged by the service-hell detector, with reasons',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { cases: await listFlaggedCases(ctx.db, staff.workspaceId, ctx.now()) };
    },
  );

  r.get(
    '/api/v1/metrics/service',
    {
      schema: {
        response: { 200: serviceMetricsResponseSchema, ...errorResponses(400, 401) },
        tags: ['metrics'],
        summary: 'First response, waits, transfers, unanswered, escalations and hell flags for a period',
        querystring: z.strictObject({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const now = ctx.now();
      const to = request.query.to ? new Date(request.query.to) : now;
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * 86_400_000);
      if (from >= to) throw new KeptError('request.invalid', '"from" must be before "to"', { field: 'from' });
      await loadWorkspace(ctx.db, staff.workspaceId);
      return computeServiceMetrics(ctx.db, staff.workspaceId, from, to, now);
    },
  );
}
