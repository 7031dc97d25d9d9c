import { z } from 'zod';
import { createApiToken, createUser, listApiTokens, revokeApiToken, updateUser } from '../../accounts/index.ts';
import { listStaff, presentUser } from '../../views/index.ts';
import { loadWorkspace, updateSettings } from '../../workspaces/index.ts';
import { ROLES } from '../../kernel/domain-words.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, languageCode, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { userViewSchema, workspaceSettingsSchema } from '../../contract/response-schemas/api-types.ts';
import { apiTokenCreatedSchema, userListResponseSchema } from '../../contract/response-schemas/route-response-types.ts';
import { apiTokenListResponseSchema } from '../../contract/response-schemas/api-token-types.ts';
import { errorResponses, noContent } from '../route-responses.ts';

const role = z.enum(ROLES);
const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 90);

export const settingsSchema = z
  .strictObject({
    acknowledgementWindowMinutes: minutes,
    firstResponseMinutes: minutes,
    escalationDeadlineMinutes: minutes,
    promiseReminderMinutes: minutes,
    hellThresholds: z
      .strictObject({
        contacts: z.number().int().min(1),
        channels: z.number().int().min(1),
        people: z.number().int().min(1),
        handoffs: z.number().int().min(1),
        reopenings: z.number().int().min(1),
        totalWaitMinutes: z.number().int().min(1),
        brokenPromises: z.number().int().min(1),
        unansweredMessages: z.number().int().min(1),
      })
      .partial(),
    supportPhone: z.string().trim().max(60),
    supportEmail: z.string().trim().max(254),
    supportHours: z.string().trim().max(200),
    quotePercentile: z.number().int().min(50).max(99),
    quoteFromCapability: z.boolean(),
  })
  .partial();

export function registerStaffRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/users',
    {
      schema: {
        response: { 200: userListResponseSchema, ...errorResponses(401) },
        tags: ['users'],
        summary: 'Staff of the workspace with their open-case load',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { users: await listStaff(ctx.db, staff.workspaceId) };
    },
  );

  r.post(
    '/api/v1/users',
    {
      schema: {
        response: { 201: userViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['users'],
        summary: 'Add an agent, supervisor or admin',
        body: z.strictObject({
          name: shortText(120),
          email: z.email().max(254),
          password: z.string().min(10).max(200),
          role,
          languages: z.array(languageCode).max(20).default([]),
          capacity: z.number().int().min(0).max(1000).optional(),
          teamId: z.uuid({ message: 'must be a team id (UUID)' }).nullable().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      const user = await createUser(ctx.db, { ...request.body, workspaceId: staff.workspaceId });
      return reply.status(201).send(presentUser(user, 0));
    },
  );

  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        response: { 200: userViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['users'],
        summary:
          'Change a staff member (role, languages, capacity, active, password, team; teamId null leaves the team)',
        params: idParam,
        body: z
          .strictObject({
            name: shortText(120),
            role,
            languages: z.array(languageCode).max(20),
            capacity: z.number().int().min(0).max(1000),
            active: z.boolean(),
            password: z.string().min(10).max(200),
            teamId: z.uuid({ message: 'must be a team id (UUID)' }).nullable(),
          })
          .partial(),
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return presentUser(await updateUser(ctx.db, staff.workspaceId, request.params.id, request.body));
    },
  );

  r.get(
    '/api/v1/settings',
    {
      schema: {
        response: { 200: workspaceSettingsSchema, ...errorResponses(401) },
        tags: ['settings'],
        summary: 'Workspace settings',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return (await loadWorkspace(ctx.db, staff.workspaceId, true)).settings;
    },
  );

  r.put(
    '/api/v1/settings',
    {
      schema: {
        response: { 200: workspaceSettingsSchema, ...errorResponses(400, 401, 403) },
        tags: ['settings'],
        summary: 'Change workspace settings (admin)',
        body: settingsSchema,
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return updateSettings(ctx.db, staff.workspaceId, request.body as never);
    },
  );

  r.post(
    '/api/v1/tokens',
    {
      schema: {
        response: { 201: apiTokenCreatedSchema, ...errorResponses(400, 401, 403) },
        tags: ['settings'],
        summary: 'Create an API token for an integration (shown once)',
        body: z.strictObject({ name: shortText(80) }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      const token = await createApiToken(ctx.db, {
        workspaceId: staff.workspaceId,
        userId: staff.userId,
        name: request.body.name,
      });
      return reply.status(201).send({ token });
    },
  );

  r.get(
    '/api/v1/tokens',
    {
      schema: {
        response: { 200: apiTokenListResponseSchema, ...errorResponses(401, 403) },
        tags: ['settings'],
        summary: 'List the workspace’s API tokens (admin; never their secret)',
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return { tokens: await listApiTokens(ctx.db, staff.workspaceId) };
    },
  );

  r.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
        tags: ['settings'],
        summary: 'Revoke an API token (admin): the next request with it gets 401',
        params: idParam,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      await revokeApiToken(ctx.db, staff.workspaceId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
