import { z } from 'zod';
import { escalateCase, EXPECTATION_CHOICES, receiveCustomerMessage, recordExpectation } from '../../desk/index.ts';
import { receiveWithAttachments } from '../../email/index.ts';
import {
  getPortalSession,
  loadPortalCase,
  reachAHuman,
  verifyPortalSession,
  workspaceBySlug,
} from '../../views/index.ts';
import { signPortalToken } from '../../portal/index.ts';
import { CUSTOMER_TEXT } from '../request-text.ts';
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
  portalCaseViewSchema,
  portalInfoResponseSchema,
  portalRequestCreatedSchema,
  portalSessionResponseSchema,
} from '../../contract/response-schemas/api-types.ts';
import { errorResponses } from '../route-responses.ts';

const tokenParam = z.strictObject({ token: z.string().min(10).max(400) });
const slugParam = z.strictObject({ slug: z.string().min(1).max(60) });

/** The customer's side: no password, a signed link; always a way to reach a human. */
export function registerPortalRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/portal/:slug/info',
    {
      schema: {
        response: { 200: portalInfoResponseSchema, ...errorResponses(400, 404) },
        tags: ['portal'],
        summary: 'Portal header: the company and how to reach a human',
        params: slugParam,
      },
    },
    async (request) => {
      const workspace = await workspaceBySlug(ctx.db, request.params.slug);
      return { workspaceName: workspace.name, reachAHuman: reachAHuman(workspace) };
    },
  );

  r.post(
    '/api/v1/portal/:slug/requests',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' }, ...CUSTOMER_TEXT },
      bodyLimit: FILES_BODY_LIMIT,
      schema: {
        response: { 201: portalRequestCreatedSchema, ...errorResponses(400, 404, 413, 415, 429) },
        tags: ['portal'],
        summary: 'A customer writes a new request; the answer is the acknowledgement with a reference and a time',
        params: slugParam,
        body: z.strictObject({
          name: shortText(200),
          email: z.email().max(254),
          subject: shortText(200).optional(),
          body: longText(),
          language: languageCode.optional(),
          // Issue 4 (K16): "by when do you expect an answer?" — optional, a choice or an exact time.
          expectation: z.enum(EXPECTATION_CHOICES).optional(),
          expectedBy: z.iso.datetime({ offset: true }).optional(),
          attachments,
        }),
      },
    },
    async (request, reply) => {
      const workspace = await workspaceBySlug(ctx.db, request.params.slug);
      const { name, email, subject, body, language } = request.body;
      const result = await receiveWithAttachments(
        ctx,
        {
          workspaceId: workspace.id,
          customer: { name, email, language: language ?? null },
          channel: 'portal',
          ...(subject ? { subject } : {}),
          body,
        },
        request.body.attachments,
      );
      if (request.body.expectation || request.body.expectedBy) {
        await recordExpectation(ctx.db, {
          workspaceId: workspace.id,
          caseId: result.caseRow.id,
          ...(request.body.expectation ? { choice: request.body.expectation } : {}),
          ...(request.body.expectedBy ? { expectedBy: new Date(request.body.expectedBy) } : {}),
          source: 'portal_form',
          now: ctx.now(),
          timeZone: workspace.timeZone,
        });
      }
      return reply.status(201).send({
        reference: result.reference,
        promisedBy:
          (await loadPortalCase(ctx.db, workspace.id, result.customer.id, result.caseRow.id)).promisedBy ?? '',
        acknowledgement: result.acknowledgement?.text ?? '',
        portalToken: signPortalToken(workspace, result.customer.id),
      });
    },
  );

  r.get(
    '/api/v1/portal/session/:token',
    {
      schema: {
        response: { 200: portalSessionResponseSchema, ...errorResponses(400, 401) },
        tags: ['portal'],
        summary: 'All of the customer’s requests',
        params: tokenParam,
      },
    },
    async (request) => {
      return getPortalSession(ctx.db, request.params.token, ctx.now());
    },
  );

  const caseParams = tokenParam.extend({ caseId: idParam.shape.id });

  r.post(
    '/api/v1/portal/session/:token/cases/:caseId/messages',
    {
      config: CUSTOMER_TEXT,
      bodyLimit: FILES_BODY_LIMIT,
      schema: {
        response: { 201: portalCaseViewSchema, ...errorResponses(400, 401, 404) },
        tags: ['portal'],
        summary: 'The customer adds to a request, with up to 3 files (4 MB each, 8 MB together; no programs or pages)',
        params: caseParams,
        body: z.strictObject({ body: longText(), attachments }),
      },
    },
    async (request, reply) => {
      const { workspace, customer } = await verifyPortalSession(ctx.db, request.params.token);
      await loadPortalCase(ctx.db, workspace.id, customer.id, request.params.caseId);
      await receiveWithAttachments(
        ctx,
        {
          workspaceId: workspace.id,
          caseId: request.params.caseId,
          customer: { id: customer.id },
          channel: 'portal',
          body: request.body.body,
        },
        request.body.attachments,
      );
      return reply.status(201).send(await loadPortalCase(ctx.db, workspace.id, customer.id, request.params.caseId));
    },
  );

  r.post(
    '/api/v1/portal/session/:token/cases/:caseId/supervisor',
    {
      config: CUSTOMER_TEXT,
      schema: {
        response: { 201: portalCaseViewSchema, ...errorResponses(400, 401, 404, 409, 413, 415) },
        tags: ['portal'],
        summary: '"I want to talk to a supervisor"',
        params: caseParams,
        body: z.strictObject({ reason: z.string().trim().max(2000).optional() }).optional(),
      },
    },
    async (request, reply) => {
      const { workspace, customer } = await verifyPortalSession(ctx.db, request.params.token);
      await loadPortalCase(ctx.db, workspace.id, customer.id, request.params.caseId);
      await escalateCase(ctx, {
        workspaceId: workspace.id,
        caseId: request.params.caseId,
        customerId: customer.id,
        via: 'portal',
        reason: request.body?.reason?.trim() ?? '',
        actorUserId: null,
        deadlineMinutes: workspace.settings.escalationDeadlineMinutes,
      });
      return reply.status(201).send(await loadPortalCase(ctx.db, workspace.id, customer.id, request.params.caseId));
    },
  );
}
