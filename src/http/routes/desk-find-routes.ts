// Finding and sorting work (issue 16): a case's priority and tags, and bulk changes from a queue.
import { z } from 'zod';
import { BULK_CASES_MAX, bulkChangeCases, labelCase, TAG_LIMITS } from '../../desk/index.ts';
import { CASE_PRIORITIES, CASE_STATUSES } from '../../kernel/domain-words.ts';
import { getCaseDetail } from '../../views/index.ts';
import { caseDetailResponseSchema } from '../../contract/response-schemas/api-types.ts';
import { bulkChangeResponseSchema } from '../../contract/response-schemas/desk-find-types.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses } from '../route-responses.ts';

const labels = z
  .strictObject({
    priority: z.enum(CASE_PRIORITIES).optional(),
    tags: z.array(z.string().trim().min(1, 'must not be empty').max(TAG_LIMITS.chars)).max(TAG_LIMITS.count).optional(),
  })
  .refine((body) => body.priority !== undefined || body.tags !== undefined, {
    message: 'give a priority or tags',
    path: ['priority'],
  });

// One message for the list, naming `caseIds` (not `caseIds.3`): the whole request is refused anyway.
const caseIds = z
  .array(z.string())
  .min(1)
  .max(BULK_CASES_MAX)
  .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), 'must be case ids (UUID)');

export function registerDeskFindRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Set the case’s priority and/or tags (each change an event)',
        params: idParam,
        body: labels,
        response: { 200: caseDetailResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      await labelCase(ctx, {
        workspaceId: staff.workspaceId,
        caseId: request.params.id,
        actorUserId: staff.userId,
        ...(request.body.priority ? { priority: request.body.priority } : {}),
        ...(request.body.tags ? { tags: request.body.tags } : {}),
      });
      return getCaseDetail(ctx.db, staff.workspaceId, request.params.id, ctx.now());
    },
  );

  r.post(
    '/api/v1/cases/bulk/status',
    {
      schema: {
        tags: ['cases'],
        summary: 'Move many cases to a status, each through the transition table',
        body: z.strictObject({ caseIds, status: z.enum(CASE_STATUSES) }),
        response: { 200: bulkChangeResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return bulkChangeCases(ctx, {
        workspaceId: staff.workspaceId,
        actorUserId: staff.userId,
        caseIds: request.body.caseIds,
        change: { status: request.body.status },
      });
    },
  );

  r.post(
    '/api/v1/cases/bulk/owner',
    {
      schema: {
        tags: ['cases'],
        summary: 'Hand many cases to one person, with a reason (a handoff each)',
        body: z.strictObject({ caseIds, ownerId: z.uuid({ message: 'must be an id (UUID)' }), reason: shortText(500) }),
        response: { 200: bulkChangeResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const { ownerId, reason } = request.body;
      return bulkChangeCases(ctx, {
        workspaceId: staff.workspaceId,
        actorUserId: staff.userId,
        caseIds: request.body.caseIds,
        change: { ownerId, reason },
      });
    },
  );
}
