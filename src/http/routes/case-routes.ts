import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changeCaseStatus } from '../../desk/index.ts';
import { CASE_STATUSES } from '../../kernel/domain-words.ts';
import { getCaseDetail } from '../../views/index.ts';
import { handOffCase } from '../../desk/index.ts';
import { listCases } from '../../views/index.ts';
import { caseListPageSchema } from '../../contract/response-schemas/desk-find-types.ts';
import { caseListQuery, dropUndefined } from './case-list-query.ts';
import { receiveCustomerMessage } from '../../desk/index.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { escalateCase } from '../../desk/index.ts';
import { CHANNELS } from '../../events/event-types.ts';
import { addInternalNote, sendAnswer } from '../../desk/index.ts';
import { listUnanswered } from '../../views/index.ts';
import { makeQuotedPromise } from '../../desk/index.ts';
import { requireCase } from '../../desk/index.ts';
import { PROMISE_KINDS } from '../../desk/index.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { presentPromise } from '../../views/index.ts';
import { presentEscalation } from '../../views/index.ts';
import { loadStaffNames } from '../../views/index.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, languageCode, longText, shortText, typed, type RouteDeps } from '../route-kit.ts';

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
        response: { 200: caseListPageSchema },
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
        tags: ['cases'],
        summary: 'Record an inbound contact as a new case (intake assigns an owner and acknowledges)',
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
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { customer, customerId } = request.body;
      if (!customer && !customerId)
        throw new KeptError('request.invalid', 'Give either "customer" or "customerId"', { field: 'customer' });
      const result = await receiveCustomerMessage(ctx, {
        workspaceId: staff.workspaceId,
        customer: customerId ? { id: customerId } : customer!,
        channel: request.body.channel,
        ...(request.body.subject ? { subject: request.body.subject } : {}),
        body: request.body.body,
        loggedByUserId:
          request.body.channel === 'phone' ||
          request.body.channel === 'letter' ||
          request.body.channel === 'fax' ||
          request.body.channel === 'voicemail'
            ? staff.userId
            : null,
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
    { schema: { tags: ['cases'], summary: 'A case with its whole timeline', params: idParam } },
    async (request) => {
      const staff = requireStaff(request);
      return detail(staff.workspaceId, request.params.id);
    },
  );

  r.post(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags: ['cases'],
        summary: 'Reply, add an internal note, or log a call, voicemail, letter or fax (inbound or outbound)',
        params: idParam,
        body: z.strictObject({
          direction: z.enum(['inbound', 'outbound']),
          channel,
          body: longText(),
          internal: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { direction, internal, body } = request.body;
      const caseId = request.params.id;
      let messageId: string;
      if (internal) {
        messageId = (
          await addInternalNote(ctx, { workspaceId: staff.workspaceId, caseId, authorUserId: staff.userId, body })
        ).id;
      } else if (direction === 'outbound') {
        messageId = (
          await sendAnswer(ctx, {
            workspaceId: staff.workspaceId,
            caseId,
            authorUserId: staff.userId,
            channel: request.body.channel,
            body,
          })
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
