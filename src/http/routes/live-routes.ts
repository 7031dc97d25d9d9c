import { z } from 'zod';
import { PRESENCE_ACTIVITIES } from '../../kernel/domain-words.ts';
import { markNoticesSeen, notePresence, readCasePresence } from '../../live/index.ts';
import { listMyNotices } from '../../views/index.ts';
import {
  casePresenceResponseSchema,
  liveNoticeSchema,
  myNoticesResponseSchema,
} from '../../contract/response-schemas/live-types.ts';
import { openNoticeStream } from '../notice-stream.ts';
import { credentialsExpireAt, credentialsStillValid, requireStaff } from '../staff-auth.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses, noContent } from '../route-responses.ts';

const presenceBody = z.strictObject({
  activity: z.enum([...PRESENCE_ACTIVITIES, 'left'], { message: 'must be viewing, replying or left' }),
});
const seenBody = z.strictObject({
  upTo: z.number().int('must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER),
});

/** Seeing changes live (issue 16): the push stream, presence on a case, notifications for what is mine. */
export function registerLiveRoutes({ app, ctx, live }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/live',
    {
      schema: {
        tags: ['live'],
        summary:
          'Server-Sent Events (text/event-stream): each `data:` line is one LiveNotice of the caller’s workspace ' +
          '(what changed, never the data); refetch what you show',
        response: { 200: liveNoticeSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      openNoticeStream(request, reply, {
        workspaceId: staff.workspaceId,
        userId: staff.userId,
        stillAllowed: () => credentialsStillValid(request, ctx.db, ctx.now()),
        expiresAt: () => credentialsExpireAt(request, ctx.db),
        now: ctx.now,
      });
    },
  );

  r.get(
    '/api/v1/cases/:id/presence',
    {
      schema: {
        tags: ['live'],
        summary: 'Who is viewing or replying on the case now',
        params: idParam,
        response: { 200: casePresenceResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return readCasePresence(ctx.db, live, staff.workspaceId, request.params.id);
    },
  );

  r.post(
    '/api/v1/cases/:id/presence',
    {
      schema: {
        tags: ['live'],
        summary: 'Heartbeat (every 10 s while open; expires after 30 s) or leave: viewing, replying or left',
        params: idParam,
        body: presenceBody,
        response: { 200: casePresenceResponseSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return notePresence(ctx.db, live, staff, request.params.id, request.body.activity);
    },
  );

  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['live'],
        summary:
          'Notifications for what is mine: new messages on my cases, my promises due or broken, escalations to me',
        response: { 200: myNoticesResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return listMyNotices(ctx.db, staff, ctx.now());
    },
  );

  r.post(
    '/api/v1/notifications/seen',
    {
      schema: {
        tags: ['live'],
        summary: 'Mark my notifications read up to an event id (never moves back)',
        body: seenBody,
        response: { 204: noContent, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      await markNoticesSeen(ctx.db, staff, request.body.upTo, ctx.now());
      return reply.status(204).send(null);
    },
  );
}
