// A person's own preferences (issue 16): the case timeline's reading order and folds, kept on the server.
import { z } from 'zod';
import { readUserPreferences, saveUserPreferences } from '../../accounts/index.ts';
import { userPreferencesSchema } from '../../contract/response-schemas/preference-types.ts';
import { requireStaff } from '../staff-auth.ts';
import { typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses } from '../route-responses.ts';

const preferencesBody = z.strictObject({
  timeline: z.strictObject({ newestFirst: z.boolean(), hideSystem: z.boolean(), foldKeptPromises: z.boolean() }),
});

export function registerPreferenceRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: 'The caller’s preferences (the defaults until they first choose)',
        response: { 200: userPreferencesSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return readUserPreferences(ctx.db, staff.workspaceId, staff.userId);
    },
  );

  r.put(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: 'Replace the caller’s preferences',
        body: preferencesBody,
        response: { 200: userPreferencesSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return saveUserPreferences(ctx.db, staff, request.body, ctx.now());
    },
  );
}
