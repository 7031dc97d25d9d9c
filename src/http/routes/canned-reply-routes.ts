import { z } from 'zod';
import {
  createCannedReply,
  deleteCannedReply,
  MAX_CANNED_REPLY_LENGTH,
  updateCannedReply,
  type CannedReplyAuthor,
} from '../../desk/index.ts';
import { cannedRepliesForCase, listCannedReplies, presentCannedReply } from '../../views/index.ts';
import {
  cannedReplyListResponseSchema,
  cannedReplyViewSchema,
  caseCannedRepliesResponseSchema,
} from '../../contract/response-schemas/canned-reply-types.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, languageCode, longText, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses, noContent } from '../route-responses.ts';

const replyBody = z.strictObject({
  title: shortText(120),
  body: longText(MAX_CANNED_REPLY_LENGTH),
  language: languageCode,
  shared: z.boolean().default(false),
});

/** Canned replies (issue 16): shared by supervisors and admins, personal for anyone; filled in per case. */
export function registerCannedReplyRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);
  const authorOf = (request: Parameters<typeof requireStaff>[0]): CannedReplyAuthor => {
    const staff = requireStaff(request);
    return { workspaceId: staff.workspaceId, userId: staff.userId, role: staff.role };
  };

  r.get(
    '/api/v1/canned-replies',
    {
      schema: {
        tags: ['canned replies'],
        summary: 'The shared canned replies and the caller’s own',
        response: { 200: cannedReplyListResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ replies: await listCannedReplies(ctx.db, authorOf(request)) }),
  );

  r.post(
    '/api/v1/canned-replies',
    {
      schema: {
        tags: ['canned replies'],
        summary:
          'A canned reply with placeholders {{customer_name}}, {{case_reference}}, {{quoted_time}}, {{agent_name}}; ' +
          'shared ones by supervisors and admins only',
        body: replyBody,
        response: { 201: cannedReplyViewSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const author = authorOf(request);
      const row = await createCannedReply(ctx.db, author, request.body, ctx.now());
      return reply.status(201).send(presentCannedReply(author, row));
    },
  );

  r.put(
    '/api/v1/canned-replies/:id',
    {
      schema: {
        tags: ['canned replies'],
        summary: 'Change a canned reply (one’s own; shared ones: supervisors and admins)',
        params: idParam,
        body: replyBody,
        response: { 200: cannedReplyViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const author = authorOf(request);
      const row = await updateCannedReply(ctx.db, author, request.params.id, request.body, ctx.now());
      return presentCannedReply(author, row);
    },
  );

  r.delete(
    '/api/v1/canned-replies/:id',
    {
      schema: {
        tags: ['canned replies'],
        summary: 'Delete a canned reply (one’s own; shared ones: supervisors and admins)',
        params: idParam,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteCannedReply(ctx.db, authorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/cases/:id/canned-replies',
    {
      schema: {
        tags: ['canned replies'],
        summary: 'The canned replies filled in for this case, the customer’s language first',
        params: idParam,
        response: { 200: caseCannedRepliesResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => cannedRepliesForCase(ctx.db, authorOf(request), request.params.id),
  );
}
