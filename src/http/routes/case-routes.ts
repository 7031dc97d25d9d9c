import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addInternalNote,
  changeCaseStatus,
  escalateCase,
  handOffCase,
  makeQuotedPromise,
  PROMISE_KINDS,
  receiveCustomerMessage,
  recordStaffContact,
  requireCase,
  sendAnswer,
} from '../../desk/index.ts';
import {
  CASE_VIEWS,
  caseListQuery,
  dropUndefined,
  getCaseDetail,
  listCases,
  listUnanswered,
  loadStaffNames,
  presentEscalation,
  presentPromise,
} from '../../views/index.ts';
import { CASE_STATUSES, LOGGED_CHANNELS } from '../../kernel/domain-words.ts';
import { caseListPageSchema } from '../../contract/response-schemas/desk-find-types.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { CHANNELS } from '../../events/event-types.ts';
import { sendAnswerWithAttachments } from '../../email/index.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { requireStaff } from '../staff-auth.ts';
import {
  attachments,
  FILES_BODY_LIMIT,
  idParam,
  languageCode,
  longText,
  type RouteDeps,
  shortText,
  typed,
} from '../route-kit.ts';
import {
  caseDetailResponseSchema,
  escalationViewSchema,
  unansweredResponseSchema,
} from '../../contract/response-schemas/api-types.ts';
import { madePromiseResponseSchema } from '../../contract/response-schemas/promise-api-types.ts';
import {
  caseIntakeResponseSchema,
  messageAddedResponseSchema,
} from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

const channel = z.enum(CHANNELS);

/**
 * Integrations that only record contacts send `Prefer: return=minimal` (RFC 7240) and get the
 * ids back instead of the whole case, which costs more to build than the write itself.
 */
function wantsMinimal(request: FastifyRequest): boolean {
  return /\breturn=minimal\b/i.test(String(request.headers.prefer ?? ''));
}

