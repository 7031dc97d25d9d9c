import { z } from 'zod';
import { escalationView, listEscalations, listPromises, listTasks, promiseView } from '../../views/index.ts';
import { answerEscalation, closeEscalation, completeTask, keepPromise, renegotiatePromise } from '../../desk/index.ts';
import { ESCALATION_STATUSES, PROMISE_STATUSES } from '../../kernel/domain-words.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, longText, typed, type RouteDeps } from '../route-kit.ts';
import { escalationViewSchema, promiseViewSchema } from '../../contract/response-schemas/api-types.ts';
import {
  escalationListResponseSchema,
  promiseListResponseSchema,
  taskDoneResponseSchema,
  taskListResponseSchema,
} from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

/** Promises, escalations and tasks: the commitments Kept holds people to. */
export function registerCommitmentRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/promises',
    {
      schema: {
        response: { 200: promiseListResponseSchema, ...errorResponses(400, 401) },
        tags: ['promises'],
        summary: 'The promise ledger',
        querystring: z.strictObject({
          status: z.enum(PROMISE_STATUSES).optional(),
          mine: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return {
        promises: await listPromises(ctx.db, {
          workspaceId: staff.workspaceId,
          ...(request.query.status ? { status: request.query.status } : {}),
          ...(request.query.mine === 'true' ? { ownerId: staff.userId } : {}),
        }),
      };
    },
  );

  r.post(
    '/api/v1/promises/:id/keep',
    {
      schema: {
        response: { 200: promiseViewSchema, ...errorResponses(400, 401, 404, 409) },
        tags: ['promises'],
        summary: 'Mark a promise kept',
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const promise = await keepPromise(ctx, {
        workspaceId: staff.workspaceId,
        promiseId: request.params.id,
        actorUserId: staff.userId,
      });
      return promiseView(ctx.db, staff.workspaceId, promise);
    },
  );

  r.post(
    '/api/v1/promises/:id/renegotiate',
    {
      schema: {
        response: { 200: promiseViewSchema, ...errorResponses(400, 401, 404, 409, 422) },
        tags: ['promises'],
        summary: 'Move a promise to a new time, telling the customer (the message is required)',
        params: idParam,
        body: z.strictObject({ dueAt: z.iso.datetime({ offset: true }), messageToCustomer: longText(5000) }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const promise = await renegotiatePromise(ctx, {
        workspaceId: staff.workspaceId,
        promiseId: request.params.id,
        actorUserId: staff.userId,
        dueAt: new Date(request.body.dueAt),
        messageToCustomer: request.body.messageToCustomer,
      });
      return promiseView(ctx.db, staff.workspaceId, promise);
    },
  );

  r.get(
    '/api/v1/escalations',
    {
      schema: {
        response: { 200: escalationListResponseSchema, ...errorResponses(400, 401) },
        tags: ['escalations'],
        summary: 'Escalations with their deadlines',
        querystring: z.strictObject({ status: z.enum(ESCALATION_STATUSES).optional() }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return {
        escalations: await listEscalations(
          ctx.db,
          { workspaceId: staff.workspaceId, ...(request.query.status ? { status: request.query.status } : {}) },
          ctx.now(),
        ),
      };
    },
  );

  r.post(
    '/api/v1/escalations/:id/answer',
    {
      schema: {
        response: { 200: escalationViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['escalations'],
        summary: 'A supervisor answers the customer',
        params: idParam,
        body: z.strictObject({ body: longText() }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const row = await answerEscalation(ctx, {
        workspaceId: staff.workspaceId,
        escalationId: request.params.id,
        supervisorId: staff.userId,
        supervisorRole: staff.role,
        body: request.body.body,
      });
      return escalationView(ctx.db, staff.workspaceId, row, ctx.now());
    },
  );

  r.post(
    '/api/v1/escalations/:id/close',
    {
      schema: {
        response: { 200: escalationViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['escalations'],
        summary: 'Close an answered escalation',
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const row = await closeEscalation(ctx, {
        workspaceId: staff.workspaceId,
        escalationId: request.params.id,
        actorUserId: staff.userId,
        actorRole: staff.role,
      });
      return escalationView(ctx.db, staff.workspaceId, row, ctx.now());
    },
  );

  r.get(
    '/api/v1/tasks',
    {
      schema: {
        response: { 200: taskListResponseSchema, ...errorResponses(400, 401) },
        tags: ['tasks'],
        summary: 'Open tasks (follow-ups, callbacks, overdue escalations)',
        querystring: z.strictObject({ mine: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return {
        tasks: await listTasks(ctx.db, {
          workspaceId: staff.workspaceId,
          ...(request.query.mine === 'true' ? { assigneeId: staff.userId } : {}),
        }),
      };
    },
  );

  r.post(
    '/api/v1/tasks/:id/done',
    {
      schema: {
        response: { 200: taskDoneResponseSchema, ...errorResponses(400, 401, 404) },
        tags: ['tasks'],
        summary: 'Mark a task done',
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const row = await completeTask(ctx.db, {
        workspaceId: staff.workspaceId,
        taskId: request.params.id,
        actorUserId: staff.userId,
        now: ctx.now(),
      });
      return { id: row.id, doneAt: row.doneAt?.toISOString() ?? null };
    },
  );
}
