import { z } from 'zod';
import { endSession, logIn, startSession } from '../../accounts/index.ts';
import { getMe, presentUser, presentWorkspace } from '../../views/index.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { createWorkspace, loadWorkspace, needsSetup } from '../../workspaces/index.ts';
import { requireStaff, SESSION_COOKIE, setSessionCookie } from '../staff-auth.ts';
import { languageCode, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { meResponseSchema } from '../../contract/response-schemas/api-types.ts';
import { setupStatusResponseSchema } from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses, noContent } from '../route-responses.ts';

export function registerSetupRoutes({ app, ctx, config }: RouteDeps): void {
  const r = typed(app);
  const secure = config.publicUrl.startsWith('https:');

  r.get(
    '/api/v1/setup/status',
    {
      schema: {
        response: { 200: setupStatusResponseSchema, ...errorResponses() },
        tags: ['setup'],
        summary: 'Whether the first-run setup is still needed',
      },
    },
    async () => {
      return { needsSetup: await needsSetup(ctx.db) };
    },
  );

  r.post(
    '/api/v1/setup',
    {
      schema: {
        response: { 200: meResponseSchema, ...errorResponses(400, 409) },
        tags: ['setup'],
        summary: 'Create the first workspace and its admin (only once)',
        body: z.strictObject({
          workspaceName: shortText(120),
          adminName: shortText(120),
          adminEmail: z.email().max(254),
          password: z.string().min(10).max(200),
          language: languageCode,
        }),
      },
    },
    async (request, reply) => {
      if (!(await needsSetup(ctx.db)))
        throw new KeptError('setup.already_done', 'Kept is already set up; log in instead');
      const { workspace, admin } = await createWorkspace(ctx.db, request.body);
      setSessionCookie(reply, await startSession(ctx.db, admin, ctx.now()), secure);
      return { user: presentUser(admin), workspace: presentWorkspace(workspace) };
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        response: { 200: meResponseSchema, ...errorResponses(400, 401, 429) },
        tags: ['auth'],
        summary: 'Log in with e-mail and password (throttled per account and address: 429 with Retry-After)',
        body: z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const { token, user } = await logIn(ctx.db, { ...request.body, clientAddress: request.ip }, ctx.now());
      setSessionCookie(reply, token, secure);
      return { user: presentUser(user), workspace: presentWorkspace(await loadWorkspace(ctx.db, user.workspaceId)) };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { response: { 204: noContent, ...errorResponses() }, tags: ['auth'], summary: 'End the session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      schema: {
        response: { 200: meResponseSchema, ...errorResponses(401) },
        tags: ['auth'],
        summary: 'The logged-in staff member and workspace',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return getMe(ctx.db, staff.workspaceId, staff.userId);
    },
  );
}