export function registerCaseRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);
  const detail = (workspaceId: string, caseId: string) => getCaseDetail(ctx.db, workspaceId, caseId, ctx.now());

  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Case lists (mine, unassigned, open, escalated, flagged, all), searched, filtered and sorted',
        querystring: caseListQuery,
        response: { 200: caseListPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const { q, ...filters } = dropUndefined(request.query);
      return listCases(
        ctx.db,
        { ...filters, workspaceId: staff.workspaceId, userId: staff.userId, ...(q ? { query: q } : {}) },
        ctx.now(),
      );
    },
  );

  r.get(
    '/api/v1/queues/unanswered',
    {
      schema: {
        response: { 200: unansweredResponseSchema, ...errorResponses(400, 401) },
        tags: ['cases'],
        summary: 'Every customer message not yet answered, oldest first',
        querystring: z.strictObject({
          mine: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return listUnanswered(ctx.db, {
        workspaceId: staff.workspaceId,
        ...(request.query.mine === 'true' ? { ownerId: staff.userId } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      });
    },
  );

  r.post(
    '/api/v1/cases',
    {
      schema: {
        response: { 201: caseIntakeResponseSchema, ...errorResponses(400, 401, 404, 409, 422) },
        tags: ['cases'],
        summary:
          "Record an inbound contact: a logged call, voicemail, letter or fax goes to the customer's open case " +
          'unless newTopic; otherwise a new case (intake assigns an owner and acknowledges)',
        body: z.strictObject({
          customer: z
            .strictObject({
              name: shortText(200),
              email: z.email().max(254).optional(),
              phone: z.string().trim().max(40).optional(),
              language: languageCode.optional(),
            })
            .optional(),
          customerId: z.uuid().optional(),
          channel,
          subject: shortText(200).optional(),
          body: longText(),
          newTopic: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { customer, customerId } = request.body;
      if (!customer && !customerId)
        throw new KeptError('request.invalid', 'Give either "customer" or "customerId"', { field: 'customer' });
      const result = await recordStaffContact(ctx, {
        workspaceId: staff.workspaceId,
        customer: customerId ? { id: customerId } : customer!,
        channel: request.body.channel,
        ...(request.body.subject ? { subject: request.body.subject } : {}),
        body: request.body.body,
        loggedByUserId: LOGGED_CHANNELS.includes(request.body.channel) ? staff.userId : null,
        newTopic: request.body.newTopic,
      });
      if (wantsMinimal(request)) {
        return reply.status(201).send({
          caseId: result.caseRow.id,
          reference: result.reference,
          messageId: result.messageId,
          acknowledged: result.acknowledgement !== null,
        });
      }
      return reply.status(201).send(await detail(staff.workspaceId, result.caseRow.id));
    },
  );

  r.get(
    '/api/v1/cases/:id',
    {
      schema: {
        response: { 200: caseDetailResponseSchema, ...errorResponses(400, 401, 404) },
        tags: ['cases'],
        summary: 'A case with its whole timeline',
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return detail(staff.workspaceId, request.params.id);
    },
  );

  r.post(
    '/api/v1/cases/:id/messages',
    {
      bodyLimit: FILES_BODY_LIMIT,
      schema: {
        response: { 201: messageAddedResponseSchema, ...errorResponses(400, 401, 404, 409, 413, 415) },
        tags: ['cases'],
        summary:
          'Reply (resolve: true also resolves the case; attachments go out with an e-mail reply), add an internal ' +
          'note, or log a call, voicemail, letter or fax (inbound or outbound)',
        params: idParam,
        body: z.strictObject({
          direction: z.enum(['inbound', 'outbound']),
          channel,
          body: longText(),
          internal: z.boolean().default(false),
          resolve: z.boolean().default(false),
          attachments,
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { direction, internal, body, resolve, attachments: files } = request.body;
      const caseId = request.params.id;
      if (files.length > 0 && (internal || direction !== 'outbound'))
        throw new KeptError('request.invalid', 'Files go with an answer to the customer', { field: 'attachments' });
      if (resolve && (internal || direction !== 'outbound'))
        throw new KeptError('request.invalid', 'Only an answer to the customer can resolve the case', {
          field: 'resolve',
        });
      let messageId: string;
      if (internal) {
        messageId = (
          await addInternalNote(ctx, { workspaceId: staff.workspaceId, caseId, authorUserId: staff.userId, body })
        ).id;
      } else if (direction === 'outbound') {
        messageId = (
          await sendAnswerWithAttachments(
            ctx,
            {
              workspaceId: staff.workspaceId,
              caseId,
              authorUserId: staff.userId,
              channel: request.body.channel,
              body,
              resolve,
            },
            files,
          )
        ).id;
      } else {
        const received = await receiveCustomerMessage(ctx, {
          workspaceId: staff.workspaceId,
          caseId,
          channel: request.body.channel,
          body,
          loggedByUserId: staff.userId,
        });
        messageId = received.messageId;
      }
      if (wantsMinimal(request)) return reply.status(201).send({ caseId, messageId });
      return reply.status(201).send(await detail(staff.workspaceId, caseId));
    },
  );

  r.post(
    '/api/v1/cases/:id/handoffs',
    {
      schema: {
        response: { 200: caseDetailResponseSchema, ...errorResponses(400, 401, 404, 422) },
        tags: ['cases'],
        summary: 'Hand the case to a named person, with a reason',
        params: idParam,
        body: z.strictObject({ toUserId: z.uuid(), reason: shortText(500) }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      await handOffCase(ctx, {
        workspaceId: staff.workspaceId,
        caseId: request.params.id,
        actorUserId: staff.userId,
        ...request.body,
      });
      return detail(staff.workspaceId, request.params.id);
    },
  );

  r.post(
    '/api/v1/cases/:id/transitions',
    {
      schema: {
        response: { 200: caseDetailResponseSchema, ...errorResponses(400, 401, 404, 409) },
        tags: ['cases'],
        summary: 'Move the case to another status (only allowed transitions)',
        params: idParam,
        body: z.strictObject({ to: z.enum(CASE_STATUSES) }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      await changeCaseStatus(ctx, {
        workspaceId: staff.workspaceId,
        caseId: request.params.id,
        actorUserId: staff.userId,
        to: request.body.to,
      });
      return detail(staff.workspaceId, request.params.id);
    },
  );

  r.post(
    '/api/v1/cases/:id/promises',
    {
      schema: {
        response: { 201: madePromiseResponseSchema, ...errorResponses(400, 401, 404, 409, 422) },
        tags: ['promises'],
        summary:
          'Record a commitment to the customer; faster than measured capability needs confirmOverPromise (422 promise.over_promise otherwise)',
        params: idParam,
        body: z.strictObject({
          kind: z.enum(PROMISE_KINDS),
          channel,
          dueAt: z.iso.datetime({ offset: true }),
          description: shortText(500),
          ownerId: z.uuid().optional(),
          confirmOverPromise: z.boolean().optional(),
          phrase: z.string().trim().max(500).optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const current = await detail(staff.workspaceId, request.params.id);
      const made = await makeQuotedPromise(ctx, {
        workspaceId: staff.workspaceId,
        caseRow: await requireCase(ctx.db, staff.workspaceId, current.case.id),
        ownerId: request.body.ownerId ?? current.case.owner?.id ?? staff.userId,
        kind: request.body.kind,
        channel: request.body.channel,
        description: request.body.description,
        dueAt: new Date(request.body.dueAt),
        actorUserId: staff.userId,
        confirmOverPromise: request.body.confirmOverPromise === true,
        ...(request.body.phrase ? { phrase: request.body.phrase } : {}),
      });
      const nameOf = await loadStaffNames(ctx.db, staff.workspaceId);
      return reply.status(201).send({
        ...presentPromise(made.promise, Number(current.case.reference.slice(2)), nameOf),
        warning: made.warning,
        quote: made.quote,
      });
    },
  );

  r.post(
    '/api/v1/cases/:id/escalations',
    {
      schema: {
        response: { 201: escalationViewSchema, ...errorResponses(400, 401, 404, 409) },
        tags: ['escalations'],
        summary: 'Escalate the case to a supervisor',
        params: idParam,
        body: z.strictObject({ reason: shortText(1000) }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const current = await detail(staff.workspaceId, request.params.id);
      const workspace = await loadWorkspace(ctx.db, staff.workspaceId);
      const { escalation } = await escalateCase(ctx, {
        workspaceId: staff.workspaceId,
        caseId: current.case.id,
        customerId: current.customer.id,
        via: 'agent',
        reason: request.body.reason,
        actorUserId: staff.userId,
        deadlineMinutes: workspace.settings.escalationDeadlineMinutes,
      });
      const nameOf = await loadStaffNames(ctx.db, staff.workspaceId);
      const caseInfo = {
        number: Number(current.case.reference.slice(2)),
        customerId: current.customer.id,
        customerName: current.customer.name,
      };
      return reply.status(201).send(presentEscalation(escalation, caseInfo, nameOf, ctx.now()));
    },
  );
}
